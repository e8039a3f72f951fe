"""Who sees and changes the prevention network.

- prevention agents and the director read the whole network at any date, letters
  included; the person reads their own letter;
- only the prevention advisor (``safety.perms.is_advisor``) creates, edits and ends an
  appointment: anyone else gets a 404 on those pages;
- every employee sees who the prevention agents of their site are (names and functions,
  never the letter)."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.network.models import Appointment
from safety.perms import is_advisor


def can_see_network(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.DIRECTOR)


def can_manage(user) -> bool:
    return is_advisor(user)


def can_see_site_agents(user) -> bool:
    return employee_of(user) is not None


def appointments_visible_to(user):
    if can_see_network(user):
        return Appointment.objects.all()
    return Appointment.objects.none()


def get_appointment_for_edit(user, pk) -> Appointment:
    """404 for anyone but the advisor."""
    if not can_manage(user):
        raise Http404
    return get_object_or_404(Appointment.objects.select_related("employee", "laboratory"), pk=pk)


def can_read_letter(user, appointment: Appointment) -> bool:
    if can_see_network(user):
        return True
    own = employee_of(user)
    return own is not None and appointment.employee_id == own.pk


def get_letter_for(user, pk) -> Appointment:
    """The appointment whose letter ``user`` may read (404 otherwise, or without letter)."""
    appointment = get_object_or_404(Appointment.objects.select_related("employee"), pk=pk)
    if not can_read_letter(user, appointment) or not appointment.letter:
        raise Http404
    return appointment
