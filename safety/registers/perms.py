"""Who sees and does what in the registers (deny by default, checked on every object).

RSST — the author sees their own entries; every prevention agent sees all of them (the
register is kept by prevention); the author's manager (``hr.Employee.manager``) and the
head of the department of the entry's work unit see them too (they acknowledge them).
The answer (and the closing, and opening a DUERP action) belongs to the prevention
agents of the entry's unit and to the advisor; an entry without a unit may be answered
by any prevention agent. Only the author edits, while the entry is still submitted.
The director reads the statistics, not the entries.

DGI — the reporter, their manager, the head of the unit's department, prevention and
the director see a report; prevention and the director record the follow-up.

Accidents — decided here (RULES §6, no health data): the person, HR and prevention see
the whole record. The person's manager learns that an accident happened in the team —
date, kind, person and work unit — but never the place, the circumstances, the days of
leave nor the follow-up: ``can_see_accident_details`` is False for them and the page
shows the short form. The record is written by the person for themself or by HR or
prevention for someone, and completed later (days of leave) by those same people.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.perms import is_advisor, units_editable_by
from safety.registers.enums import (
    ACKNOWLEDGER,
    AUTHOR,
    DGI_FLOW,
    FOLLOWER,
    PREVENTION,
    RSST_FLOW,
)
from safety.registers.models import DgiReport, RsstEntry, WorkAccident


def is_prevention(user) -> bool:
    return has_role(user, Role.PREVENTION)


def can_write(user) -> bool:
    """Every employee writes in the registers (a staff record is needed: the author)."""
    return employee_of(user) is not None and has_role(user, Role.EMPLOYEE)


def can_see_stats(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.DIRECTOR, Role.HR)


# RSST ---------------------------------------------------------------------------------


def rsst_visible_to(user):
    if is_prevention(user):
        return RsstEntry.objects.all()
    own = employee_of(user)
    if own is None:
        return RsstEntry.objects.none()
    return RsstEntry.objects.filter(
        Q(author=own)
        | Q(author__manager=own)
        | Q(work_unit__department_id__in=own.headed_department_ids)
    )


def get_rsst_for(user, pk) -> RsstEntry:
    return get_object_or_404(
        rsst_visible_to(user).select_related(
            "author__manager", "work_unit__department", "answered_by", "acknowledged_by", "action"
        ),
        pk=pk,
    )


def get_rsst_for_edit(user, pk) -> RsstEntry:
    """The author's own entry, still submitted; 404 for anybody else's."""
    entry = get_object_or_404(RsstEntry.objects.select_related("work_unit"), pk=pk)
    if not can_rsst(user, entry, "edit"):
        raise Http404
    return entry


def is_author(user, entry) -> bool:
    own = employee_of(user)
    return own is not None and entry.author_id == own.pk


def answers_for(user, entry) -> bool:
    """A prevention agent of the entry's unit, or the advisor (any agent without unit)."""
    if not is_prevention(user):
        return False
    if entry.work_unit_id is None or is_advisor(user):
        return True
    return units_editable_by(user).filter(pk=entry.work_unit_id).exists()


def acknowledges(user, entry) -> bool:
    """The author's manager or the head of the unit's department — never the author."""
    own = employee_of(user)
    if own is None or own.pk == entry.author_id:
        return False
    if entry.author.manager_id == own.pk:
        return True
    unit = entry.work_unit
    return unit is not None and unit.department.head_id == own.pk


RSST_ACTORS = {AUTHOR: is_author, PREVENTION: answers_for, ACKNOWLEDGER: acknowledges}


def can_rsst(user, entry, verb: str) -> bool:
    return RSST_FLOW.can(user, entry, verb, RSST_ACTORS)


# DGI ----------------------------------------------------------------------------------


def follows_dgi(user, _report=None) -> bool:
    return has_role(user, Role.PREVENTION, Role.DIRECTOR)


def dgi_visible_to(user):
    if follows_dgi(user):
        return DgiReport.objects.all()
    own = employee_of(user)
    if own is None:
        return DgiReport.objects.none()
    return DgiReport.objects.filter(
        Q(reported_by=own)
        | Q(reported_by__manager=own)
        | Q(work_unit__department_id__in=own.headed_department_ids)
    )


def get_dgi_for(user, pk) -> DgiReport:
    return get_object_or_404(
        dgi_visible_to(user).select_related(
            "reported_by", "work_unit", "investigated_by", "decided_by"
        ),
        pk=pk,
    )


def can_dgi(user, report, verb: str) -> bool:
    return DGI_FLOW.can(user, report, verb, {FOLLOWER: follows_dgi})


# Accidents ----------------------------------------------------------------------------


def sees_all_accidents(user) -> bool:
    return has_role(user, Role.HR, Role.PREVENTION)


def accidents_visible_to(user):
    if sees_all_accidents(user):
        return WorkAccident.objects.all()
    own = employee_of(user)
    if own is None:
        return WorkAccident.objects.none()
    return WorkAccident.objects.filter(Q(victim=own) | Q(victim__manager=own))


def can_see_accident_details(user, accident) -> bool:
    """The person, HR and prevention; not the manager (the accident only)."""
    if sees_all_accidents(user):
        return True
    own = employee_of(user)
    return own is not None and accident.victim_id == own.pk


def get_accident_for(user, pk) -> WorkAccident:
    return get_object_or_404(
        accidents_visible_to(user).select_related("victim", "work_unit", "action", "recorded_by"),
        pk=pk,
    )


def get_accident_for_edit(user, pk) -> WorkAccident:
    accident = get_accident_for(user, pk)
    if not can_see_accident_details(user, accident):
        raise Http404
    return accident


def records_for_others(user) -> bool:
    return sees_all_accidents(user)
