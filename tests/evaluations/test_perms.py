"""Who sees an interview and who may do each step: a table of allowed and denied people.

Seen by the person, the evaluator (direct manager), the endorser (the manager's manager)
and HR — never a colleague, another manager, a talent developer (even the person's own
coach), the director as such, IT, social action, prevention or the DPO."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from hr.evaluations import perms
from imtsocial.accounts.roles import Role
from tests.evaluations.factories import InterviewFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, PERSON, COLLEAGUE = "anonymous", "no role", "person", "colleague"
EVALUATOR, ENDORSER, OTHER_MANAGER = "evaluator", "endorser (N+2)", "other manager"
DIRECTOR, HR, IT, SA, PREVENTION, COACH, DPO = (
    "director",
    "hr",
    "it",
    "social action",
    "prevention",
    "talent developer",
    "dpo",
)
EVERYONE = [
    ANON, NOBODY, PERSON, COLLEAGUE, EVALUATOR, ENDORSER, OTHER_MANAGER,
    DIRECTOR, HR, IT, SA, PREVENTION, COACH, DPO,
]  # fmt: skip


@pytest.fixture
def world(make_user):
    n2 = make_user(Role.EMPLOYEE)
    evaluator = make_user(Role.EMPLOYEE, manager=n2.employee)
    person = make_user(Role.EMPLOYEE, manager=evaluator.employee)
    users = {
        ANON: AnonymousUser(),
        NOBODY: make_user(),
        PERSON: person,
        COLLEAGUE: make_user(Role.EMPLOYEE, manager=evaluator.employee),
        EVALUATOR: evaluator,
        ENDORSER: n2,
        OTHER_MANAGER: make_user(Role.MANAGER),
        DIRECTOR: make_user(Role.DIRECTOR),
        HR: make_user(Role.HR),
        IT: make_user(Role.IT),
        SA: make_user(Role.SOCIAL_ACTION),
        PREVENTION: make_user(Role.PREVENTION),
        COACH: make_user(Role.TALENT_DEVELOPER),
        DPO: make_user(Role.DPO),
    }
    interviews = {
        state: InterviewFactory(employee=person.employee, campaign__year=year, **trait)
        for state, year, trait in [
            ("to_plan", 2026, {}),
            ("written", 2025, {"written": True}),
            ("notified", 2024, {"notified": True}),
        ]
    }
    return SimpleNamespace(users=users, interviews=interviews)


def _fetched(user, interview) -> bool:
    try:
        return perms.get_interview_for(user, interview.pk).pk == interview.pk
    except Http404:
        return False


READERS = {PERSON, EVALUATOR, ENDORSER, HR}
TABLE = {
    "get_interview_for": (lambda u, w: _fetched(u, w.interviews["to_plan"]), READERS),
    "interviews_visible_to": (
        lambda u, w: perms.interviews_visible_to(u).filter(pk=w.interviews["notified"].pk).exists(),
        READERS,
    ),
    "can plan": (lambda u, w: perms.can(u, w.interviews["to_plan"], "plan"), {EVALUATOR}),
    "can write": (lambda u, w: perms.can(u, w.interviews["written"], "write"), {EVALUATOR}),
    "can notify": (lambda u, w: perms.can(u, w.interviews["written"], "notify"), {EVALUATOR}),
    "can write a notified report": (
        lambda u, w: perms.can(u, w.interviews["notified"], "write"),
        set(),
    ),
    "can sign": (lambda u, w: perms.can(u, w.interviews["notified"], "sign"), {PERSON}),
    "can manage campaigns": (lambda u, w: perms.can_manage_campaigns(u), {HR}),
    "can see aggregates": (lambda u, w: perms.can_see_aggregates(u), {HR, DIRECTOR}),
}


def _cases():
    for rule, (_ask, allowed) in TABLE.items():
        for who in EVERYONE:
            yield pytest.param(rule, who, who in allowed, id=f"{rule}-{who}")


@pytest.mark.parametrize(("rule", "who", "expected"), list(_cases()))
def test_evaluation_permission_table(world, rule, who, expected):
    ask, _allowed = TABLE[rule]
    assert ask(world.users[who], world) is expected


def test_hr_endorses_only_when_the_evaluator_has_no_manager(make_user):
    hr = make_user(Role.HR)
    evaluator = make_user(Role.EMPLOYEE)
    person = make_user(Role.EMPLOYEE, manager=evaluator.employee)
    interview = InterviewFactory(employee=person.employee, status="signed")
    assert interview.endorser is None
    assert perms.can(hr, interview, "endorse")
    assert not perms.can(person, interview, "endorse")
    n2 = make_user(Role.EMPLOYEE)
    interview.endorser = n2.employee
    assert not perms.can(hr, interview, "endorse")
    assert perms.can(n2, interview, "endorse")
