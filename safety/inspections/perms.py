"""Who may see and do what with controlled equipment.

- prevention agents read every unit's equipment (like the DUERP) and record the
  inspections of the units they are assigned to (``units_editable_by``);
- the prevention advisor records everywhere and manages kinds and equipment;
- managers read the equipment of their department's units (``units_visible_to``);
- the director reads the aggregates only (the summary page);
- anyone else gets 404 (or 403 on the pages reserved to a role).
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, has_role
from safety.inspections.enums import EQUIPMENT_FLOW
from safety.inspections.models import ControlledEquipment, EquipmentKind, Inspection
from safety.perms import is_advisor, units_editable_by, units_visible_to

READER_ROLES = (Role.PREVENTION, Role.MANAGER)
SUMMARY_ROLES = (Role.PREVENTION, Role.MANAGER, Role.DIRECTOR)


def can_read_lists(user) -> bool:
    return has_role(user, *READER_ROLES)


def can_read_summary(user) -> bool:
    return has_role(user, *SUMMARY_ROLES)


def can_manage(user) -> bool:
    """Kinds, equipment, withdrawal: the advisor."""
    return is_advisor(user)


def equipment_visible_to(user):
    if not can_read_lists(user):
        return ControlledEquipment.objects.none()
    return ControlledEquipment.objects.filter(work_unit__in=units_visible_to(user))


def equipment_recordable_by(user):
    """The equipment whose inspections ``user`` records (their units; all for the advisor)."""
    if not has_role(user, Role.PREVENTION):
        return ControlledEquipment.objects.none()
    return ControlledEquipment.objects.filter(work_unit__in=units_editable_by(user))


def get_equipment_for(user, pk) -> ControlledEquipment:
    return get_object_or_404(
        equipment_visible_to(user).select_related("kind", "work_unit__department"), pk=pk
    )


def get_equipment_for_inspection(user, pk) -> ControlledEquipment:
    """404 for equipment of a unit the agent is not assigned to."""
    return get_object_or_404(
        equipment_recordable_by(user).select_related("kind", "work_unit"), pk=pk
    )


def get_equipment_for_management(user, pk) -> ControlledEquipment:
    if not can_manage(user):
        raise Http404
    return get_object_or_404(ControlledEquipment.objects.select_related("kind", "work_unit"), pk=pk)


def get_kind_for_management(user, pk) -> EquipmentKind:
    if not can_manage(user):
        raise Http404
    return get_object_or_404(EquipmentKind, pk=pk)


def get_inspection_for(user, pk) -> Inspection:
    """An inspection (its report) is seen by those who may see its equipment."""
    return get_object_or_404(
        Inspection.objects.filter(equipment__in=equipment_visible_to(user)).select_related(
            "equipment__work_unit"
        ),
        pk=pk,
    )


def get_inspection_for_action(user, pk) -> Inspection:
    return get_object_or_404(
        Inspection.objects.filter(equipment__in=equipment_recordable_by(user)).select_related(
            "equipment__work_unit", "equipment__kind"
        ),
        pk=pk,
    )


def can_record(user, equipment) -> bool:
    return equipment.in_service and equipment_recordable_by(user).filter(pk=equipment.pk).exists()


ACTORS = {"advisor": lambda user, _equipment: can_manage(user)}


def can(user, equipment, verb: str) -> bool:
    return EQUIPMENT_FLOW.can(user, equipment, verb, ACTORS)
