"""« Mon espace » of onboarding: the owner's items to do and the newcomer's checklist
are both read in the page's batch of counters."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hr.onboarding.models import Onboarding
from hr.onboarding.myspace import sections
from imtsocial.accounts.roles import Role, employee_of, roles_of
from imtsocial.myspace import sections_of
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _request(rf, user):
    request = rf.get(reverse("home"))
    request.user = user
    roles_of(user), employee_of(user)  # the login's roles and record, read once a request
    return request


def test_the_newcomer_finds_their_checklist(rf, make_user, django_assert_num_queries):
    newcomer = make_user(Role.EMPLOYEE, hire_date=timezone.localdate())
    request = _request(rf, newcomer)
    with django_assert_num_queries(1):  # the batch: the checklist's pk
        (section,) = sections_of(sections, request)
    assert section.title == "Bienvenue"
    assert [item.url for item in section.items] == [
        Onboarding.objects.get(employee=newcomer.employee).get_absolute_url()
    ]


def test_an_owner_counts_the_items_to_do_with_their_own_checklist(
    rf, make_user, django_assert_num_queries
):
    EmployeeFactory(hire_date=timezone.localdate())
    request = _request(rf, make_user(Role.IT))
    with django_assert_num_queries(1):  # the batch: IT's items to do, an own checklist
        result = sections_of(sections, request)
    assert [(s.title, [item.label for item in s.todo]) for s in result] == [
        ("Accueil des nouveaux agents", ["2 étapes d'accueil à faire"])
    ]


def test_nothing_for_someone_without_checklist_nor_steps(rf, make_user):
    assert sections_of(sections, _request(rf, make_user(Role.EMPLOYEE))) == []
