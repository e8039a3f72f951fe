"""« Mon espace » of a talent developer: the people accompanied, counted in the page's
batch of counters (ended relationships do not count)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.coaching.models import CoachingRelationship
from hr.coaching.myspace import sections
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import sections_of
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _request(rf, user):
    request = rf.get(reverse("home"))
    request.user = user
    roles_of(user), employee_of(user)  # the login's roles and record, read once a request
    return request


def test_the_talent_developer_counts_the_open_relationships(
    rf, make_user, django_assert_num_queries
):
    developer = make_user(Role.TALENT_DEVELOPER)
    coach = developer.employee.talent_developer
    today = timezone.localdate()
    for ended_on in (None, None, today):
        CoachingRelationship.objects.create(
            coachee=EmployeeFactory(), coach=coach, started_on=today, ended_on=ended_on
        )
    request = _request(rf, developer)
    with django_assert_num_queries(1):  # the batch: the open relationships
        (section,) = sections_of(sections, request)
    assert section.items[1].label == "2 personnes accompagnées"


def test_nothing_for_someone_else(rf, make_user):
    assert sections_of(sections, _request(rf, make_user(Role.EMPLOYEE))) == []
