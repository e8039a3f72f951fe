"""Training permissions as a table: who sees an enrolment and who may do each step.

An enrolment is seen by the person, their direct manager and HR; the manager decides
(HR only for someone without a manager), the person cancels, HR records attendance and
manages the catalogue; the plan is for HR and the director."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from hr.training import perms
from imtsocial.accounts.roles import Role
from tests.training.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, PERSON, COLLEAGUE, MANAGER, N2 = (
    "anonymous", "no role", "person", "colleague", "manager", "manager's manager",
)  # fmt: skip
HR, DIRECTOR, COACH, IT, DPO = "hr", "director", "talent developer", "it", "dpo"
EVERYONE = [ANON, NOBODY, PERSON, COLLEAGUE, MANAGER, N2, HR, DIRECTOR, COACH, IT, DPO]


@pytest.fixture
def world(make_user):
    n2 = make_user(Role.EMPLOYEE)
    manager = make_user(Role.EMPLOYEE, manager=n2.employee)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    users = {
        ANON: AnonymousUser(),
        NOBODY: make_user(),
        PERSON: person,
        COLLEAGUE: make_user(Role.EMPLOYEE, manager=manager.employee),
        MANAGER: manager,
        N2: n2,
        HR: make_user(Role.HR),
        DIRECTOR: make_user(Role.DIRECTOR),
        COACH: make_user(Role.TALENT_DEVELOPER),
        IT: make_user(Role.IT),
        DPO: make_user(Role.DPO),
    }
    requested = EnrolmentFactory(employee=person.employee)
    approved = EnrolmentFactory(employee=person.employee, status="approved")
    return SimpleNamespace(users=users, requested=requested, approved=approved)


def _fetched(user, enrolment) -> bool:
    try:
        return perms.get_enrolment_for(user, enrolment.pk).pk == enrolment.pk
    except Http404:
        return False


EMPLOYEES = {PERSON, COLLEAGUE, MANAGER, N2, HR, DIRECTOR, COACH, IT, DPO}
TABLE = {
    "get_enrolment_for": (lambda u, w: _fetched(u, w.requested), {PERSON, MANAGER, HR}),
    "approve": (lambda u, w: perms.can(u, w.requested, "approve"), {MANAGER}),
    "refuse": (lambda u, w: perms.can(u, w.requested, "refuse"), {MANAGER}),
    "approve an approved one": (lambda u, w: perms.can(u, w.approved, "approve"), set()),
    "cancel": (lambda u, w: perms.can(u, w.approved, "cancel"), {PERSON}),
    "record attendance": (lambda u, w: perms.can(u, w.approved, "record_attendance"), {HR}),
    "manage the catalogue": (lambda u, w: perms.can_manage(u), {HR}),
    "see the plan": (lambda u, w: perms.can_see_plan(u), {HR, DIRECTOR}),
    "see the catalogue": (lambda u, w: perms.can_see_catalogue(u), EMPLOYEES),
}


def _cases():
    for rule, (_ask, allowed) in TABLE.items():
        for who in EVERYONE:
            yield pytest.param(rule, who, who in allowed, id=f"{rule}-{who}")


@pytest.mark.parametrize(("rule", "who", "expected"), list(_cases()))
def test_training_permission_table(world, rule, who, expected):
    ask, _allowed = TABLE[rule]
    assert ask(world.users[who], world) is expected
