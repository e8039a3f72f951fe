"""Asbestos statistics for the yearly report (a couple of queries each).

*State at a date*: a location identified by then is removed or confined when the last
measure done by then was a removal, or a confinement or covering; present otherwise.
*Last air measurement*: the latest taken by then, per location, compared with the
threshold in force at its date. *Re-assessments due*: the file's locations whose next
step (rules.status_of) is due by ``at`` or within ``within_days`` after it."""

from datetime import date, timedelta

from django.db.models import Count

from safety.asbestos import rules
from safety.asbestos.enums import STATE_AFTER, Action, State
from safety.asbestos.models import AirMeasurement, Location, Measure


def _state_at(at: date) -> dict[int, str]:
    located = dict.fromkeys(
        Location.objects.filter(identified_on__lte=at).values_list("pk", flat=True), State.PRESENT
    )
    measures = Measure.objects.filter(location_id__in=list(located), done_on__lte=at).order_by(
        "done_on", "pk"
    )
    for location_id, kind in measures.values_list("location_id", "kind"):
        located[location_id] = STATE_AFTER[kind]
    return located


def locations_by_state(at: date) -> dict:
    """{"present": n, "confined": n, "removed": n, "total": n} at ``at``."""
    states = _state_at(at)
    result = {state.value: 0 for state in State}
    for state in states.values():
        result[state] += 1
    return {**result, "total": len(states)}


def locations_by_material(at: date) -> list[dict]:
    labels = dict(rules.Location._meta.get_field("material").choices)
    return [
        {**row, "label": labels.get(row["material"], row["material"])}
        for row in Location.objects.filter(identified_on__lte=at)
        .values("material")
        .annotate(locations=Count("pk"))
        .order_by("-locations", "material")
    ]


def last_air_measurements(at: date) -> list[dict]:
    """Per location measured by ``at``: the latest measurement and whether it exceeds
    the threshold in force at its date."""
    cache = rules.RuleCache()
    latest = {}
    measurements = (
        AirMeasurement.objects.filter(date__lte=at)
        .select_related("location__site")
        .order_by("location_id", "date", "pk")
    )
    for measurement in measurements:
        latest[measurement.location_id] = measurement
    result = []
    for measurement in sorted(latest.values(), key=lambda m: (str(m.location), m.pk)):
        threshold = cache.at(measurement.date).air_threshold
        result.append(
            {
                "location": str(measurement.location),
                "location_id": measurement.location_id,
                "date": measurement.date,
                "fibres_per_litre": measurement.fibres_per_litre,
                "below_detection": measurement.below_detection,
                "threshold": threshold,
                "over": measurement.fibres_per_litre > threshold,
            }
        )
    return result


def reassessments_due(at: date, within_days: int = 60) -> dict:
    """{"overdue": n, "due_soon": n, "to_act": n, "rows": [...]}: re-assessments past due
    by ``at``, due within ``within_days``, and locations waiting for an assessment, an
    air measurement or works."""
    horizon = at + timedelta(days=within_days)
    overdue = soon = to_act = 0
    rows = []
    for location, status in rules.statuses(Location.objects.exclude(state=State.REMOVED)):
        if status.action == Action.RECHECK:
            if status.due_on < at:
                overdue += 1
            elif status.due_on <= horizon:
                soon += 1
            else:
                continue
        elif status.action == Action.NONE:
            continue
        else:
            to_act += 1
        rows.append({"location": location, "status": status})
    rows.sort(key=lambda r: (r["status"].due_on or at, str(r["location"])))
    return {"overdue": overdue, "due_soon": soon, "to_act": to_act, "rows": rows}
