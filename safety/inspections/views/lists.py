"""The summary page, the equipment list with its filters, the overdue and due-soon lists."""

from datetime import timedelta

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.pagination import paginate
from safety.inspections import perms, schedule, stats
from safety.inspections.enums import DUE_BADGES, DueState, EquipmentStatus
from safety.inspections.forms import EquipmentFilterForm
from safety.inspections.models import ControlledEquipment
from safety.inspections.parameters import DUE_SOON_DAYS
from safety.perms import units_editable_by, units_visible_to


def with_due_state(equipment_list, *, at, window):
    for equipment in equipment_list:
        state = (
            schedule.due_state(equipment.next_due_on, at=at, window_days=window)
            if equipment.in_service
            else None
        )
        equipment.due_state = state
        equipment.due_label = DueState(state).label if state else ""
        equipment.due_badge = DUE_BADGES.get(state, "info")
    return equipment_list


def filter_by_state(equipment, state, *, at, window):
    if state == DueState.OVERDUE:
        return equipment.overdue(at)
    if state == DueState.DUE_SOON:
        return equipment.due_soon(at, window)
    if state == DueState.UP_TO_DATE:
        return equipment.up_to_date(at, window)
    if state == "withdrawn":
        return equipment.filter(status=EquipmentStatus.WITHDRAWN)
    return equipment


@require_GET
@role_required(*perms.SUMMARY_ROLES)
def index(request):
    """Counts by kind and state; the director sees only these aggregates (every unit)."""
    today = timezone.localdate()
    window = DUE_SOON_DAYS.at(today)
    scope = (
        perms.equipment_visible_to(request.user)
        if perms.can_read_lists(request.user)
        else ControlledEquipment.objects.all()
    )
    soon_end = today + timedelta(days=window)
    rows = list(
        scope.values("kind__pk", "kind__name")
        .annotate(
            total=Count("pk", filter=Q(status=EquipmentStatus.IN_SERVICE)),
            overdue=Count("pk", filter=Q(status=EquipmentStatus.IN_SERVICE, next_due_on__lt=today)),
            due_soon=Count(
                "pk",
                filter=Q(
                    status=EquipmentStatus.IN_SERVICE,
                    next_due_on__gte=today,
                    next_due_on__lte=soon_end,
                ),
            ),
        )
        .order_by("kind__name")
    )
    totals = {key: sum(row[key] for row in rows) for key in ("total", "overdue", "due_soon")}
    return render(
        request,
        "safety/inspections/index.html",
        {
            "rows": rows,
            "totals": totals,
            "window": window,
            "year": today.year - 1,
            "inspected": stats.inspected_in(today.year - 1),
            "can_read_lists": perms.can_read_lists(request.user),
            "can_manage": perms.can_manage(request.user),
        },
    )


def _equipment_page(request, *, preset=None, template="safety/inspections/equipment_list.html"):
    today = timezone.localdate()
    window = DUE_SOON_DAYS.at(today)
    user = request.user
    form = EquipmentFilterForm(
        request.GET or None,
        units=units_visible_to(user),
        show_state=preset is None,
        show_mine=perms.can_read_lists(user) and units_editable_by(user).exists(),
    )
    equipment = perms.equipment_visible_to(user).select_related("kind", "work_unit")
    state = preset or form.value("state")
    equipment = filter_by_state(equipment, state, at=today, window=window)
    if form.value("kind"):
        equipment = equipment.filter(kind=form.value("kind"))
    if form.value("unit"):
        equipment = equipment.filter(work_unit=form.value("unit"))
    if form.value("mine"):
        equipment = equipment.filter(work_unit__in=units_editable_by(user))
    if form.value("q"):
        text = form.value("q")
        equipment = equipment.filter(Q(label__icontains=text) | Q(inventory_ref__icontains=text))
    page = paginate(request, equipment.order_by("next_due_on", "inventory_ref", "pk"))
    with_due_state(page.object_list, at=today, window=window)
    recordable = set(
        perms.equipment_recordable_by(user)
        .filter(pk__in=[e.pk for e in page.object_list])
        .values_list("pk", flat=True)
    )
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "preset": preset,
            "window": window,
            "today": today,
            "recordable": recordable,
            "can_manage": perms.can_manage(user),
        },
    )


@require_GET
@role_required(*perms.READER_ROLES)
def equipment_list(request):
    return _equipment_page(request)


@require_GET
@role_required(*perms.READER_ROLES)
def overdue_list(request):
    return _equipment_page(request, preset=DueState.OVERDUE)


@require_GET
@role_required(*perms.READER_ROLES)
def due_soon_list(request):
    return _equipment_page(request, preset=DueState.DUE_SOON)
