"""The training account (compte personnel de formation) of a person, year by year.

RULES §4: 25 hours a year up to 150 hours; category C staff without a level-3 diploma
50 hours a year up to 400 hours; part time counts as full time. The figures are the
``CpfRule`` rows in force on 31 December of each year (no row: nothing credited).

How the counter is computed (a choice written here and on the page): a year's hours
are credited at its end, prorated to the days the person was under contract that
year (whatever their working time) and rounded to the nearest hour; the balance never
exceeds the ceiling; hours used for trainings followed « au titre du CPF » are taken
off in the year of the training; only completed years count.
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from hr.training.enums import EnrolmentStatus
from hr.training.models import CpfRule


@dataclass(frozen=True)
class CpfYear:
    year: int
    credited: int
    used: Decimal
    balance: Decimal
    ceiling: int


def is_low_qualification(employee) -> bool:
    return employee.category == "C" and not employee.level3_diploma


def _days_covered(year: int, periods) -> int:
    first, last = date(year, 1, 1), date(year, 12, 31)
    days = set()
    for start, end in periods:
        start, end = max(start, first), min(end or last, last)
        if start <= end:
            days.update(range(start.toordinal(), end.toordinal() + 1))
    return len(days)


def cpf_years(*, periods, used_by_year: dict[int, Decimal], low_qualification: bool, at: date):
    """The counter year by year up to the year before ``at``.

    ``periods``: (start, end or None) of the person's contracts; ``used_by_year``: CPF
    hours used in each year."""
    rules = list(CpfRule.objects.filter(low_qualification=low_qualification))
    if not periods:
        return []
    balance, years = Decimal(0), []
    for year in range(min(start for start, _end in periods).year, at.year):
        end_of_year = date(year, 12, 31)
        rule = next((r for r in rules if r.is_in_force(end_of_year)), None)
        if rule is None:
            continue
        length = (end_of_year - date(year, 1, 1)).days + 1
        share = Decimal(rule.yearly_hours * _days_covered(year, periods)) / length
        credited = int(share.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        used = used_by_year.get(year, Decimal(0))
        balance = max(Decimal(0), min(Decimal(rule.ceiling_hours), balance + credited) - used)
        years.append(CpfYear(year, credited, used, balance, rule.ceiling_hours))
    return years


def cpf_balance(employee, *, at: date) -> tuple[Decimal, list[CpfYear]]:
    """The person's balance at ``at`` and the years behind it (three queries)."""
    # ``all()``: the employee file has them in its prefetch cache already
    periods = [(contract.start, contract.end) for contract in employee.contracts.all()]
    used = dict(
        employee.enrolments.filter(status=EnrolmentStatus.ATTENDED, uses_cpf=True)
        .annotate(year=ExtractYear("session__starts_on"))
        .values("year")
        .annotate(hours=Sum("attended_hours"))
        .values_list("year", "hours")
    )
    years = cpf_years(
        periods=periods,
        used_by_year=used,
        low_qualification=is_low_qualification(employee),
        at=at,
    )
    return (years[-1].balance if years else Decimal(0)), years
