"""« Mon espace »: the person's appointment; the advisor's appointments without letter."""

from datetime import date

import pytest
from django.test import RequestFactory

from imtsocial.accounts.roles import Role
from imtsocial.myspace import sections_of
from safety.network import myspace
from tests.prevention_network.factories import AppointmentFactory

pytestmark = pytest.mark.django_db


def _sections(user):
    request = RequestFactory().get("/")
    request.user = user
    return {section.title: section for section in sections_of(myspace.sections, request)}


def test_the_person_and_the_advisor_see_their_part(make_user, make_agent):
    person = make_user(Role.EMPLOYEE)
    AppointmentFactory(employee=person.employee, starts_on=date(2019, 9, 1))
    AppointmentFactory(ends_on=date(2020, 1, 1))  # ended: not a to-do
    mine = _sections(person)["Ma mission de prévention"]
    assert [(i.label, i.detail) for i in mine.items] == [
        ("Assistant de prévention", "Depuis le 1er septembre 2019")
    ]
    advisor = _sections(make_agent(advisor=True))["Réseau de prévention"]
    assert [i.label for i in advisor.todo] == ["1 nomination en vigueur sans lettre de nomination"]
    assert _sections(make_user(Role.EMPLOYEE)) == {}
    assert "Réseau de prévention" not in _sections(make_agent())
