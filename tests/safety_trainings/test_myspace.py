"""« Mon espace » and the panel of the employee file."""

from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import sections_of
from imtsocial.refdata import parameters
from safety.trainings import myspace, panels
from tests.factories import EmployeeFactory
from tests.safety_trainings.factories import (
    AttendanceFactory,
    ExposureFactory,
    LearnerFactory,
)

pytestmark = pytest.mark.django_db
TODAY = date(2021, 3, 15)


def _sections(user):
    request = RequestFactory().get("/")
    request.user = user
    return sections_of(myspace.sections, request)


def _todo(sections):
    return [item.label for section in sections for item in section.todo]


@time_machine.travel(TODAY)
def test_prevention_sees_the_two_counts_with_links(make_user):
    EmployeeFactory(hire_date=date(2021, 1, 4))
    LearnerFactory(arrived_on=date(2021, 2, 1))
    ExposureFactory()
    agent = make_user(Role.PREVENTION)
    roles_of(agent)  # read once per request by the platform
    with parameters.request_scope():
        _sections(agent)  # the newcomer window read, then cached
    with parameters.request_scope(), CaptureQueriesContext(connection) as captured:
        sections = _sections(agent)
    # 2 newcomers (the employee and the learner), 1 exposed person without training
    assert "2 nouveaux arrivants sans formation d'accueil" in _todo(sections)
    assert "1 personne exposée au risque routier sans formation" in _todo(sections)
    # the batch: newcomer employees, newcomer learners, untrained exposed in one statement
    assert len(captured) == 1


@time_machine.travel(TODAY)
def test_a_newcomer_without_induction_has_the_to_do_until_they_attend(make_user):
    user = make_user(Role.EMPLOYEE, hire_date=date(2021, 2, 1))
    todo = "Suivre la formation d'accueil santé et sécurité"
    assert todo in _todo(_sections(user))
    AttendanceFactory(employee=user.employee)
    assert todo not in _todo(_sections(make_user_reload(user)))
    old_timer = make_user(Role.EMPLOYEE, hire_date=date(2010, 9, 1))
    assert todo not in _todo(_sections(old_timer))


def make_user_reload(user):
    from imtsocial.accounts.models import User

    return User.objects.get(pk=user.pk)


def test_everyone_logged_in_gets_the_quiz_link(make_user):
    links = [item.url for section in _sections(make_user()) for item in section.links]
    assert reverse("safety_trainings:quiz") in links


def test_the_panel_is_for_the_person_their_manager_hr_and_prevention(make_user, rf):
    manager = make_user(Role.EMPLOYEE)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    ExposureFactory(employee=person.employee)
    AttendanceFactory(employee=person.employee)
    for viewer, shown in (
        (person, True),
        (manager, True),
        (make_user(Role.HR), True),
        (make_user(Role.PREVENTION), True),
        (make_user(Role.EMPLOYEE), False),
        (make_user(Role.DIRECTOR), False),
    ):
        request = rf.get("/")
        request.user = viewer
        panel = panels.safety_panel(request, person.employee)
        assert (panel is not None) == shown
        if panel:
            assert len(panel["attendances"]) == 1 and len(panel["exposures"]) == 1


def test_my_trainings_page(client, make_user):
    user = make_user(Role.EMPLOYEE)
    AttendanceFactory(employee=user.employee)
    ExposureFactory(employee=user.employee)
    client.force_login(user)
    page = client.get(reverse("safety_trainings:my_trainings")).content.decode()
    assert "Formation d&#x27;accueil santé et sécurité" in page
    assert "exposé au risque routier depuis le" in page
