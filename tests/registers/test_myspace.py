"""« Mon espace »: the employee's « Signaler » links and open entries, prevention's
entries to answer (late ones counted with the dated delay) and DGI to follow, the
manager's entries to acknowledge."""

from datetime import timedelta

import pytest
import time_machine
from django.test import RequestFactory
from django.utils import timezone

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import sections_of
from imtsocial.refdata import parameters
from safety.perms import is_advisor
from safety.registers import myspace
from safety.registers.enums import DgiStatus, RsstStatus
from tests.registers.factories import DgiReportFactory, RsstEntryFactory

pytestmark = pytest.mark.django_db


def _sections(user):
    request = RequestFactory().get("/")
    request.user = user
    return {s.title: s for s in sections_of(myspace.sections, request)}


def test_each_role_sees_its_part(world):
    with time_machine.travel(timezone.now() - timedelta(days=20)):
        RsstEntryFactory(author=world.author.employee, work_unit=world.unit)  # late (> 15 days)
    RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    RsstEntryFactory(author=world.author.employee, work_unit=world.other_unit)
    RsstEntryFactory(author=world.author.employee, work_unit=world.unit, status=RsstStatus.ANSWERED)
    RsstEntryFactory(author=world.author.employee, status=RsstStatus.CLOSED)
    DgiReportFactory()
    DgiReportFactory(status=DgiStatus.DECIDED, decision="confirmed", decided_on="2024-03-04")

    mine = _sections(world.author)["Registres santé et sécurité"]
    assert len(mine.items) == 4  # the closed one is not shown
    assert any("Signaler" in link.label for link in mine.links)

    agent = _sections(world.agent)["Registres à traiter"]
    # 2 waiting in the agent's unit (one late); the other unit's is not theirs
    assert agent.todo[0].label == "2 observations attendent une réponse"
    assert agent.todo[0].detail == "dont 1 en retard"
    assert agent.todo[1].label == "1 danger grave et imminent à suivre"
    advisor = _sections(world.advisor)["Registres à traiter"]
    assert advisor.todo[0].label == "3 observations attendent une réponse"

    manager = _sections(world.manager)["Registre santé et sécurité de l'équipe"]
    assert manager.todo[0].label == "1 observation à viser"
    assert "Registre santé et sécurité de l'équipe" not in _sections(world.outsider)


def test_an_employee_with_nothing_open_still_gets_the_signaler_links(world):
    section = _sections(world.colleague)["Registres santé et sécurité"]
    assert section.items == [] and section.links
    assert "Registres à traiter" not in _sections(world.other_agent)


def test_the_counters_cost_one_statement(make_user, django_assert_num_queries):
    user = make_user(Role.EMPLOYEE, Role.PREVENTION, Role.MANAGER)
    RsstEntryFactory(author=user.employee)
    request = RequestFactory().get("/")
    request.user = user
    roles_of(user), is_advisor(user)  # read once per request by the platform
    with parameters.request_scope():
        sections_of(myspace.sections, request)  # the parameters read, then cached
    request = RequestFactory().get("/")
    request.user = user
    # the batch (entries waiting and late, DGI to follow, entries to acknowledge in one
    # statement), the person's own open entries
    with parameters.request_scope(), django_assert_num_queries(2):
        titles = [section.title for section in sections_of(myspace.sections, request)]
    assert titles == ["Registres santé et sécurité", "Registres à traiter"]
