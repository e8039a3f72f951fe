"""social_action/perms.py called directly: for each rule, who is allowed and who is denied.

An aid file (and its documents) is read by the requester and the social-action
correspondent only — never HR, the director nor the requester's manager (RULES.md §6);
HR and the director see aggregates. The correspondent decides on every request but
their own; what the requester may do depends on the request's state.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from imtsocial.accounts.roles import Role
from social_action import perms
from social_action.enums import RequestStatus
from social_action.models import AidDocument, Booking
from tests.factories import UserFactory
from tests.social_action.factories import AidRequestFactory, EventFactory, SlotFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, REQUESTER, COLLEAGUE = "anonymous", "no role", "requester", "colleague"
MANAGER, HR, DIRECTOR, SA = "requester's manager", "hr", "director", "correspondent"
IT, PREVENTION, DPO = "it", "prevention", "dpo"
EVERYONE = [ANON, NOBODY, REQUESTER, COLLEAGUE, MANAGER, HR, DIRECTOR, SA, IT, PREVENTION, DPO]


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
        HR: make_user(Role.HR),
        DIRECTOR: make_user(Role.DIRECTOR),
        SA: make_user(Role.SOCIAL_ACTION),
        IT: make_user(Role.IT),
        PREVENTION: make_user(Role.PREVENTION),
        DPO: make_user(Role.DPO),
    }

    def aid(status):
        return AidRequestFactory(requester=requester.employee, status=status)

    submitted = aid(RequestStatus.SUBMITTED)
    document = AidDocument.objects.create(
        request=submitted,
        file=f"social_action/{submitted.pk}/avis.pdf",
        original_name="avis.pdf",
        content_type="application/pdf",
        size=1024,
        uploaded_by=requester,
    )
    return SimpleNamespace(
        users=users,
        aid=aid,
        draft=aid(RequestStatus.DRAFT),
        submitted=submitted,
        needs_info=aid(RequestStatus.NEEDS_INFO),
        document=document,
        booking=Booking.objects.create(slot=SlotFactory(), employee=requester.employee),
        slot=SlotFactory(),
        event=EventFactory(),
    )


def fetched(fetch, pk) -> bool:
    """True when the scoped fetch hands the object over, False when it answers 404."""
    try:
        return fetch(pk).pk == pk
    except Http404:
        return False


def fetch(name, target):
    return lambda u, w: fetched(lambda pk: getattr(perms, name)(u, pk), getattr(w, target).pk)


STAFF = set(EVERYONE) - {ANON, NOBODY}
FILE_READERS = {REQUESTER, SA}

# rule → (how to ask it, who is allowed; everyone else is denied)
TABLE = {
    "is_correspondent": (lambda u, w: perms.is_correspondent(u), {SA}),
    "can_see_aggregates": (lambda u, w: perms.can_see_aggregates(u), {SA, HR, DIRECTOR}),
    "aid_requests_visible_to": (
        lambda u, w: perms.aid_requests_visible_to(u).filter(pk=w.submitted.pk).exists(),
        FILE_READERS,
    ),
    "get_aid_request_for": (fetch("get_aid_request_for", "submitted"), FILE_READERS),
    "get_document_for": (fetch("get_document_for", "document"), FILE_READERS),
    "can_decide (submitted)": (lambda u, w: perms.can_decide(u, w.submitted), {SA}),
    "can edit (draft)": (lambda u, w: perms.can(u, w.draft, "edit"), {REQUESTER}),
    "can_edit_request (needs info)": (
        lambda u, w: perms.can_edit_request(u, w.needs_info),
        {REQUESTER},
    ),
    "can_edit_request (submitted)": (lambda u, w: perms.can_edit_request(u, w.submitted), set()),
    "get_booking_for": (fetch("get_booking_for", "booking"), {REQUESTER, SA}),
    "get_bookable_slot_for": (fetch("get_bookable_slot_for", "slot"), STAFF),
    "get_event_for": (fetch("get_event_for", "event"), STAFF),
}


def _cases():
    for rule, (_ask, allowed) in TABLE.items():
        for who in EVERYONE:
            yield pytest.param(rule, who, who in allowed, id=f"{rule}-{who}")


@pytest.mark.parametrize(("rule", "who", "expected"), list(_cases()))
def test_social_action_permission_table(world, rule, who, expected):
    ask, _allowed = TABLE[rule]
    assert ask(world.users[who], world) is expected


S = RequestStatus
# verb → (its one actor, the states in which that actor may do it)
STATE_TABLE = {
    "submit": (REQUESTER, {S.DRAFT, S.NEEDS_INFO}),
    "edit": (REQUESTER, {S.DRAFT, S.NEEDS_INFO}),
    "delete": (REQUESTER, {S.DRAFT}),
    "write": (REQUESTER, {S.DRAFT, S.SUBMITTED, S.NEEDS_INFO, S.APPROVED}),
    "ask_info": (SA, {S.SUBMITTED}),
    "approve": (SA, {S.SUBMITTED}),
    "reject": (SA, {S.SUBMITTED}),
    "pay": (SA, {S.APPROVED}),
}


@pytest.mark.parametrize("status", list(RequestStatus))
@pytest.mark.parametrize("verb", list(STATE_TABLE))
def test_what_each_actor_may_do_depends_on_the_state(world, verb, status):
    actor, states = STATE_TABLE[verb]
    request = world.aid(status)
    assert perms.can(world.users[actor], request, verb) is (status in states)


@pytest.mark.parametrize("status", list(RequestStatus))
@pytest.mark.parametrize("who", [HR, DIRECTOR, MANAGER])
def test_hr_the_director_and_the_manager_never_open_an_aid_file(world, who, status):
    request = world.aid(status)
    user = world.users[who]
    with pytest.raises(Http404):
        perms.get_aid_request_for(user, request.pk)
    assert not perms.can_decide(user, request)
    assert not any(perms.can(user, request, verb) for verb in STATE_TABLE)


def test_the_correspondent_does_not_decide_on_their_own_request(make_user, world):
    correspondent = make_user(Role.SOCIAL_ACTION)
    own = AidRequestFactory(requester=correspondent.employee, status=RequestStatus.SUBMITTED)
    assert not perms.can_decide(correspondent, own)
    assert not perms.can(correspondent, own, "approve")
    assert perms.can_decide(world.users[SA], own)  # a fellow correspondent does
    assert perms.get_aid_request_for(correspondent, own.pk) == own  # still their own file


def test_a_cancelled_slot_cannot_be_booked_by_anyone(world):
    cancelled = SlotFactory(cancelled=True)
    for who in (REQUESTER, SA):
        with pytest.raises(Http404):
            perms.get_bookable_slot_for(world.users[who], cancelled.pk)


def test_a_director_without_a_staff_record_sees_aggregates_only(world):
    director = UserFactory(roles=[Role.DIRECTOR])
    assert perms.can_see_aggregates(director)
    for fetch_it, pk in [
        (perms.get_aid_request_for, world.submitted.pk),
        (perms.get_document_for, world.document.pk),
        (perms.get_booking_for, world.booking.pk),
        (perms.get_bookable_slot_for, world.slot.pk),
        (perms.get_event_for, world.event.pk),
    ]:
        with pytest.raises(Http404):
            fetch_it(director, pk)
