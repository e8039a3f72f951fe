from datetime import date

import factory

from safety.trainings.enums import LearnerKind
from safety.trainings.models import (
    Attendance,
    Learner,
    QuizAnswer,
    QuizQuestion,
    RoadRiskExposure,
    SafetySession,
    TrainingKind,
)
from tests.factories import EmployeeFactory


def kind(code: str) -> TrainingKind:
    """A kind the data migration loads (``accueil``, ``risque-routier``, ``chimique``…)."""
    return TrainingKind.objects.get(code=code)


class LearnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Learner

    last_name = factory.Sequence(lambda n: f"Élève{n:03d}")
    first_name = "Camille"
    kind = LearnerKind.STUDENT
    arrived_on = date(2020, 9, 1)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetySession

    kind = factory.LazyFunction(lambda: kind("accueil"))
    date = date(2020, 9, 22)
    place = "Clavières, amphithéâtre A"
    trainer_body = "INRS"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    employee = factory.SubFactory(EmployeeFactory)


class ExposureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadRiskExposure

    employee = factory.SubFactory(EmployeeFactory)
    since = date(2019, 1, 1)
    reason = "Déplacements fréquents entre les sites"


def question(text="Que faire en cas d'incendie ?", answers=(("Alerter", True), ("Fuir", False))):
    q = QuizQuestion.objects.create(text=text)
    for index, (label, correct) in enumerate(answers):
        QuizAnswer.objects.create(question=q, text=label, correct=correct, position=index)
    return q
