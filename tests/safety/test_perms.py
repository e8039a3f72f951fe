"""safety/perms.py called directly: for each rule, who is allowed and who is denied.

Every employee reads the published DUERP editions; prevention agents and the director
read every work unit, a manager those of their department (or of the department they
head); an agent writes only in the units assigned to them, the advisor everywhere, and
only the advisor publishes, manages units and edits the hazard library.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from imtsocial.accounts.roles import Role, forget_roles
from safety import perms
from safety.models import DuerpEdition, PreventionAdvisor
from tests.safety.factories import ActionItemFactory, RiskEntryFactory, WorkUnitFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, EMPLOYEE, MANAGER = "anonymous", "no role", "employee", "manager"
HEAD, OTHER_MANAGER, AGENT, OTHER_AGENT = "department head", "other manager", "agent", "other agent"
ADVISOR, DIRECTOR, HR, IT, SA, DPO = "advisor", "director", "hr", "it", "social action", "dpo"
EVERYONE = [
    ANON,
    NOBODY,
    EMPLOYEE,
    MANAGER,
    HEAD,
    OTHER_MANAGER,
    AGENT,
    OTHER_AGENT,
    ADVISOR,
    DIRECTOR,
    HR,
    IT,
    SA,
    DPO,
]


@pytest.fixture
def world(make_user, make_agent):
    """One work unit of the manager's department, the agent assigned to it, one entry
    with one action; the department's head works in another department."""
    manager, head, agent = make_user(Role.MANAGER), make_user(Role.MANAGER), make_agent()
    department = manager.employee.department
    department.head = head.employee
    department.save()
    unit = WorkUnitFactory(department=department, agents=[agent])
    entry = RiskEntryFactory(work_unit=unit)
    advisor = make_agent(advisor=True)
    users = {
        ANON: AnonymousUser(),
        NOBODY: make_user(),
        EMPLOYEE: make_user(Role.EMPLOYEE, department=department),
        MANAGER: manager,
        HEAD: head,
        OTHER_MANAGER: make_user(Role.MANAGER),
        AGENT: agent,
        OTHER_AGENT: make_agent(),
        ADVISOR: advisor,
        DIRECTOR: make_user(Role.DIRECTOR),
        HR: make_user(Role.HR),
        IT: make_user(Role.IT),
        SA: make_user(Role.SOCIAL_ACTION),
        DPO: make_user(Role.DPO),
    }
    edition = DuerpEdition.objects.create(
        year=2020,
        published_by=advisor,
        method={"name": "m"},
        snapshot={"units": [], "entries": [], "actions": []},
        snapshot_checksum="a" * 64,
        entry_count=0,
        action_count=0,
    )
    return SimpleNamespace(
        users=users,
        unit=unit,
        entry=entry,
        action=ActionItemFactory(entry=entry, owner=agent),
        edition=edition,
    )


def fetched(fetch, pk) -> bool:
    """True when the scoped fetch hands the object over, False when it answers 404."""
    try:
        return fetch(pk).pk == pk
    except Http404:
        return False


def fetch(name, target):
    return lambda u, w: fetched(lambda pk: getattr(perms, name)(u, pk), getattr(w, target).pk)


def listed(name, target):
    return lambda u, w: getattr(perms, name)(u).filter(pk=getattr(w, target).pk).exists()


STAFF = set(EVERYONE) - {ANON, NOBODY}
MANAGERS = {MANAGER, HEAD, OTHER_MANAGER}
AGENTS = {AGENT, OTHER_AGENT, ADVISOR}
UNIT_READERS = {MANAGER, HEAD, *AGENTS, DIRECTOR}
UNIT_WRITERS = {AGENT, ADVISOR}

# rule → (how to ask it, who is allowed; everyone else is denied)
TABLE = {
    "is_advisor": (lambda u, w: perms.is_advisor(u), {ADVISOR}),
    "can_read_register": (lambda u, w: perms.can_read_register(u), MANAGERS | AGENTS | {DIRECTOR}),
    "can_read_editions": (lambda u, w: perms.can_read_editions(u), STAFF),
    "get_edition_for": (fetch("get_edition_for", "edition"), STAFF),
    "can_publish": (lambda u, w: perms.can_publish(u), {ADVISOR}),
    "can_edit_knowledge_base": (lambda u, w: perms.can_edit_knowledge_base(u), {ADVISOR}),
    "get_hazard_for_edit": (
        lambda u, w: fetched(lambda pk: perms.get_hazard_for_edit(u, pk), w.entry.hazard.pk),
        {ADVISOR},
    ),
    "can_manage_units": (lambda u, w: perms.can_manage_units(u), {ADVISOR}),
    "get_unit_for_management": (fetch("get_unit_for_management", "unit"), {ADVISOR}),
    "units_visible_to": (listed("units_visible_to", "unit"), UNIT_READERS),
    "get_unit_for": (fetch("get_unit_for", "unit"), UNIT_READERS),
    "entries_visible_to": (listed("entries_visible_to", "entry"), UNIT_READERS),
    "get_entry_for": (fetch("get_entry_for", "entry"), UNIT_READERS),
    "actions_visible_to": (listed("actions_visible_to", "action"), UNIT_READERS),
    "units_editable_by": (listed("units_editable_by", "unit"), UNIT_WRITERS),
    "can_edit_unit": (lambda u, w: perms.can_edit_unit(u, w.unit), UNIT_WRITERS),
    "get_unit_for_edit": (fetch("get_unit_for_edit", "unit"), UNIT_WRITERS),
    "get_entry_for_edit": (fetch("get_entry_for_edit", "entry"), UNIT_WRITERS),
    "get_action_for_edit": (fetch("get_action_for_edit", "action"), UNIT_WRITERS),
    # the director reads everything but does not comment
    "can_comment": (lambda u, w: perms.can_comment(u, w.entry), {MANAGER, HEAD, *AGENTS}),
}
NOT_ASSERTED: set = set()  # every case of the table is asserted


def _cases():
    for rule, (_ask, allowed) in TABLE.items():
        for who in EVERYONE:
            if (rule, who) not in NOT_ASSERTED:
                yield pytest.param(rule, who, who in allowed, id=f"{rule}-{who}")


@pytest.mark.parametrize(("rule", "who", "expected"), list(_cases()))
def test_safety_permission_table(world, rule, who, expected):
    ask, _allowed = TABLE[rule]
    assert ask(world.users[who], world) is expected


def test_the_advisor_writes_in_a_unit_nobody_is_assigned_to(world):
    lonely = WorkUnitFactory()
    assert perms.can_edit_unit(world.users[ADVISOR], lonely)
    assert not perms.can_edit_unit(world.users[AGENT], lonely)


def test_an_agent_unassigned_from_a_unit_no_longer_writes_in_it(world):
    agent = world.users[AGENT]
    world.unit.agents.remove(agent)
    assert not perms.can_edit_unit(agent, world.unit)
    with pytest.raises(Http404):
        perms.get_entry_for_edit(agent, world.entry.pk)
    assert perms.get_entry_for(agent, world.entry.pk) == world.entry  # still reads it


def test_an_inactive_advisor_record_gives_no_advisor_rights(make_agent):
    former = make_agent(advisor=True)
    PreventionAdvisor.objects.filter(user=former).update(active=False)
    assert not perms.is_advisor(former)
    assert not perms.can_publish(former)


def test_an_advisor_record_without_the_prevention_role_gives_nothing(world):
    advisor = world.users[ADVISOR]
    advisor.groups.clear()
    forget_roles(advisor)
    assert not perms.is_advisor(advisor)
    assert not perms.can_edit_unit(advisor, world.unit)


def test_the_in_page_navigation_follows_the_rules(world):
    expected = {
        MANAGER: (True, False, False),
        AGENT: (True, True, False),
        ADVISOR: (True, True, True),
        EMPLOYEE: (False, False, False),
    }
    for who, (register, agent, manage) in expected.items():
        assert perms.nav_flags(world.users[who]) == {
            "can_read_register": register,
            "is_agent": agent,
            "can_manage_units": manage,
        }, who
