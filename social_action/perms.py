"""Who may see what in social_action/. Aid files: the requester and the
social-action correspondent only — HR and the director see aggregates, never a file."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, employee_of, has_role
from social_action.enums import AID_FLOW, CORRESPONDENT, REQUESTER
from social_action.models import AidDocument, AidRequest, Booking, Event, Slot


def is_correspondent(user) -> bool:
    return has_role(user, Role.SOCIAL_ACTION)


def can_see_aggregates(user) -> bool:
    return has_role(user, Role.SOCIAL_ACTION, Role.HR, Role.DIRECTOR)


def aid_requests_visible_to(user):
    if is_correspondent(user):
        return AidRequest.objects.all()
    own = employee_of(user)
    if own is None:
        return AidRequest.objects.none()
    return AidRequest.objects.filter(requester=own)


def get_aid_request_for(user, pk) -> AidRequest:
    """One scoped fetch: 404 for a request ``user`` may not see (HR and director included)."""
    return get_object_or_404(
        aid_requests_visible_to(user).select_related("scheme", "requester__user"), pk=pk
    )


def get_document_for(user, pk) -> AidDocument:
    return get_object_or_404(
        AidDocument.objects.select_related("request__requester__user").filter(
            request__in=aid_requests_visible_to(user)
        ),
        pk=pk,
    )


def is_requester(user, request: AidRequest) -> bool:
    own = employee_of(user)
    return own is not None and request.requester_id == own.pk


def can_decide(user, request: AidRequest) -> bool:
    """The correspondent instructs every request but their own."""
    return is_correspondent(user) and not is_requester(user, request)


# Who each actor of ``AID_FLOW`` is.
ACTORS = {REQUESTER: is_requester, CORRESPONDENT: can_decide}


def can(user, request: AidRequest, verb: str) -> bool:
    return AID_FLOW.can(user, request, verb, ACTORS)


def can_edit_request(user, request: AidRequest) -> bool:
    return can(user, request, "edit")


def get_booking_for(user, pk) -> Booking:
    bookings = Booking.objects.select_related("slot", "employee")
    if not is_correspondent(user):
        own = employee_of(user)
        if own is None:
            raise Http404
        bookings = bookings.filter(employee=own)
    return get_object_or_404(bookings, pk=pk)


def get_bookable_slot_for(user, pk) -> Slot:
    if employee_of(user) is None:
        raise Http404
    return get_object_or_404(Slot.objects.filter(cancelled=False), pk=pk)


def get_event_for(user, pk) -> Event:
    if not (is_correspondent(user) or employee_of(user) is not None):
        raise Http404
    return get_object_or_404(Event, pk=pk)
