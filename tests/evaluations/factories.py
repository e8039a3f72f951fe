from datetime import date

import factory

from hr.evaluations.enums import Committee, InterviewStatus
from hr.evaluations.models import EvaluationCampaign, EvaluationInterview
from tests.factories import EmployeeFactory

REPORT = {
    "results": "Objectifs atteints.",
    "objectives": "Former un nouvel agent.",
    "way_of_working": "Rigoureuse.",
    "training_needs": "Management à distance.",
    "career_wishes": "Concours interne.",
}


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationCampaign
        django_get_or_create = ("year",)

    year = 2026
    opened_on = date(2026, 10, 1)
    deadline = date(2027, 1, 31)


class InterviewFactory(factory.django.DjangoModelFactory):
    """An interview to plan, evaluated by the person's manager; traits for later steps."""

    class Meta:
        model = EvaluationInterview

    class Params:
        planned = factory.Trait(
            status=InterviewStatus.PLANNED,
            convened_on=date(2026, 11, 2),
            scheduled_for=date(2026, 11, 16),
        )
        written = factory.Trait(
            status=InterviewStatus.WRITTEN,
            convened_on=date(2026, 11, 2),
            scheduled_for=date(2026, 11, 16),
            held_on=date(2026, 11, 16),
            **REPORT,
        )
        notified = factory.Trait(
            status=InterviewStatus.NOTIFIED,
            convened_on=date(2026, 11, 2),
            scheduled_for=date(2026, 11, 16),
            held_on=date(2026, 11, 16),
            notified_on=date(2026, 11, 20),
            **REPORT,
        )

    campaign = factory.SubFactory(CampaignFactory)
    employee = factory.SubFactory(EmployeeFactory)
    evaluator = factory.SelfAttribute("employee.manager")
    endorser = factory.LazyAttribute(lambda o: o.employee.manager and o.employee.manager.manager)
    committee = Committee.CAP
