"""« Mon espace » of training: the requests to decide and the attendances to record are
counted in the page's batch of counters; the person's coming trainings are one list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.training.enums import EnrolmentStatus
from hr.training.myspace import sections
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import sections_of
from tests.factories import EmployeeFactory
from tests.training.factories import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _request(rf, user):
    request = rf.get(reverse("home"))
    request.user = user
    roles_of(user), employee_of(user)  # the login's roles and record, read once a request
    return request


def _todo(result):
    (section,) = [section for section in result if section.title == "Formations à décider"]
    return [item.label for item in section.todo]


@pytest.fixture
def requests_and_a_begun_session(make_user):
    """A request of the manager's team, one of someone without manager, and a session
    begun yesterday with an approved enrolment (its attendances to record)."""
    manager = make_user(Role.EMPLOYEE)
    EnrolmentFactory(employee=EmployeeFactory(manager=manager.employee))
    EnrolmentFactory(employee=EmployeeFactory(manager=None))
    begun = SessionFactory(starts_on=timezone.localdate() - timedelta(days=1))
    EnrolmentFactory(session=begun, status=EnrolmentStatus.APPROVED)
    return manager


def test_the_manager_decides_the_team_requests_in_the_batch(
    rf, requests_and_a_begun_session, django_assert_num_queries
):
    request = _request(rf, requests_and_a_begun_session)
    # the manager's own coming trainings, then the batch (the team's requests)
    with django_assert_num_queries(2):
        result = sections_of(sections, request)
    assert _todo(result) == ["1 demande de formation à décider"]


def test_hr_also_decides_for_people_without_manager_and_records_attendances(
    rf, make_user, requests_and_a_begun_session
):
    result = sections_of(sections, _request(rf, make_user(Role.HR)))
    assert _todo(result) == [
        "1 demande de formation à décider",
        "1 session dont les présences sont à noter",
    ]


def test_the_person_sees_their_coming_trainings(rf, make_user):
    person = make_user(Role.EMPLOYEE)
    enrolment = EnrolmentFactory(employee=person.employee)
    (section,) = sections_of(sections, _request(rf, person))
    assert section.title == "Mes formations"
    assert [(item.label, item.badge) for item in section.items] == [
        (enrolment.session.course.title, "Demandée")
    ]
