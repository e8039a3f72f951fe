"""Who may do what in safety/. Used by views, templates and services alike.

- every employee reads the published editions (a legal right);
- prevention agents read every unit and write the entries and actions of the
  units they are assigned to;
- the prevention advisor (a ``PreventionAdvisor`` record of a prevention agent)
  writes everywhere, edits the knowledge base and publishes the edition;
- managers read the units of their department (or of the department they head)
  and comment; the director reads everything and downloads.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, employee_of, has_role
from safety.models import ActionItem, DuerpEdition, Hazard, RiskEntry, WorkUnit

_ADVISOR_CACHE_ATTR = "_safety_is_advisor"


def is_advisor(user) -> bool:
    """A prevention agent with an active advisor record (cached on the user)."""
    if not has_role(user, Role.PREVENTION):
        return False
    if not hasattr(user, _ADVISOR_CACHE_ATTR):
        from safety.models import PreventionAdvisor

        setattr(
            user,
            _ADVISOR_CACHE_ATTR,
            PreventionAdvisor.objects.filter(user=user, active=True).exists(),
        )
    return getattr(user, _ADVISOR_CACHE_ATTR)


def can_read_register(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.DIRECTOR, Role.MANAGER)


def can_read_editions(user) -> bool:
    return has_role(user, Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR)


def can_publish(user) -> bool:
    return is_advisor(user)


def can_edit_knowledge_base(user) -> bool:
    return is_advisor(user)


def can_manage_units(user) -> bool:
    """The advisor creates the work units and assigns their prevention agents."""
    return is_advisor(user)


def units_visible_to(user):
    if has_role(user, Role.PREVENTION, Role.DIRECTOR):
        return WorkUnit.objects.all()
    if has_role(user, Role.MANAGER):
        own = employee_of(user)
        return WorkUnit.objects.filter(Q(department_id=own.department_id) | Q(department__head=own))
    return WorkUnit.objects.none()


def units_editable_by(user):
    if is_advisor(user):
        return WorkUnit.objects.all()
    if has_role(user, Role.PREVENTION):
        return WorkUnit.objects.filter(agents=user)
    return WorkUnit.objects.none()


def can_edit_unit(user, unit: WorkUnit) -> bool:
    return units_editable_by(user).filter(pk=unit.pk).exists()


def can_comment(user, entry: RiskEntry) -> bool:
    """Managers and prevention agents comment the entries they may read."""
    return (
        has_role(user, Role.MANAGER, Role.PREVENTION)
        and units_visible_to(user).filter(pk=entry.work_unit_id).exists()
    )


def get_unit_for(user, pk) -> WorkUnit:
    return get_object_or_404(units_visible_to(user).select_related("site", "department"), pk=pk)


def get_unit_for_edit(user, pk) -> WorkUnit:
    """404 for a unit the user may not write in (another agent's unit)."""
    return get_object_or_404(units_editable_by(user).select_related("site", "department"), pk=pk)


def entries_visible_to(user):
    return RiskEntry.objects.filter(work_unit__in=units_visible_to(user))


def get_entry_for(user, pk) -> RiskEntry:
    return get_object_or_404(
        entries_visible_to(user).select_related(
            "work_unit__site", "work_unit__department", "hazard__family", "method"
        ),
        pk=pk,
    )


def get_entry_for_edit(user, pk) -> RiskEntry:
    return get_object_or_404(
        RiskEntry.objects.filter(work_unit__in=units_editable_by(user)).select_related(
            "work_unit", "hazard__family", "method"
        ),
        pk=pk,
    )


def actions_visible_to(user):
    return ActionItem.objects.filter(entry__work_unit__in=units_visible_to(user))


def get_action_for_edit(user, pk) -> ActionItem:
    return get_object_or_404(
        ActionItem.objects.filter(entry__work_unit__in=units_editable_by(user)).select_related(
            "entry__work_unit", "entry__hazard", "owner"
        ),
        pk=pk,
    )


def get_unit_for_management(user, pk) -> WorkUnit:
    if not can_manage_units(user):
        raise Http404
    return get_object_or_404(WorkUnit.objects.select_related("site", "department"), pk=pk)


def get_hazard_for_edit(user, pk) -> Hazard:
    if not can_edit_knowledge_base(user):
        raise Http404
    return get_object_or_404(Hazard.objects.select_related("family"), pk=pk)


def get_edition_for(user, pk) -> DuerpEdition:
    """Every employee reads every published edition."""
    if not can_read_editions(user):
        raise Http404
    return get_object_or_404(DuerpEdition.objects.select_related("published_by"), pk=pk)


def nav_flags(user) -> dict:
    """What the module's in-page navigation shows to ``user``."""
    return {
        "can_read_register": can_read_register(user),
        "is_agent": has_role(user, Role.PREVENTION),
        "can_manage_units": can_manage_units(user),
    }
