"""HR statistics at a reference date: headcount, contract mix, pay of permanent staff.

Pure read functions of a date, computed by SQL aggregation (a constant number of
queries, whatever the headcount). The statistics page and the yearly DD&RS chapter
call the same functions: one source of truth.

Definitions (shown on the page and in the report's method notes):

- A contract is *in force* at date D when it started on or before D and has not
  ended (no end date, or end on or after D): ``Contract.objects.in_force(D)``. The
  contracts of one person never overlap, so one contract in force is one person.
- *Permanent* staff: civil servants (``titulaire``) and CDI. *Fixed-term* staff:
  CDD and apprentices. PhD students (``doctorant``, a 3-year doctoral contract) are
  left out of the contract mix, as in the source chapter.
- The *length* of a fixed-term contract is its planned length, from its start date
  to its end date, both included (the end date is the contract's last day, as in
  ``in_force``): ``end − start + 1`` days. "2 years or more" means a length of at
  least the parameter ``hr.fixed_term_long_days`` (730 days), so a contract from
  01/09/2021 to 31/08/2023 (exactly two calendar years, ``end − start`` = 729 days)
  is "2 years or more", and one ending a day earlier is "under 2 years". Across a
  29 February the calendar and the 730 days differ by a day; the day count is the
  rule applied.
- The *salary in force* of a contract at D is its salary record with the latest
  effective date on or before D; later records are ignored. Amounts are gross
  monthly, as recorded (a part-time salary is not converted to full time).

Cost at 10 000 people (8 000 contracts in force, 80 000 salary records): the salary in
force is one probe of the partial unique index ``hr_salary_one_per_date`` (contract,
effective date) per contract, about 2 µs each. Measured against it, the set-based forms
were slower on PostgreSQL: ``DISTINCT ON``/``ROW_NUMBER()`` over the records joined once
(55–95 ms: they read every record up to D) and a maintained validity range joined on
``effective_date <= D <= valid_until`` (16–23 ms against 19–28 ms, for a column every
writer would have to maintain). What cost was the per-contract lookup of the *minimum*
(a scan and a sort of the reference table for each contract, twice): the minimums are
reference data of a few rows, read once with ``in_force(D)`` and given to the query as
constants (``_minimum_in_force``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    Count,
    DateField,
    DecimalField,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import Expression
from django.db.models.functions import Coalesce, Round

from hr.enums import PERMANENT_KINDS, ContractKind
from hr.models import Contract, DoctoralMinimumPay, PayBenchmark, SalaryRecord, SmicRate
from hr.parameters import FIXED_TERM_LONG_DAYS
from imtsocial.memo import CachedReads
from imtsocial.privacy import is_small_group

# Everything the figures and the pay alerts are computed from: the pages read them from
# the cache until one of these tables is written (``imtsocial.memo``).
PAY_READS = CachedReads(
    "hr.pay",
    models=(
        "hr.Employee",
        "hr.Contract",
        "hr.SalaryRecord",
        "hr.SmicRate",
        "hr.PayBenchmark",
        "hr.DoctoralMinimumPay",
        "hr.Department",
        "refdata.Parameter",
    ),
)

# Fixed-term contracts counted in the mix (PhD students are left out of it).
MIX_FIXED_TERM_KINDS = frozenset({ContractKind.CDD, ContractKind.APPRENTI})

_CENT = Decimal("0.01")
_TENTH = Decimal("0.1")
_MONEY = DecimalField(max_digits=12, decimal_places=2)


def _sorted_values(kinds) -> list[str]:
    return sorted(str(kind) for kind in kinds)


def _percent(part: int, whole: int) -> Decimal | None:
    """``part`` as a percentage of ``whole``, one decimal, rounded half up."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_TENTH, rounding=ROUND_HALF_UP)


def _money(value) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(_CENT, rounding=ROUND_HALF_UP)


# Building blocks ---------------------------------------------------------------


def salary_in_force(at: date) -> Subquery:
    """Gross monthly pay of the outer contract at ``at`` (latest record on or before it)."""
    return Subquery(
        SalaryRecord.objects.in_effect()
        .filter(contract=OuterRef("pk"), effective_date__lte=at)
        .order_by("-effective_date")
        .values("gross_monthly")[:1],
        output_field=_MONEY,
    )


def permanent_contracts_with_pay(at: date) -> QuerySet[Contract]:
    """Permanent contracts in force at ``at``, annotated with ``current_salary`` (or None)."""
    return (
        Contract.objects.in_force(at)
        .filter(kind__in=_sorted_values(PERMANENT_KINDS))
        .annotate(current_salary=salary_in_force(at))
        .order_by()
    )


# Headcount ---------------------------------------------------------------------


@dataclass(frozen=True)
class Headcount:
    at: date
    by_kind: dict[ContractKind, int]
    total: int

    @property
    def rows(self) -> list[tuple[ContractKind, int]]:
        """``(kind, count)`` for every contract kind, in the order of ``ContractKind``."""
        return [(kind, self.by_kind[kind]) for kind in ContractKind]


def headcount_by_contract_kind(*, at: date) -> Headcount:
    """Number of people with a contract in force at ``at``, per kind (zeros included)."""
    counts = Contract.objects.in_force(at).aggregate(
        total=Count("employee", distinct=True),
        **{
            f"kind_{kind.value}": Count("employee", distinct=True, filter=Q(kind=kind))
            for kind in ContractKind
        },
    )
    return Headcount(
        at=at,
        by_kind={kind: counts[f"kind_{kind.value}"] for kind in ContractKind},
        total=counts["total"],
    )


# Contract mix ------------------------------------------------------------------


@dataclass(frozen=True)
class ContractMix:
    """Permanent vs fixed-term staff, PhD students excluded, as in the source chapter."""

    at: date
    total: int  # permanent + fixed-term (PhD students excluded)
    permanent: int
    fixed_term: int
    fixed_term_under_2_years: int
    fixed_term_2_years_or_more: int
    phd_students_excluded: int
    permanent_pct: Decimal | None
    fixed_term_pct: Decimal | None
    fixed_term_under_2_years_pct: Decimal | None
    fixed_term_2_years_or_more_pct: Decimal | None
    long_days: int  # the "2 years or more" threshold applied (parameter, in days)


def contract_mix(*, at: date) -> ContractMix:
    """Shares of permanent staff and of fixed-term staff (under 2 years / 2 years or more).

    Percentages of the people counted (PhD students excluded), one decimal, each
    rounded on its own (so they may not add up to exactly 100.0).
    """
    fixed_term = Q(kind__in=_sorted_values(MIX_FIXED_TERM_KINDS))
    long_days = FIXED_TERM_LONG_DAYS.at(at)
    # end − start ≥ N − 1 days ⇔ length with both ends included ≥ N days.
    long_contract = Q(planned_span__gte=timedelta(days=long_days - 1))
    counts = (
        Contract.objects.in_force(at)
        .annotate(
            planned_span=ExpressionWrapper(F("end") - F("start"), output_field=DurationField())
        )
        .aggregate(
            permanent=Count(
                "employee", distinct=True, filter=Q(kind__in=_sorted_values(PERMANENT_KINDS))
            ),
            fixed_term=Count("employee", distinct=True, filter=fixed_term),
            long=Count("employee", distinct=True, filter=fixed_term & long_contract),
            phd=Count("employee", distinct=True, filter=Q(kind=ContractKind.DOCTORANT)),
        )
    )
    permanent, fixed, long = counts["permanent"], counts["fixed_term"], counts["long"]
    short = fixed - long
    total = permanent + fixed
    return ContractMix(
        at=at,
        total=total,
        permanent=permanent,
        fixed_term=fixed,
        fixed_term_under_2_years=short,
        fixed_term_2_years_or_more=long,
        phd_students_excluded=counts["phd"],
        permanent_pct=_percent(permanent, total),
        fixed_term_pct=_percent(fixed, total),
        fixed_term_under_2_years_pct=_percent(short, total),
        fixed_term_2_years_or_more_pct=_percent(long, total),
        long_days=long_days,
    )


# Pay of permanent staff --------------------------------------------------------


@dataclass(frozen=True)
class PermanentPay:
    at: date
    headcount: int  # permanent staff with a contract in force
    counted: int  # … of whom with a salary in force (the population of the figures)
    without_salary: int  # … excluded: no salary record on or before the date
    average: Decimal | None  # gross monthly, to the cent
    median: Decimal | None

    @property
    def is_small_group(self) -> bool:
        return is_small_group(self.counted)


def permanent_salaries(at: date) -> list[Decimal | None]:
    """The salary in force at ``at`` of every permanent contract in force then (None:
    no salary record on or before ``at``), in ascending order, people without one last.
    One query; ``permanent_pay`` and ``pay_distribution`` share it (``hr_statistics``)."""
    return list(
        permanent_contracts_with_pay(at)
        .order_by(F("current_salary").asc(nulls_last=True))
        .values_list("current_salary", flat=True)
    )


def permanent_pay(*, at: date, salaries: list[Decimal | None] | None = None) -> PermanentPay:
    """Average and median gross monthly pay of permanent staff at ``at``.

    Computed from ``permanent_salaries(at)`` (one query, or none when given): the
    average of the salaries in force, and the middle one (or the mean of the two middle
    ones) of them in order; both to the cent, rounded half up.
    """
    if salaries is None:
        salaries = permanent_salaries(at)
    paid = [Decimal(str(value)) for value in salaries if value is not None]
    counted = len(paid)
    average = median = None
    if counted:
        average = _money(sum(paid) / counted)
        middle = paid[(counted - 1) // 2 : counted // 2 + 1]
        median = _money(sum(middle) / len(middle))
    return PermanentPay(
        at=at,
        headcount=len(salaries),
        counted=counted,
        without_salary=len(salaries) - counted,
        average=average,
        median=median,
    )


@dataclass(frozen=True)
class PayBucket:
    lower: Decimal  # included
    upper: Decimal  # excluded
    count: int

    @property
    def is_small_group(self) -> bool:
        return is_small_group(self.count)


@dataclass(frozen=True)
class PayDistribution:
    at: date
    bucket: Decimal
    buckets: list[PayBucket]  # from the lowest to the highest non-empty one, gaps as zeros
    total: int


def pay_distribution(
    *, at: date, bucket: Decimal = Decimal(500), salaries: list[Decimal | None] | None = None
) -> PayDistribution:
    """Number of permanent staff per pay bucket [k × bucket, (k + 1) × bucket) at ``at``.

    Same population as ``permanent_pay`` (people with a salary in force), from the same
    ``permanent_salaries(at)`` (one query, or none when given); the empty buckets
    between the lowest and the highest one are filled with zeros.
    """
    bucket = Decimal(bucket)
    if bucket <= 0:
        raise ValueError("bucket must be positive")
    if salaries is None:
        salaries = permanent_salaries(at)
    counts: dict[int, int] = {}
    for value in salaries:
        if value is not None:
            index = int((Decimal(str(value)) / bucket).to_integral_value(rounding=ROUND_FLOOR))
            counts[index] = counts.get(index, 0) + 1
    buckets = []
    if counts:
        for index in range(min(counts), max(counts) + 1):
            buckets.append(
                PayBucket(
                    lower=bucket * index, upper=bucket * (index + 1), count=counts.get(index, 0)
                )
            )
    return PayDistribution(at=at, bucket=bucket, buckets=buckets, total=sum(counts.values()))


def smic_in_force(*, at: date) -> SmicRate | None:
    """The SMIC (gross monthly for 35 h) in force at ``at``."""
    return SmicRate.objects.get_in_force(at)


@dataclass(frozen=True)
class HrStatistics:
    at: date
    headcount: Headcount
    mix: ContractMix
    pay: PermanentPay
    distribution: PayDistribution
    smic: SmicRate | None


def hr_statistics(*, at: date) -> HrStatistics:
    """Every HR figure of the statistics page and of the DD&RS chapter at ``at``
    (the salaries of permanent staff are read once for the pay and its distribution)."""
    salaries = permanent_salaries(at)
    return HrStatistics(
        at=at,
        headcount=headcount_by_contract_kind(at=at),
        mix=contract_mix(at=at),
        pay=permanent_pay(at=at, salaries=salaries),
        distribution=pay_distribution(at=at, salaries=salaries),
        smic=smic_in_force(at=at),
    )


def cached_hr_statistics(*, at: date) -> HrStatistics:
    """``hr_statistics(at=at)``, computed once until the HR tables change (the page's)."""
    return PAY_READS.get_or_compute(("statistics", at), lambda: hr_statistics(at=at))


# Pay alerts --------------------------------------------------------------------


def _minimum_in_force(at: date) -> Expression:
    """The full-time minimum of the row's contract at ``at`` (see ``salaries_below_benchmark``),
    as constants: the reference rows in force at ``at`` (kit ``DateEffectiveQuerySet.in_force``,
    a few rows) are read first, both tables in one query, so that the contracts' query
    compares with values instead of looking them up once per contract."""
    benchmarks = (
        PayBenchmark.objects.in_force(at)
        .order_by()
        .annotate(
            table=Value("benchmark"),
            key=F("category"),
            signed=Value(None, output_field=DateField()),
            amount=F("minimum_gross_monthly"),
        )
        .values_list("table", "key", "signed", "amount")
    )
    doctoral_rows = (
        DoctoralMinimumPay.objects.in_force(at)
        .order_by()
        .annotate(
            table=Value("doctoral"),
            key=Value(""),
            signed=F("signed_from"),
            value=F("amount"),
        )
        .values_list("table", "key", "signed", "value")
    )
    rows = list(benchmarks.union(doctoral_rows, all=True))

    def money(amount) -> Value:
        return Value(amount, output_field=_MONEY)

    # One benchmark per category at a date (rows of one key never overlap).
    benchmark = Case(
        *[
            When(category=key, then=money(amount))
            for table, key, _s, amount in rows
            if table == "benchmark"
        ],
        default=money(None),
        output_field=_MONEY,
    )
    # Of the doctoral rows that apply (no ``signed_from``, or on or before the signature
    # date), the one of the latest ``signed_from`` wins: the first matching ``When``; the
    # row without ``signed_from`` (one series) is the default.
    doctoral = [(signed, amount) for table, _k, signed, amount in rows if table == "doctoral"]
    dated = sorted((row for row in doctoral if row[0] is not None), reverse=True)
    for_all = next((amount for signed, amount in doctoral if signed is None), None)
    doctoral_minimum = Case(
        *[When(signature_date__gte=signed, then=money(amount)) for signed, amount in dated],
        default=money(for_all),
        output_field=_MONEY,
    )
    return Case(
        When(kind=ContractKind.DOCTORANT, then=doctoral_minimum),
        default=benchmark,
        output_field=_MONEY,
    )


def salaries_below_benchmark(*, at: date) -> QuerySet[Contract]:
    """Contracts in force at ``at`` whose salary in force is below their minimum.

    The minimum is, for a doctoral contract, the ``DoctoralMinimumPay`` in force at
    ``at`` that applies to the contract's signature date (rows without
    ``signed_from`` apply to every contract, the others to contracts signed on or
    after it; of the rows in force at ``at`` that apply, the one of the latest
    ``signed_from`` wins; an unknown signature date is taken as the contract's
    start); for any other contract, the
    ``PayBenchmark`` of the contract's category in force at ``at``. Both are
    full-time amounts, applied pro rata of the working-time ratio
    (minimum × ratio / 100, to the cent).

    Annotated with ``current_salary``, ``full_time_minimum``, ``minimum`` and ``gap``
    (minimum − salary, positive). Contracts without a salary record on or before
    ``at``, or without a minimum (no category, no benchmark), are not alerts.
    """
    return (
        contracts_with_minimum(at=at)
        .filter(current_salary__lt=F("minimum"))
        .annotate(
            gap=Round(
                ExpressionWrapper(F("minimum") - F("current_salary"), output_field=_MONEY),
                2,
                output_field=_MONEY,
            )
        )
    )


def contracts_with_minimum(*, at: date) -> QuerySet[Contract]:
    """Contracts in force at ``at`` annotated with ``current_salary``, ``full_time_minimum``
    and ``minimum`` (the rules of ``salaries_below_benchmark``), alerts or not: what
    « Mon espace » counts along with the ending contracts, in one query."""
    return (
        Contract.objects.in_force(at)
        .annotate(
            signature_date=Coalesce("signed_on", "start"),
            current_salary=salary_in_force(at),
            full_time_minimum=_minimum_in_force(at),
        )
        .annotate(
            minimum=Round(
                ExpressionWrapper(
                    F("full_time_minimum") * F("working_time_ratio") / Value(Decimal(100)),
                    output_field=_MONEY,
                ),
                2,
                output_field=_MONEY,
            )
        )
    )


def benchmarks_at_or_below_smic(*, at: date) -> int | None:
    """Pay benchmarks in force at ``at`` whose minimum is at or below the SMIC in force
    then (the framework wants every one above it: 0 expected); None without a SMIC or a
    benchmark in force. Two queries."""
    smic = smic_in_force(at=at)
    benchmarks = PayBenchmark.objects.in_force(at)
    if smic is None or not benchmarks.exists():
        return None
    return benchmarks.filter(minimum_gross_monthly__lte=smic.monthly).count()
