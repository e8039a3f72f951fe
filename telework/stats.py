"""Telework and equipment statistics: pure read functions of a date or a period.

During an exceptional regime every employee in post counts as teleworking
(RULES.md §2, "exceptional situation": a bulk, dated decision for all staff).
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count

from hr.models import Employee
from telework.enums import AssetKind, Reason
from telework.models import ExceptionalRegime, Loan, TeleworkRequest


@dataclass
class TeleworkFigures:
    at: date
    regime: ExceptionalRegime | None
    headcount: int
    teleworkers: int  # regular authorisations in force
    by_days: list[tuple[int, int]] = field(default_factory=list)
    by_reason: list[tuple[str, int]] = field(default_factory=list)
    by_department: list[tuple[str, int]] = field(default_factory=list)

    @property
    def counted_teleworkers(self) -> int:
        """Everybody during an exceptional regime, else the regular teleworkers."""
        return self.headcount if self.regime else self.teleworkers


def regime_at(at: date) -> ExceptionalRegime | None:
    return ExceptionalRegime.objects.in_force(at).order_by("-start").first()


def regular_teleworkers(at: date):
    """Employees in post with an approved authorisation in force at ``at``."""
    return TeleworkRequest.objects.in_force(at).filter(employee__in=Employee.objects.active(at))


def teleworkers_at(at: date) -> int:
    return regular_teleworkers(at).values("employee").distinct().count()


def telework_figures(at: date) -> TeleworkFigures:
    in_force = regular_teleworkers(at)
    by_days = list(
        in_force.values_list("days_per_week")
        .annotate(n=Count("employee", distinct=True))
        .order_by("days_per_week")
    )
    reasons = dict(Reason.choices)
    by_reason = [
        (reasons.get(reason, reason), n)
        for reason, n in in_force.values_list("reason")
        .annotate(n=Count("employee", distinct=True))
        .order_by("reason")
    ]
    by_department = list(
        in_force.values_list("employee__department__name")
        .annotate(n=Count("employee", distinct=True))
        .order_by("employee__department__name")
    )
    return TeleworkFigures(
        at=at,
        regime=regime_at(at),
        headcount=Employee.objects.active(at).count(),
        teleworkers=teleworkers_at(at),
        by_days=by_days,
        by_reason=by_reason,
        by_department=by_department,
    )


def loans_by_kind(start: date, end: date) -> list[tuple[str, int]]:
    """Loans that started within [start, end], by kind of asset (every kind listed)."""
    counts = dict(
        Loan.objects.filter(out_on__gte=start, out_on__lte=end)
        .values_list("asset__kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(label, counts.get(value, 0)) for value, label in AssetKind.choices]


def regime_started_in(year: int) -> ExceptionalRegime | None:
    """The first exceptional regime that began in ``year`` (one query)."""
    return ExceptionalRegime.objects.filter(start__year=year).order_by("start").first()


def teleworkers_by_month(year: int) -> list[dict]:
    """For each month of ``year``, at its last day: the regular teleworkers, whether an
    exceptional regime applied, and the people counted as teleworking (everybody in post
    during a regime). Three queries a month."""
    from imtsocial.delays import add_months

    rows = []
    for month in range(1, 13):
        last_day = add_months(date(year, month, 1), 1) - timedelta(days=1)
        figures_regime = regime_at(last_day)
        regular = teleworkers_at(last_day)
        headcount = Employee.objects.active(last_day).count()
        rows.append(
            {
                "month": month,
                "at": last_day,
                "regular": regular,
                "regime": figures_regime is not None,
                "headcount": headcount,
                "count": headcount if figures_regime else regular,
            }
        )
    return rows
