"""Who may see and do what in training.

The catalogue is open to every employee. An enrolment (and the hours attended) is
seen by the person, their direct manager and HR. The manager approves or refuses the
team's requests (HR does for someone with no manager); the person cancels their own;
HR records the attendance and manages the catalogue, the sessions and the plan."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from hr.training.enums import EMPLOYEE, ENROLMENT_FLOW, HR, MANAGER
from hr.training.models import Course, Enrolment, TrainingSession
from imtsocial.accounts.roles import Role, employee_of, has_role


def is_hr(user) -> bool:
    return has_role(user, Role.HR)


def can_see_catalogue(user) -> bool:
    return employee_of(user) is not None or is_hr(user)


def can_manage(user) -> bool:
    return is_hr(user)


def can_see_plan(user) -> bool:
    return has_role(user, Role.HR, Role.DIRECTOR)


def enrolments_visible_to(user):
    enrolments = Enrolment.objects.all()
    if is_hr(user):
        return enrolments
    own = employee_of(user)
    if own is None:
        return enrolments.none()
    return enrolments.filter(Q(employee=own) | Q(employee__manager=own))


def get_enrolment_for(user, pk) -> Enrolment:
    return get_object_or_404(
        enrolments_visible_to(user).select_related("session__course", "employee"), pk=pk
    )


def get_course_for(user, pk) -> Course:
    if not can_see_catalogue(user):
        raise Http404
    courses = Course.objects.all() if is_hr(user) else Course.objects.filter(active=True)
    return get_object_or_404(courses, pk=pk)


def get_session_for(user, pk) -> TrainingSession:
    if not can_see_catalogue(user):
        raise Http404
    return get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)


def is_person(user, enrolment) -> bool:
    own = employee_of(user)
    return own is not None and enrolment.employee_id == own.pk


def is_decider(user, enrolment) -> bool:
    """The direct manager; HR for someone without one. Never the person themself."""
    if is_person(user, enrolment):
        return False
    if enrolment.employee.manager_id is None:
        return is_hr(user)
    own = employee_of(user)
    return own is not None and enrolment.employee.manager_id == own.pk


ACTORS = {EMPLOYEE: is_person, MANAGER: is_decider, HR: lambda user, _e: is_hr(user)}


def can(user, enrolment, verb: str) -> bool:
    return ENROLMENT_FLOW.can(user, enrolment, verb, ACTORS)
