"""Who may see and keep the asbestos technical file.

The prevention advisor keeps the file; prevention agents, managers and the director
read it; every employee — works and maintenance staff first — opens the « Avant
d'intervenir » sheets of the buildings (read-only, no personal data in them). Anyone
else gets a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, has_role
from safety.asbestos.models import Location
from safety.perms import is_advisor


def can_read(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.MANAGER, Role.DIRECTOR)


def can_edit(user) -> bool:
    return is_advisor(user)


def can_read_sheets(user) -> bool:
    return has_role(user, Role.EMPLOYEE, Role.PREVENTION, Role.MANAGER, Role.DIRECTOR)


def require(check, user) -> None:
    if not check(user):
        raise Http404


def locations_visible_to(user):
    return Location.objects.all() if can_read(user) else Location.objects.none()


def get_location_for(user, pk) -> Location:
    return get_object_or_404(locations_visible_to(user).select_related("site"), pk=pk)


def get_location_for_edit(user, pk) -> Location:
    if not can_edit(user):
        raise Http404
    return get_object_or_404(Location.objects.select_related("site"), pk=pk)
