"""Write services of the inspections register: checks, the write, the history, the schedule."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.accounts.models import User
from imtsocial.errors import DomainError
from imtsocial.locking import ANY, bump_version, lock
from safety import services as safety_services
from safety.inspections.enums import EQUIPMENT_FLOW, EquipmentStatus
from safety.inspections.models import (
    ControlledEquipment,
    EquipmentKind,
    Inspection,
    KindPeriodicity,
)
from safety.models import ActionItem, RiskEntry


class InspectionError(DomainError):
    """A refused operation of the inspections register."""


def check_inspection_date(day: date, equipment: ControlledEquipment) -> None:
    if day > timezone.localdate():
        raise InspectionError(_("Un contrôle ne peut pas être daté dans le futur."), field="date")
    if day < equipment.commissioned_on:
        raise InspectionError(
            _("Le contrôle précède la mise en service de l'équipement (%(date)s).")
            % {"date": equipment.commissioned_on.strftime("%d/%m/%Y")},
            field="date",
        )


@transaction.atomic
def kind_save(*, form, by: User, months: int | None = None, valid_from: date | None = None):
    """Save a kind; a new kind gets its first periodicity row (then kept in « Référentiels »)."""
    kind = form.save(commit=False)
    creating = kind._state.adding
    kind._history_user = by
    kind.save()
    if creating:
        row = KindPeriodicity(kind=kind, months=months, valid_from=valid_from)
        row._history_user = by
        row.full_clean()
        row.save()
    return kind


@transaction.atomic
def equipment_save(*, form, by: User) -> ControlledEquipment:
    equipment = form.instance
    if not equipment._state.adding:
        bump_version(equipment, version=form.cleaned_data.get("version"))
    equipment = form.save(commit=False)
    equipment._history_user = by
    equipment.recompute_schedule(save=False)
    equipment.save()
    return equipment


@transaction.atomic
def equipment_transition(
    *, equipment: ControlledEquipment, verb: str, version, by: User, on: date | None = None
) -> ControlledEquipment:
    """Withdraw from service, or put back into service (refused from the wrong state)."""
    locked = lock(ControlledEquipment, equipment.pk, version=version)
    EQUIPMENT_FLOW.apply(locked, verb)
    locked.withdrawn_on = (
        (on or timezone.localdate()) if (locked.status == EquipmentStatus.WITHDRAWN) else None
    )
    locked._history_user = by
    locked.save()
    return locked


@transaction.atomic
def inspection_record(*, equipment: ControlledEquipment, form, by: User) -> Inspection:
    """Record an inspection and move the equipment's next due date."""
    locked = lock(ControlledEquipment.objects.select_related("kind"), equipment.pk, version=ANY)
    if locked.status != EquipmentStatus.IN_SERVICE:
        raise InspectionError(_("Cet équipement est retiré du service : il n'est plus contrôlé."))
    inspection = form.save(commit=False)
    check_inspection_date(inspection.date, locked)
    inspection.equipment = locked
    inspection.recorded_by = by
    upload = form.cleaned_data.get("report")
    if upload:
        inspection.report_name = upload.safe_name
        inspection.report.save(upload.safe_name, upload, save=False)
    inspection._history_user = by
    inspection.save()
    locked.recompute_schedule(save=False)
    locked._history_user = by
    locked.save()
    return inspection


@transaction.atomic
def action_open(*, inspection: Inspection, entry: RiskEntry, form, by: User) -> ActionItem:
    """Open an action of the DUERP plan on a risk of the equipment's unit."""
    locked = lock(Inspection, inspection.pk, version=ANY)
    if locked.action_id is not None:
        raise InspectionError(_("Une action est déjà ouverte pour ce contrôle."))
    if entry.work_unit_id != inspection.equipment.work_unit_id:
        raise InspectionError(_("Choisissez un risque de l'unité de l'équipement."), field="entry")
    action = safety_services.action_create(entry=entry, form=form, by=by)
    locked.action = action
    locked._history_user = by
    locked.save(update_fields=["action"])
    return action


def recompute_kind(kind_id: int) -> int:
    """Recompute the due dates of a kind's equipment (its periodicity changed)."""
    count = 0
    for equipment in ControlledEquipment.objects.filter(kind_id=kind_id).select_related("kind"):
        last, due = equipment.compute_schedule()
        if (last, due) != (equipment.last_inspected_on, equipment.next_due_on):
            ControlledEquipment.objects.filter(pk=equipment.pk).update(
                last_inspected_on=last, next_due_on=due
            )
            count += 1
    return count


def kinds_with_periodicity(at: date):
    """Every kind with the periodicity in force at ``at`` (two queries)."""
    kinds = list(EquipmentKind.objects.order_by("name"))
    rows = {
        row.kind_id: row.months
        for row in KindPeriodicity.objects.in_force(at).order_by("kind_id", "-valid_from")
    }
    for kind in kinds:
        kind.months_in_force = rows.get(kind.pk)
    return kinds
