"""telework/perms.py called directly: for each rule, who is allowed and who is denied.

A request is seen by the requester, the manager named on it and HR (the final decider);
the manager gives the first opinion, HR the final decision, and the manager never learns
a health, pregnancy or carer reason (RULES.md §6). Equipment is IT's; a loan is seen by IT
and the borrower. What the requester may do depends on the request's state.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.utils import timezone

from imtsocial.accounts.roles import Role
from telework import perms
from telework.enums import Reason, RequestStatus
from tests.telework.factories import AssetFactory, LoanFactory, TeleworkRequestFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, REQUESTER, COLLEAGUE = "anonymous", "no role", "requester", "colleague"
MANAGER, OTHER_MANAGER, HR, IT = "direct manager", "other manager", "hr", "it"
SA, PREVENTION, DIRECTOR, DPO = "social action", "prevention", "director", "dpo"
EVERYONE = [
    ANON,
    NOBODY,
    REQUESTER,
    COLLEAGUE,
    MANAGER,
    OTHER_MANAGER,
    HR,
    IT,
    SA,
    PREVENTION,
    DIRECTOR,
    DPO,
]


@pytest.fixture
def world(make_user):
    manager = make_user(Role.MANAGER)
    requester = make_user(Role.EMPLOYEE, manager=manager.employee)
    users = {
        ANON: AnonymousUser(),
        NOBODY: make_user(),
        REQUESTER: requester,
        COLLEAGUE: make_user(Role.EMPLOYEE, manager=manager.employee),
        MANAGER: manager,
        OTHER_MANAGER: make_user(Role.MANAGER),
        HR: make_user(Role.HR),
        IT: make_user(Role.IT),
        SA: make_user(Role.SOCIAL_ACTION),
        PREVENTION: make_user(Role.PREVENTION),
        DIRECTOR: make_user(Role.DIRECTOR),
        DPO: make_user(Role.DPO),
    }

    def request(status, reason=Reason.COMMUTE):
        return TeleworkRequestFactory(employee=requester.employee, status=status, reason=reason)

    return SimpleNamespace(
        users=users,
        request=request,
        submitted=request(RequestStatus.SUBMITTED),
        pending_final=request(RequestStatus.MANAGER_APPROVED),
        approved=request(RequestStatus.APPROVED),
        health=request(RequestStatus.SUBMITTED, Reason.HEALTH),
        loan=LoanFactory(employee=requester.employee),
        asset=AssetFactory(),
    )


def fetched(fetch, pk) -> bool:
    """True when the scoped fetch hands the object over, False when it answers 404."""
    try:
        return fetch(pk).pk == pk
    except Http404:
        return False


REQUEST_READERS = {REQUESTER, MANAGER, HR}

# rule → (how to ask it, who is allowed; everyone else is denied)
TABLE = {
    "is_final_decider": (lambda u, w: perms.is_final_decider(u), {HR}),
    "can_view_statistics": (lambda u, w: perms.can_view_statistics(u), {HR, DIRECTOR}),
    "can_manage_regimes": (lambda u, w: perms.can_manage_regimes(u), {HR}),
    "can_manage_equipment": (lambda u, w: perms.can_manage_equipment(u), {IT}),
    "requests_visible_to": (
        lambda u, w: perms.requests_visible_to(u).filter(pk=w.submitted.pk).exists(),
        REQUEST_READERS,
    ),
    "get_request_for": (
        lambda u, w: fetched(lambda pk: perms.get_request_for(u, pk), w.submitted.pk),
        REQUEST_READERS,
    ),
    # a health reason: never the manager
    "can_see_reason (health)": (lambda u, w: perms.can_see_reason(u, w.health), {REQUESTER, HR}),
    "can_manager_decide (submitted)": (
        lambda u, w: perms.can_manager_decide(u, w.submitted),
        {MANAGER},
    ),
    "can_final_decide (manager approved)": (
        lambda u, w: perms.can_final_decide(u, w.pending_final),
        {HR},
    ),
    "can_withdraw (submitted)": (lambda u, w: perms.can_withdraw(u, w.submitted), {REQUESTER}),
    "can_renew (approved)": (lambda u, w: perms.can_renew(u, w.approved), {REQUESTER}),
    "can_download_authorisation (approved)": (
        lambda u, w: perms.can_download_authorisation(u, w.approved),
        {REQUESTER, HR},
    ),
    "get_asset_for": (
        lambda u, w: fetched(lambda pk: perms.get_asset_for(u, pk), w.asset.pk),
        {IT},
    ),
    "loans_visible_to": (
        lambda u, w: perms.loans_visible_to(u).filter(pk=w.loan.pk).exists(),
        {REQUESTER, IT},
    ),
    "get_loan_for": (
        lambda u, w: fetched(lambda pk: perms.get_loan_for(u, pk), w.loan.pk),
        {REQUESTER, IT},
    ),
    "can_accept_agreement": (lambda u, w: perms.can_accept_agreement(u, w.loan), {REQUESTER}),
}


def _cases():
    for rule, (_ask, allowed) in TABLE.items():
        for who in EVERYONE:
            yield pytest.param(rule, who, who in allowed, id=f"{rule}-{who}")


@pytest.mark.parametrize(("rule", "who", "expected"), list(_cases()))
def test_telework_permission_table(world, rule, who, expected):
    ask, _allowed = TABLE[rule]
    assert ask(world.users[who], world) is expected


S = RequestStatus
# verb → (its one actor, the states in which that actor may do it)
STATE_TABLE = {
    "submit": (REQUESTER, {S.DRAFT}),
    "withdraw": (REQUESTER, {S.DRAFT, S.SUBMITTED, S.MANAGER_APPROVED}),
    "renew": (REQUESTER, {S.APPROVED}),
    "manager_approve": (MANAGER, {S.SUBMITTED}),
    "manager_reject": (MANAGER, {S.SUBMITTED}),
    "approve": (HR, {S.MANAGER_APPROVED}),
    "reject": (HR, {S.MANAGER_APPROVED}),
    "download_authorisation": (REQUESTER, {S.APPROVED}),
}


@pytest.mark.parametrize("status", list(RequestStatus))
@pytest.mark.parametrize("verb", list(STATE_TABLE))
def test_what_the_actor_may_do_depends_on_the_state(world, verb, status):
    actor, states = STATE_TABLE[verb]
    request = world.request(status)
    assert perms.can(world.users[actor], request, verb) is (status in states)


# RULES §6: health and social situations are special-category data, kept from the manager.
@pytest.mark.parametrize(
    "reason", [Reason.HEALTH, Reason.PREGNANCY, Reason.CARER, Reason.SITUATION]
)
def test_the_manager_never_sees_a_personal_reason(world, reason):
    request = world.request(RequestStatus.SUBMITTED, reason)
    assert not perms.can_see_reason(world.users[MANAGER], request)
    assert perms.can_see_reason(world.users[REQUESTER], request)
    assert perms.can_see_reason(world.users[HR], request)
    # yet the manager still gives their opinion on it
    assert perms.can_manager_decide(world.users[MANAGER], request)


def test_the_manager_sees_a_commute_reason(world):
    request = world.request(RequestStatus.SUBMITTED, Reason.COMMUTE)
    assert perms.can_see_reason(world.users[MANAGER], request)


def test_hr_does_not_decide_on_their_own_request(make_user, world):
    hr_requester = make_user(Role.HR, manager=world.users[MANAGER].employee)
    own = TeleworkRequestFactory(
        employee=hr_requester.employee, status=RequestStatus.MANAGER_APPROVED
    )
    assert not perms.can_final_decide(hr_requester, own)
    assert perms.can_final_decide(world.users[HR], own)
    assert perms.can_withdraw(hr_requester, own)


def test_the_director_decides_when_configured_as_final_decider(settings, world):
    settings.TELEWORK_FINAL_DECIDER = "director"
    director, hr = world.users[DIRECTOR], world.users[HR]
    assert perms.is_final_decider(director) and not perms.is_final_decider(hr)
    assert perms.can_final_decide(director, world.pending_final)
    assert not perms.can_final_decide(hr, world.pending_final)
    assert perms.get_request_for(director, world.health.pk) == world.health
    assert perms.can_see_reason(director, world.health)
    assert perms.get_request_for(hr, world.health.pk) == world.health  # HR still reads all


def test_a_colleagues_loan_is_a_404(world):
    other_loan = LoanFactory()
    with pytest.raises(Http404):
        perms.get_loan_for(world.users[REQUESTER], other_loan.pk)
    assert not perms.can_accept_agreement(world.users[REQUESTER], other_loan)


def test_the_loan_agreement_is_accepted_once(world):
    world.loan.agreement_accepted_at = timezone.now()
    world.loan.save()
    assert not perms.can_accept_agreement(world.users[REQUESTER], world.loan)
