"""Compliance of a measurement with the limit in force at the campaign date.

At the limit is compliant, above is over (RULES §5). A value in another unit than the
limit is converted when the substance has a molar mass (mg/m³ = ppm × M / 24,45, the
molar volume of a gas at 25 °C and 1 atm used by the INRS tables); otherwise the
measurement is refused with a message saying why."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from imtsocial.errors import DomainError
from safety.exposure.enums import ConcentrationUnit, Verdict
from safety.exposure.models import LimitValue, Substance

MOLAR_VOLUME = Decimal("24.45")  # L/mol at 25 °C and 101,3 kPa


@dataclass(frozen=True)
class Outcome:
    verdict: str
    limit: LimitValue | None
    limit_value: Decimal | None
    compared_value: Decimal | None


def convert(value: Decimal, *, from_unit: str, to_unit: str, substance: Substance) -> Decimal:
    if from_unit == to_unit:
        return value
    if not substance.molar_mass:
        raise DomainError(
            _(
                "La valeur limite de %(substance)s est en %(limit_unit)s et sa masse molaire "
                "n'est pas connue : la mesure en %(unit)s ne peut pas être convertie. "
                "Saisissez-la en %(limit_unit)s."
            )
            % {
                "substance": substance.name,
                "limit_unit": ConcentrationUnit(to_unit).label,
                "unit": ConcentrationUnit(from_unit).label,
            },
            field="unit",
        )
    if from_unit == ConcentrationUnit.PPM:
        return value * substance.molar_mass / MOLAR_VOLUME
    return value * MOLAR_VOLUME / substance.molar_mass


def assess(*, substance: Substance, kind: str, value: Decimal, unit: str, at: date) -> Outcome:
    limit = LimitValue.objects.get_in_force(at, substance=substance)
    threshold = limit.value_for(kind) if limit is not None else None
    if threshold is None:
        return Outcome(Verdict.NO_LIMIT, limit, None, None)
    compared = convert(value, from_unit=unit, to_unit=limit.unit, substance=substance)
    verdict = Verdict.COMPLIANT if compared <= threshold else Verdict.OVER
    return Outcome(verdict, limit, threshold, compared.quantize(Decimal("0.0001")))
