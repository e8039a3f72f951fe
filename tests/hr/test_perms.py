"""hr/perms.py called directly: for each rule, who is allowed and who is denied.

The employee file is seen by the person, their direct manager and HR; pay by the person
and HR only (RULES.md §6) — never the manager nor the director; editing, history, the
directory and contract editing are HR's. A scoped fetch answers 404 to everyone else.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from hr import perms
from hr.models import Employee
from imtsocial.accounts.roles import Role
from tests.factories import ContractFactory, EmployeeFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, PERSON, COLLEAGUE = "anonymous", "no role", "person", "colleague"
MANAGER, OTHER_MANAGER, DIRECTOR = "direct manager", "other manager", "director (N+2)"
HR, IT, SA, PREVENTION, COACH, DPO = "hr", "it", "social action", "prevention", "coach", "dpo"
EVERYONE = [
    ANON,
    NOBODY,
    PERSON,
    COLLEAGUE,
    MANAGER,
    OTHER_MANAGER,
    DIRECTOR,
    HR,
    IT,
    SA,
    PREVENTION,
    COACH,
    DPO,
]


@pytest.fixture
def world(make_user):
    """The person (with a contract), their manager, whose own manager is the director."""
    director = make_user(Role.DIRECTOR)
    manager = make_user(Role.MANAGER, manager=director.employee)
    person = make_user(Role.EMPLOYEE, manager=manager.employee)
    users = {
        ANON: AnonymousUser(),
        NOBODY: make_user(),
        PERSON: person,
        COLLEAGUE: make_user(Role.EMPLOYEE, manager=manager.employee),
        MANAGER: manager,
        OTHER_MANAGER: make_user(Role.MANAGER),
        DIRECTOR: director,
        HR: make_user(Role.HR),
        IT: make_user(Role.IT),
        SA: make_user(Role.SOCIAL_ACTION),
        PREVENTION: make_user(Role.PREVENTION),
        COACH: make_user(Role.TALENT_DEVELOPER),
        DPO: make_user(Role.DPO),
    }
    contract = ContractFactory(employee=person.employee)
    return SimpleNamespace(users=users, person=person.employee, contract=contract)


def fetched(fetch, pk) -> bool:
    """True when the scoped fetch hands the object over, False when it answers 404."""
    try:
        return fetch(pk).pk == pk
    except Http404:
        return False


FILE_READERS = {PERSON, MANAGER, HR}

# rule → (how to ask it, who is allowed; everyone else is denied)
TABLE = {
    "can_access_directory": (lambda u, w: perms.can_access_directory(u), {HR}),
    "can_export_directory": (lambda u, w: perms.can_export_directory(u), {HR}),
    "can_view_employee": (lambda u, w: perms.can_view_employee(u, w.person), FILE_READERS),
    "employees_visible_to": (
        lambda u, w: perms.employees_visible_to(u).filter(pk=w.person.pk).exists(),
        FILE_READERS,
    ),
    "get_employee_for": (
        lambda u, w: fetched(lambda pk: perms.get_employee_for(u, pk), w.person.pk),
        FILE_READERS,
    ),
    "can_view_contracts": (lambda u, w: perms.can_view_contracts(u, w.person), FILE_READERS),
    # pay: the person and HR only — never the manager, the N+2 nor the director
    "can_view_pay": (lambda u, w: perms.can_view_pay(u, w.person), {PERSON, HR}),
    # the person reads their file but does not edit it
    "can_edit_employee": (lambda u, w: perms.can_edit_employee(u, w.person), {HR}),
    "can_view_history": (lambda u, w: perms.can_view_history(u, w.person), {HR}),
    # 404 even for the contract's holder
    "get_contract_for_edit": (
        lambda u, w: fetched(lambda pk: perms.get_contract_for_edit(u, pk), w.contract.pk),
        {HR},
    ),
}


def _cases():
    for rule, (_ask, allowed) in TABLE.items():
        for who in EVERYONE:
            yield pytest.param(rule, who, who in allowed, id=f"{rule}-{who}")


@pytest.mark.parametrize(("rule", "who", "expected"), list(_cases()))
def test_hr_permission_table(world, rule, who, expected):
    ask, _allowed = TABLE[rule]
    assert ask(world.users[who], world) is expected


def test_a_manager_sees_themself_and_their_direct_reports_only(world):
    manager = world.users[MANAGER]
    reports = set(Employee.objects.filter(manager=manager.employee))
    assert {world.person, world.users[COLLEAGUE].employee} <= reports
    assert set(perms.employees_visible_to(manager)) == {manager.employee, *reports}


def test_hr_sees_every_employee_even_without_a_login(world):
    loginless = EmployeeFactory()
    assert perms.get_employee_for(world.users[HR], loginless.pk) == loginless
    assert perms.can_view_pay(world.users[HR], loginless)


def test_a_missing_employee_is_a_404_even_for_hr(world):
    with pytest.raises(Http404):
        perms.get_employee_for(world.users[HR], 0)
    with pytest.raises(Http404):
        perms.get_contract_for_edit(world.users[HR], 0)


def test_the_director_never_sees_the_pay_of_their_own_direct_report(world):
    director, manager = world.users[DIRECTOR], world.users[MANAGER]
    assert perms.can_view_employee(director, manager.employee)
    assert not perms.can_view_pay(director, manager.employee)
    assert perms.can_view_pay(manager, manager.employee)  # their own pay, yes
