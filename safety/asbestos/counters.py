"""``stats.reassessments_due``'s three counts (overdue, due within the window, to act
on) in SQL, for « Mon espace »: counters of the page's batch, no row loaded.

A location still there (not removed) waits for a re-assessment when its latest
assessment is

- a score 1 with no works since: from the assessment's date;
- a score 2 with no works since, and its latest air measurement is not older and at or
  under the threshold in force at its date: from the measurement's date;

every other location is to act on (to assess, to measure, works; a date no rule covers
too, where ``status_of`` would stop). The delay in force at that date gives the due
date; the rules are turned into date ranges of the starting date (``RuleCache.periods``),
so that no date arithmetic runs in SQL and the counts read plain columns: one aggregate
over the score-1 assessments, one over the air measurements, one count of the
locations."""

from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q, Subquery

from imtsocial.delays import add_months
from safety.asbestos.enums import State
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure
from safety.asbestos.rules import RuleCache

WINDOWS = ("overdue", "due_soon", "later")


def _any(conditions) -> Q:
    """Matches when one of ``conditions`` does; no condition: no row."""
    result = Q(pk__in=[])
    for condition in conditions:
        result |= condition
    return result


def _first_day_due(years: int, bound: date) -> date:
    """The first starting day whose re-assessment within ``years`` falls on ``bound`` or
    later (``add_months`` never moves back when the day moves on)."""
    day = add_months(bound, -12 * years) - timedelta(days=4)
    while add_months(day, 12 * years) < bound:
        day += timedelta(days=1)
    return day


def _windows(periods, at: date, horizon: date) -> dict[str, list[tuple[date, date]]]:
    """The starting days whose re-assessment is overdue at ``at``, due by ``horizon``,
    or later: a range per period of the rules for each."""
    windows = {name: [] for name in WINDOWS}
    for start, end, row in periods:
        on_time = _first_day_due(row.recheck_years, at)
        beyond = _first_day_due(row.recheck_years, horizon + timedelta(days=1))
        for name, first, last in (
            ("overdue", start, on_time - timedelta(days=1)),
            ("due_soon", max(start, on_time), beyond - timedelta(days=1)),
            ("later", max(start, beyond), end),
        ):
            if first <= min(last, end):
                windows[name].append((first, min(last, end)))
    return windows


def _latest(model, by: str):
    """The pk of the row's location's latest row of ``model`` (by ``by``, then pk)."""
    rows = model.objects.filter(location=OuterRef("location")).order_by(f"-{by}", "-pk")
    return Subquery(rows.values("pk")[:1])


def _last_assessments(score: int):
    """The latest assessment of each location, of ``score``, without works since."""
    works_since = Measure.objects.filter(
        location=OuterRef("location"), done_on__gt=OuterRef("date")
    )
    return Assessment.objects.filter(pk=_latest(Assessment, "date"), score=score).filter(
        ~Exists(works_since)
    )


def due_counts(batch, at: date, within_days: int = 60):
    """Declares the counters in ``batch`` (an ``Aggregates``); returns the function that
    reads ``{"overdue", "due_soon", "to_act"}`` from them."""
    periods = RuleCache().periods()
    windows = _windows(periods, at, at + timedelta(days=within_days))
    counted = {
        name: Count("pk", filter=_any(Q(date__range=days) for days in ranges))
        for name, ranges in windows.items()
    }
    air_within = _any(
        Q(date__range=(start, end), fibres_per_litre__lte=row.air_threshold)
        for start, end, row in periods
    )
    assessed_2 = _last_assessments(score=2).filter(
        location=OuterRef("location"), date__lte=OuterRef("date")
    )
    there = ~Q(location__state=State.REMOVED)
    parts = [
        batch.aggregate(_last_assessments(score=1).filter(there), **counted),
        batch.aggregate(
            AirMeasurement.objects.filter(pk=_latest(AirMeasurement, "date"))
            .filter(there, air_within)
            .filter(Exists(assessed_2)),
            **counted,
        ),
    ]
    total = batch.count(Location.objects.exclude(state=State.REMOVED))

    def counts() -> dict:
        waiting = {name: sum(part.value[name] for part in parts) for name in WINDOWS}
        return {
            "overdue": waiting["overdue"],
            "due_soon": waiting["due_soon"],
            "to_act": total.value - sum(waiting.values()),
        }

    return counts
