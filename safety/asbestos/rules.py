"""What a location's file asks for, from its last assessment (RULES §5):

- score 1 → re-check within the delay (3 years) from the assessment;
- score 2 → an air measurement; once measured, ≤ the threshold (5 f/L) → re-assess
  within the delay from the measurement, above → works;
- score 3 → works (confinement or removal);
- works done after the last assessment → assess again; a removed material → nothing.

The delay and the threshold are the ``AsbestosRule`` rows in force at the date of the
assessment or of the air measurement, kept in the cache until a rule row is written
(``RULE_READS``). Works on the file use prefetched children (``with_file``): no query
per location (``counters.due_counts`` asks the same of the database, for counts alone)."""

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from imtsocial.delays import add_months
from imtsocial.memo import CachedReads
from imtsocial.refdata.parameters import MissingReferenceData
from safety.asbestos.enums import Action, State
from safety.asbestos.models import AirMeasurement, AsbestosRule, Assessment, Location, Measure

# The rule rows, read on every « Mon espace » of the advisor and every page of the file.
RULE_READS = CachedReads("asbestos.rules", models=("asbestos.AsbestosRule",))


@dataclass
class Status:
    action: str
    due_on: date | None = None
    last_assessment: Assessment | None = None
    last_air: AirMeasurement | None = None
    last_measure: Measure | None = None
    air_over: bool | None = None  # the last air measurement above the threshold
    threshold: object = None

    @property
    def label(self) -> str:
        return str(Action(self.action).label)

    @property
    def badge(self) -> str:
        from safety.asbestos.enums import ACTION_BADGES

        return ACTION_BADGES[self.action]

    def is_due(self, at: date) -> bool:
        """Something to do by ``at`` (an overdue re-assessment, or an action not waiting)."""
        if self.action == Action.NONE:
            return False
        if self.action == Action.RECHECK:
            return self.due_on is not None and self.due_on <= at
        return True


class RuleCache:
    """The rules, read once (a handful of dated rows; no query while they are cached)."""

    def __init__(self):
        self.rows = RULE_READS.get_or_compute(
            ("rows",), lambda: list(AsbestosRule.objects.order_by("valid_from"))
        )

    def _in_force(self, day: date) -> AsbestosRule | None:
        """The row in force at ``day``, the latest started where rows overlap."""
        return next((row for row in reversed(self.rows) if row.is_in_force(day)), None)

    def at(self, day: date) -> AsbestosRule:
        row = self._in_force(day)
        if row is not None:
            return row
        raise MissingReferenceData(
            _("Aucune règle du dossier technique amiante n'est en vigueur au %(date)s.")
            % {"date": day.strftime("%d/%m/%Y")}
        )

    def periods(self) -> list[tuple[date, date, AsbestosRule]]:
        """``at`` as date ranges: (first day, last day, the row in force throughout),
        in order; the days no row covers are left out."""
        starts = sorted(
            {row.valid_from for row in self.rows}
            | {
                row.valid_to + timedelta(days=1)
                for row in self.rows
                if row.valid_to and row.valid_to < date.max
            }
        )
        result = []
        for start, following in pairwise([*starts, None]):
            row = self._in_force(start)
            if row is not None:
                result.append(
                    (start, following - timedelta(days=1) if following else date.max, row)
                )
        return result


def with_file(locations):
    """``locations`` with their assessments, measures and air measurements (3 queries)."""
    return locations.select_related("site").prefetch_related(
        Prefetch("assessments", queryset=Assessment.objects.order_by("-date", "-pk")),
        Prefetch("measures", queryset=Measure.objects.order_by("-done_on", "-pk")),
        Prefetch("air_measurements", queryset=AirMeasurement.objects.order_by("-date", "-pk")),
    )


def status_of(location: Location, rules: RuleCache | None = None) -> Status:
    rules = rules or RuleCache()
    assessments = list(location.assessments.all())
    airs = list(location.air_measurements.all())
    measures = list(location.measures.all())
    status = Status(
        Action.ASSESS,
        last_assessment=assessments[0] if assessments else None,
        last_air=airs[0] if airs else None,
        last_measure=measures[0] if measures else None,
    )
    if status.last_air is not None:
        status.threshold = rules.at(status.last_air.date).air_threshold
        status.air_over = status.last_air.fibres_per_litre > status.threshold
    if location.state == State.REMOVED:
        status.action = Action.NONE
        return status
    last = status.last_assessment
    if last is None:
        return status
    if status.last_measure is not None and status.last_measure.done_on > last.date:
        return status  # works since the last assessment: assess again
    years = rules.at(last.date).recheck_years
    if last.score == 1:
        status.action, status.due_on = Action.RECHECK, add_months(last.date, 12 * years)
    elif last.score == 2:
        air = next((a for a in airs if a.date >= last.date), None)
        if air is None:
            status.action = Action.AIR
        elif air.fibres_per_litre > rules.at(air.date).air_threshold:
            status.action = Action.WORKS
        else:
            years = rules.at(air.date).recheck_years
            status.action, status.due_on = Action.RECHECK, add_months(air.date, 12 * years)
    else:
        status.action = Action.WORKS
    return status


def statuses(locations) -> list[tuple[Location, Status]]:
    """Each location of a queryset with its status (prefetched: constant queries)."""
    rules = RuleCache()
    return [(location, status_of(location, rules)) for location in with_file(locations)]
