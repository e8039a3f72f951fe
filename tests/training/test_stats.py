"""Training hours of a year on a dataset computed by hand.

2020: a remote REOR course of 3 h followed by A and B (3 + 2.5 h, B left early), an
on-site course of 7 h followed by A, C absent, D accepted but not yet recorded; a 2021
session that must not count.
Done = 3 + 2.5 + 7 = 12.5 h; remote = 5.5 h (44.0 %); people trained = A, B = 2;
planned = 3 × 2 + 7 × 2 (A and D hold a place; C absent does not) = 20 h over 4 places."""

from datetime import date
from decimal import Decimal

import pytest

from hr.training import stats
from hr.training.enums import EnrolmentStatus, Mode, Theme
from tests.factories import DepartmentFactory, EmployeeFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db
ATTENDED, ABSENT, APPROVED = EnrolmentStatus.ATTENDED, EnrolmentStatus.ABSENT, "approved"


@pytest.fixture
def dataset():
    lab, service = DepartmentFactory(name="Laboratoire"), DepartmentFactory(name="Service")
    a, b = EmployeeFactory(department=lab), EmployeeFactory(department=lab)
    c, d = EmployeeFactory(department=service), EmployeeFactory(department=service)
    remote = SessionFactory(
        course=CourseFactory(provider="REOR", mode=Mode.REMOTE, hours=3, theme=Theme.REMOTE_WORK),
        starts_on=date(2020, 4, 7),
        ends_on=date(2020, 4, 7),
    )
    on_site = SessionFactory(
        course=CourseFactory(provider="INRS", mode=Mode.ON_SITE, hours=7, theme=Theme.SAFETY),
        starts_on=date(2020, 10, 5),
        ends_on=date(2020, 10, 5),
    )
    EnrolmentFactory(session=remote, employee=a, status=ATTENDED, attended_hours=3)
    EnrolmentFactory(session=remote, employee=b, status=ATTENDED, attended_hours=Decimal("2.5"))
    EnrolmentFactory(session=on_site, employee=a, status=ATTENDED, attended_hours=7)
    EnrolmentFactory(session=on_site, employee=c, status=ABSENT)
    EnrolmentFactory(session=on_site, employee=d, status=APPROVED)
    later = SessionFactory(starts_on=date(2021, 1, 11), ends_on=date(2021, 1, 11))
    EnrolmentFactory(session=later, employee=a, status=ATTENDED, attended_hours=7)


def test_training_hours_of_a_year(dataset):
    totals = stats.training_hours(2020)
    assert totals["done"] == Decimal("12.5")
    assert totals["remote"] == Decimal("5.5")
    assert totals["remote_share"] == Decimal("44.0")
    assert totals["people"] == 2
    assert (totals["planned"], totals["places"]) == (Decimal("20"), 4)


def test_hours_by_theme_provider_and_department(dataset):
    assert [(r["label"], r["hours"], r["people"]) for r in stats.hours_by_provider(2020)] == [
        ("INRS", Decimal("7"), 1),
        ("REOR", Decimal("5.5"), 2),
    ]
    assert [(r["label"], r["hours"]) for r in stats.hours_by_department(2020)] == [
        ("Laboratoire", Decimal("12.5"))
    ]
    assert [r["label"] for r in stats.hours_by_theme(2020)] == [
        "Santé et sécurité au travail",
        "Travail à distance",
    ]


def test_people_trained_by_a_date(dataset):
    title = "Développeur de talents"
    course = CourseFactory(title=title)
    for day in (date(2019, 6, 14), date(2020, 11, 20)):
        session = SessionFactory(course=course, starts_on=day, ends_on=day)
        EnrolmentFactory(session=session, status=ATTENDED, attended_hours=21)
    assert stats.people_trained(course_title=title, until=date(2020, 12, 31)) == 2
    assert stats.people_trained(course_title=title, until=date(2019, 12, 31)) == 1


def test_the_plan_page_follows_each_recorded_attendance(dataset, client, make_user):
    """The plan's aggregates are kept until an enrolment, session, course, person or
    service changes: recording D's 7 h shows 19.5 h at once; a second visit with nothing
    changed reads no aggregate again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from hr.training.models import Enrolment
    from imtsocial.accounts.roles import Role

    client.force_login(make_user(Role.HR))
    url = reverse("training:plan") + "?year=2020"
    assert client.get(url).context["totals"]["done"] == Decimal("12.5")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).context["totals"]["done"] == Decimal("12.5")
    assert not [q for q in queries.captured_queries if "training_enrolment" in q["sql"]]
    enrolment = Enrolment.objects.get(status=APPROVED)
    enrolment.status, enrolment.attended_hours = ATTENDED, 7
    enrolment.save()
    page = client.get(url).context
    assert page["totals"]["done"] == Decimal("19.5")
    assert page["totals"]["people"] == 3
    assert [(r["label"], r["hours"]) for r in page["departments"]] == [
        ("Laboratoire", Decimal("12.5")),
        ("Service", Decimal("7")),
    ]
