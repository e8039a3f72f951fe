"""Who sees and records qualifications.

- prevention agents and the advisor record and see every qualification;
- a manager reads the qualifications of their department's people (their direct
  reports and the people of the department they head);
- every employee reads their own (« Mes habilitations », « Mon dossier »);
- the director sees aggregates only (counts by type and laboratory), no one's record.
Another person's qualification answers 404."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.qualifications.models import Qualification


def can_record(user) -> bool:
    return has_role(user, Role.PREVENTION)


def can_see_list(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.MANAGER)


def can_see_aggregates(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.DIRECTOR)


def team_q(own) -> Q:
    return Q(holder__manager=own) | Q(holder__department_id__in=own.headed_department_ids)


def qualifications_visible_to(user):
    if can_record(user):
        return Qualification.objects.all()
    own = employee_of(user)
    if own is None:
        return Qualification.objects.none()
    scope = Q(holder=own)
    if has_role(user, Role.MANAGER):
        scope |= team_q(own)
    return Qualification.objects.filter(scope)


def get_qualification_for(user, pk) -> Qualification:
    return get_object_or_404(
        qualifications_visible_to(user).select_related(
            "holder__department", "qualification_type", "recorded_by"
        ),
        pk=pk,
    )


def get_qualification_for_edit(user, pk) -> Qualification:
    if not can_record(user):
        raise Http404
    return get_qualification_for(user, pk)
