"""Register statistics for the yearly report: pure read functions of a year, a query or
two each, plain dicts and lists.

Definitions: an RSST entry or an accident *of year Y* happened (date of the facts) in Y;
a DGI report of year Y was made (date and time of the danger) in Y. *By unit*: the work
unit named on the entry (« Sans unité » when none). Accidents count the people's
accidents (one per record) and the total of the days of leave known so far. Readers of
aggregates see a count of 1 to 4 accidents masked (« < 5 », ``imtsocial.privacy``): a
small group, with its days of leave, would point to the people (``masked`` keys).
"""

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from imtsocial.privacy import is_small_group
from safety.registers.enums import AccidentKind, DgiDecision, RsstKind
from safety.registers.models import DgiReport, RsstEntry, WorkAccident


def _year_of_moment(year: int):
    """DGI reports are dated with a time: the year in the school's time zone."""
    return {"occurred_at__year": year}


def register_counts(year: int) -> dict:
    """RSST entries (observations, suggestions, answered) and DGI reports (confirmed) of
    ``year``: two queries."""
    rsst = RsstEntry.objects.filter(occurred_on__year=year).aggregate(
        total=Count("pk"),
        observations=Count("pk", filter=Q(kind=RsstKind.OBSERVATION)),
        suggestions=Count("pk", filter=Q(kind=RsstKind.SUGGESTION)),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        with_action=Count("pk", filter=Q(action__isnull=False)),
    )
    dgi = DgiReport.objects.filter(**_year_of_moment(year)).aggregate(
        total=Count("pk"),
        confirmed=Count("pk", filter=Q(decision=DgiDecision.CONFIRMED)),
        decided=Count("pk", filter=~Q(decision="")),
    )
    return {"rsst": rsst, "dgi": dgi}


def by_unit(year: int) -> list[dict]:
    """One row per work unit with an entry or a report in ``year`` (two queries):
    ``{"code", "name", "rsst", "dgi"}``, by unit code, the entries without unit last."""
    rows: dict = {}
    for model, key, lookup in (
        (RsstEntry, "rsst", {"occurred_on__year": year}),
        (DgiReport, "dgi", _year_of_moment(year)),
    ):
        counted = (
            model.objects.filter(**lookup)
            .values("work_unit__code", "work_unit__name")
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in counted:
            code = row["work_unit__code"] or ""
            line = rows.setdefault(
                code, {"code": code, "name": row["work_unit__name"] or "", "rsst": 0, "dgi": 0}
            )
            line[key] = row["n"]
    return sorted(rows.values(), key=lambda r: (r["code"] == "", r["code"]))


def _accident_row(year, work, commuting, work_days, commuting_days) -> dict:
    total = work + commuting
    return {
        "year": year,
        "work": work,
        "commuting": commuting,
        "total": total,
        "work_leave_days": work_days or 0,
        "commuting_leave_days": commuting_days or 0,
        "leave_days": (work_days or 0) + (commuting_days or 0),
        "work_masked": is_small_group(work),
        "commuting_masked": is_small_group(commuting),
        "total_masked": is_small_group(total),
    }


def _accident_aggregates():
    work, commuting = Q(kind=AccidentKind.WORK), Q(kind=AccidentKind.COMMUTING)
    return {
        "work": Count("pk", filter=work),
        "commuting": Count("pk", filter=commuting),
        "work_days": Sum("leave_days", filter=work),
        "commuting_days": Sum("leave_days", filter=commuting),
    }


def accidents(year: int) -> dict:
    """Work and commuting accidents of ``year`` and their days of leave (one query)."""
    row = WorkAccident.objects.filter(occurred_on__year=year).aggregate(**_accident_aggregates())
    return _accident_row(
        year, row["work"], row["commuting"], row["work_days"], row["commuting_days"]
    )


def accidents_per_year(until: int, *, years: int = 5) -> list[dict]:
    """``accidents()`` for each of the ``years`` years up to ``until`` (one query)."""
    first = until - years + 1
    counted = {
        row["y"]: row
        for row in WorkAccident.objects.filter(
            occurred_on__year__gte=first, occurred_on__year__lte=until
        )
        .annotate(y=ExtractYear("occurred_on"))
        .values("y")
        .annotate(**_accident_aggregates())
        .order_by("y")
    }
    result = []
    for year in range(first, until + 1):
        row = counted.get(year, {"work": 0, "commuting": 0, "work_days": 0, "commuting_days": 0})
        result.append(
            _accident_row(
                year, row["work"], row["commuting"], row["work_days"], row["commuting_days"]
            )
        )
    return result


def current_year() -> int:
    return timezone.localdate().year
