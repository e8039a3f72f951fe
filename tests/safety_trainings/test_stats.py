"""Yearly statistics with numbers derived by hand."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from imtsocial.accounts.roles import Role
from safety.trainings import stats
from safety.trainings.enums import LearnerKind
from safety.trainings.models import QuizAttempt
from tests.factories import EmployeeFactory
from tests.safety_trainings.factories import (
    AttendanceFactory,
    LearnerFactory,
    SessionFactory,
    kind,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2020():
    a, b, c = EmployeeFactory(), EmployeeFactory(), EmployeeFactory()
    student = LearnerFactory(kind=LearnerKind.STUDENT)
    intern = LearnerFactory(kind=LearnerKind.INTERN)
    apprentice = LearnerFactory(kind=LearnerKind.APPRENTICE)
    january = SessionFactory(date=date(2020, 1, 21))
    september = SessionFactory(date=date(2020, 9, 22))
    AttendanceFactory(session=january, employee=a)
    AttendanceFactory(session=january, employee=None, learner=intern)
    AttendanceFactory(session=september, employee=b)
    AttendanceFactory(session=september, employee=None, learner=student)
    AttendanceFactory(session=september, employee=None, learner=apprentice)
    laser = SessionFactory(kind=kind("laser"), date=date(2020, 10, 20))
    AttendanceFactory(session=laser, employee=a)
    AttendanceFactory(session=laser, employee=c)
    AttendanceFactory(session=laser, employee=None, learner=student)
    # 2019 and 2021 do not count
    AttendanceFactory(session=SessionFactory(date=date(2019, 12, 31)), employee=c)
    AttendanceFactory(session=SessionFactory(kind=kind("laser"), date=date(2021, 1, 1)))


def test_trainings_by_kind(year_2020):
    rows = {row["code"]: row for row in stats.trainings_by_kind(2020)}
    # induction: 2 sessions, employees a and b, learners intern, student, apprentice
    assert {k: rows["accueil"][k] for k in ("sessions", "employees", "learners")} == {
        "sessions": 2,
        "employees": 2,
        "learners": 3,
    }
    # laser: 1 session, employees a and c, learner student
    assert (rows["laser"]["sessions"], rows["laser"]["employees"], rows["laser"]["learners"]) == (
        1,
        2,
        1,
    )
    assert set(rows) == {"accueil", "laser"}


def test_people_trained_and_inductions(year_2020):
    # distinct people: a, b, c; intern, student, apprentice (student counted once)
    assert stats.people_trained(2020) == {"employees": 3, "learners": 3}
    assert stats.inductions(2020) == {
        "sessions": 2,
        "employees": 2,
        "learners": 3,
        "learners_by_kind": {"eleve": 1, "stagiaire": 1, "apprenti": 1},
    }
    assert stats.inductions(2018)["sessions"] == 0


def test_quiz_of_a_year(make_user):
    user = make_user(Role.EMPLOYEE)
    paris = ZoneInfo("Europe/Paris")
    attempts = [
        (6, 8, datetime(2020, 3, 2, 10)),
        (3, 4, datetime(2020, 11, 5, 9)),
        (1, 2, datetime(2020, 12, 1, 9)),
        (8, 8, datetime(2021, 1, 4, 9)),
    ]
    for score, total, when in attempts:
        attempt = QuizAttempt.objects.create(user=user, score=score, total=total)
        QuizAttempt.objects.filter(pk=attempt.pk).update(taken_at=when.replace(tzinfo=paris))
    # 2020: 75 %, 75 %, 50 % → mean 66.7 %
    row = stats.quiz(2020)
    assert (row["attempts"], row["mean_score"], row["people"]) == (3, 66.7, 1)
    assert stats.quiz(2019) == {"attempts": 0, "people": 0, "mean_score": None}
