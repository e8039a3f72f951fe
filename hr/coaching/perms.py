"""Coaching is private to the pair: a relationship and its sessions are seen by the
coachee and the coach only — 404 for HR, the director, the manager and everyone else.
HR and the director see counts (``stats.py``)."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from hr.coaching.models import CoachingRelationship
from imtsocial.accounts.roles import Role, employee_of, has_role


def relationships_visible_to(user):
    own = employee_of(user)
    if own is None:
        return CoachingRelationship.objects.none()
    return CoachingRelationship.objects.filter(Q(coachee=own) | Q(coach__employee=own))


def get_relationship_for(user, pk) -> CoachingRelationship:
    return get_object_or_404(
        relationships_visible_to(user).select_related("coachee", "coach__employee"), pk=pk
    )


def is_coach(user, relationship) -> bool:
    own = employee_of(user)
    return own is not None and relationship.coach.employee_id == own.pk


def can_add_session(user, relationship) -> bool:
    return relationship.is_open and is_coach(user, relationship)


def can_end(user, relationship) -> bool:
    return relationship.is_open and relationship in relationships_visible_to(user)


def can_see_counts(user) -> bool:
    return has_role(user, Role.HR, Role.DIRECTOR)
