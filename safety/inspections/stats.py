"""Figures of the inspections register for the yearly report (pure, a couple of queries).

``inspected_in(2020)`` gives, per kind, the equipment inspected in the year — « the 44
fume hoods of Croupillac inspected in 2020 » is ``inspected_in(2020, site="croupillac")
["sorbonne"]["equipment"]``; ``overdue_count(at)`` counts the equipment in service at a
date whose inspection was late at that date (from the inspections recorded up to it).
"""

from datetime import date

from django.db.models import Count, Max, Q

from safety.inspections import schedule
from safety.inspections.enums import InspectionResult
from safety.inspections.models import ControlledEquipment, Inspection, KindPeriodicity


def inspected_in(year: int, *, site: str | None = None) -> dict:
    """{kind code: {"name", "equipment" (distinct), "inspections", "non_compliant"}}."""
    inspections = Inspection.objects.filter(date__year=year)
    if site:
        inspections = inspections.filter(equipment__work_unit__site__code=site)
    rows = (
        inspections.values("equipment__kind__code", "equipment__kind__name")
        .annotate(
            equipment=Count("equipment", distinct=True),
            inspections=Count("pk"),
            non_compliant=Count("pk", filter=Q(result=InspectionResult.NON_COMPLIANT)),
        )
        .order_by("equipment__kind__name")
    )
    return {
        row["equipment__kind__code"]: {
            "name": row["equipment__kind__name"],
            "equipment": row["equipment"],
            "inspections": row["inspections"],
            "non_compliant": row["non_compliant"],
        }
        for row in rows
    }


def _periodicity(rows, kind_id, day):
    for row in rows.get(kind_id, []):
        if row.is_in_force(day):
            return row.months
    return None


def overdue_count(at: date) -> int:
    """Equipment in service at ``at`` whose next due date (as known at ``at``) had passed."""
    equipment = (
        ControlledEquipment.objects.filter(commissioned_on__lte=at)
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=at))
        .annotate(last=Max("inspections__date", filter=Q(inspections__date__lte=at)))
        .values_list("kind_id", "commissioned_on", "last")
    )
    rows: dict = {}
    for row in KindPeriodicity.objects.all():
        rows.setdefault(row.kind_id, []).append(row)
    count = 0
    for kind_id, commissioned_on, last in equipment:
        base = last or commissioned_on
        due = schedule.next_due(base, _periodicity(rows, kind_id, base))
        if due is not None and due < at:
            count += 1
    return count
