"""Is a salary typed by HR plausible? « 4 250,75 » once became 425 075,00 €.

A new or corrected amount is compared with the person's previous salary (the latest
record in effect before its date, whatever the contract) and with the minimum of the
contract's category (``PayBenchmark`` in force at the date, pro rata of the working
time). Outside the dated thresholds of ``hr.parameters`` the form asks HR to confirm::

    salary_warnings(contract=contract, effective_date=date(2024, 1, 1),
                    amount=Decimal("425075"))
    # ["Ce montant (425 075,00 €) dépasse 150 % du salaire précédent (4 090,00 € au …)."]
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from hr.models import Contract, PayBenchmark, SalaryRecord
from hr.parameters import (
    SALARY_BENCHMARK_CONFIRM_PERCENT,
    SALARY_DROP_CONFIRM_PERCENT,
    SALARY_RISE_CONFIRM_PERCENT,
)
from imtsocial.formats import money
from imtsocial.refdata.parameters import MissingReferenceData

_CENT = Decimal("0.01")


def _share(amount: Decimal, percent) -> Decimal:
    return (amount * Decimal(percent) / 100).quantize(_CENT, rounding=ROUND_HALF_UP)


def _percent(value) -> str:
    """« 150 », « 66,5 »: a stored percentage as people read it."""
    return f"{Decimal(value).normalize():f}".replace(".", ",")


def previous_salary(*, contract: Contract, effective_date: date, exclude_pk=None):
    """The person's latest salary in effect before ``effective_date`` (any contract)."""
    records = SalaryRecord.objects.in_effect().filter(
        contract__employee_id=contract.employee_id, effective_date__lt=effective_date
    )
    if exclude_pk:
        records = records.exclude(pk=exclude_pk)
    return records.order_by("-effective_date").first()


def salary_warnings(
    *, contract: Contract, effective_date: date, amount: Decimal, exclude_pk=None
) -> list[str]:
    """Why ``amount`` looks like a typing mistake (French sentences), or ``[]``."""
    try:
        rise = SALARY_RISE_CONFIRM_PERCENT.at(effective_date)
        drop = SALARY_DROP_CONFIRM_PERCENT.at(effective_date)
        ceiling = SALARY_BENCHMARK_CONFIRM_PERCENT.at(effective_date)
    except MissingReferenceData:  # a date before the first thresholds: nothing to compare
        return []
    warnings = []
    previous = previous_salary(
        contract=contract, effective_date=effective_date, exclude_pk=exclude_pk
    )
    if previous is not None:
        values = {
            "amount": money(amount),
            "previous": money(previous.gross_monthly),
            "date": previous.effective_date.strftime("%d/%m/%Y"),
        }
        if amount > _share(previous.gross_monthly, rise):
            warnings.append(
                _(
                    "Ce montant (%(amount)s) dépasse %(percent)s %% du salaire précédent de "
                    "l'agent (%(previous)s au %(date)s)."
                )
                % {**values, "percent": _percent(rise)}
            )
        elif amount < _share(previous.gross_monthly, drop):
            warnings.append(
                _(
                    "Ce montant (%(amount)s) est inférieur à %(percent)s %% du salaire précédent "
                    "de l'agent (%(previous)s au %(date)s)."
                )
                % {**values, "percent": _percent(drop)}
            )
    category = contract.category or contract.employee.category
    benchmark = (
        PayBenchmark.objects.get_in_force(effective_date, category=category) if category else None
    )
    if benchmark is not None:
        minimum = _share(benchmark.minimum_gross_monthly, contract.working_time_ratio)
        values = {
            "amount": money(amount),
            "minimum": money(minimum),
            "category": benchmark.get_category_display(),
        }
        if amount > _share(minimum, ceiling):
            warnings.append(
                _(
                    "Ce montant (%(amount)s) dépasse %(percent)s %% de la rémunération minimale "
                    "de la catégorie « %(category)s » (%(minimum)s pour cette quotité)."
                )
                % {**values, "percent": _percent(ceiling)}
            )
        elif amount < _share(minimum, drop):
            warnings.append(
                _(
                    "Ce montant (%(amount)s) est inférieur à %(percent)s %% de la rémunération "
                    "minimale de la catégorie « %(category)s » (%(minimum)s pour cette quotité)."
                )
                % {**values, "percent": _percent(drop)}
            )
    return warnings
