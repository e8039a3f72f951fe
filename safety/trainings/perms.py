"""Who may see and do what in safety trainings.

- prevention agents and the advisor keep everything: sessions and attendance, the
  learners' records, the road-risk census and the quiz questions;
- a manager reads the newcomers without induction of the department they belong to or
  head (read only);
- every employee sees their own safety trainings; anyone logged in takes the quiz and
  sees their own results only.
Another object's id answers 404."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from hr.models import Department
from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.trainings.models import (
    Learner,
    QuizAttempt,
    QuizQuestion,
    RoadRiskExposure,
    SafetySession,
)


def can_manage(user) -> bool:
    return has_role(user, Role.PREVENTION)


def can_see_newcomers(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.MANAGER)


def newcomer_departments(user):
    """The departments whose newcomers ``user`` sees: all for prevention, else the manager's
    own department and those they head; ``None`` means every department."""
    if can_manage(user):
        return None
    own = employee_of(user)
    if own is None or not has_role(user, Role.MANAGER):
        return Department.objects.none()
    return Department.objects.filter(Q(pk=own.department_id) | Q(head=own))


def _managed(queryset, user, pk):
    if not can_manage(user):
        raise Http404
    return get_object_or_404(queryset, pk=pk)


def get_session_for(user, pk) -> SafetySession:
    return _managed(SafetySession.objects.select_related("kind", "trainer_agent"), user, pk)


def get_learner_for(user, pk) -> Learner:
    return _managed(Learner.objects.select_related("department"), user, pk)


def get_exposure_for(user, pk) -> RoadRiskExposure:
    return _managed(RoadRiskExposure.objects.select_related("employee"), user, pk)


def get_question_for(user, pk) -> QuizQuestion:
    return _managed(QuizQuestion.objects.all(), user, pk)


def attempts_visible_to(user):
    if not getattr(user, "is_authenticated", False):
        return QuizAttempt.objects.none()
    return QuizAttempt.objects.filter(user=user)


def get_attempt_for(user, pk) -> QuizAttempt:
    return get_object_or_404(attempts_visible_to(user), pk=pk)
