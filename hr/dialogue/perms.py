"""Social dialogue is open to every member of staff (bodies, members, meetings,
minutes, elections); HR keeps it. The director reads it like everyone."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from hr.dialogue.models import Body, Meeting
from imtsocial.accounts.roles import Role, employee_of, has_role


def can_read(user) -> bool:
    return employee_of(user) is not None or has_role(user, Role.HR, Role.DIRECTOR)


def can_manage(user) -> bool:
    return has_role(user, Role.HR)


def get_body_for(user, pk) -> Body:
    if not can_read(user):
        raise Http404
    return get_object_or_404(Body, pk=pk)


def get_meeting_for(user, pk) -> Meeting:
    if not can_read(user):
        raise Http404
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)
