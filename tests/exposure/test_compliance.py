"""Compliance at, just under and just over each limit of RULES §5 (pre-filled rows):
styrene 100 / 200 mg/m³, n-hexane 72 mg/m³ (no short-term value), ethylene glycol
52 / 104 mg/m³, α-methylstyrene 246 / 492 mg/m³. At the limit: compliant."""

from datetime import date
from decimal import Decimal

import pytest

from imtsocial.errors import DomainError
from safety.exposure import compliance
from safety.exposure.enums import ConcentrationUnit, Kind, Verdict
from safety.exposure.models import LimitValue
from tests.exposure.factories import AMS, GLYCOL, HEXANE, STYRENE, LimitValueFactory, substance

pytestmark = pytest.mark.django_db
MG, PPM = ConcentrationUnit.MG_M3, ConcentrationUnit.PPM
CAMPAIGN = date(2020, 10, 6)
EIGHT, SHORT = Kind.EIGHT_HOURS, Kind.SHORT_TERM

CASES = [
    (STYRENE, EIGHT, "100"),
    (STYRENE, SHORT, "200"),
    (HEXANE, EIGHT, "72"),
    (GLYCOL, EIGHT, "52"),
    (GLYCOL, SHORT, "104"),
    (AMS, EIGHT, "246"),
    (AMS, SHORT, "492"),
]


def verdict(cas, kind, value, unit=MG, at=CAMPAIGN):
    return compliance.assess(
        substance=substance(cas), kind=kind, value=Decimal(value), unit=unit, at=at
    )


@pytest.mark.parametrize(("cas", "kind", "limit"), CASES)
def test_at_the_limit_is_compliant_just_over_is_not(cas, kind, limit):
    limit = Decimal(limit)
    at_limit = verdict(cas, kind, limit)
    assert (at_limit.verdict, at_limit.limit_value) == (Verdict.COMPLIANT, limit)
    assert verdict(cas, kind, limit - Decimal("0.01")).verdict == Verdict.COMPLIANT
    assert verdict(cas, kind, limit + Decimal("0.01")).verdict == Verdict.OVER


def test_hexane_has_no_short_term_value():
    outcome = verdict(HEXANE, SHORT, "500")
    assert (outcome.verdict, outcome.limit_value) == (Verdict.NO_LIMIT, None)


def test_the_pre_filled_rows_say_binding_or_indicative_and_their_source():
    rows = {row.substance.cas_number: row for row in LimitValue.objects.select_related("substance")}
    assert rows[STYRENE].binding and rows[HEXANE].binding and rows[STYRENE].verified
    for cas in (GLYCOL, AMS):  # « (?) » in the rules: indicative, to be confirmed
        assert not rows[cas].binding
        assert not rows[cas].verified
        assert "à confirmer" in rows[cas].source


def test_ppm_are_converted_with_the_molar_mass():
    # styrene M = 104,15 g/mol: mg/m³ = ppm × 104,15 / 24,45
    # 23,47 × 104,15 = 2 444,4005 ; / 24,45 = 99,97548 mg/m³ (compliant, shown 99,9755)
    # 23,48 × 104,15 = 2 445,442 ; / 24,45 = 100,0181 mg/m³ (over)
    under = verdict(STYRENE, EIGHT, "23.47", unit=PPM)
    assert under.verdict == Verdict.COMPLIANT
    assert under.compared_value == Decimal("99.9755")
    assert verdict(STYRENE, EIGHT, "23.48", unit=PPM).verdict == Verdict.OVER


def test_no_conversion_without_molar_mass_is_refused_next_to_the_unit():
    limit = LimitValueFactory()  # toluene, no molar mass, limits in mg/m³
    with pytest.raises(DomainError) as error:
        compliance.assess(
            substance=limit.substance, kind=EIGHT, value=Decimal(5), unit=PPM, at=CAMPAIGN
        )
    assert list(error.value.errors) == ["unit"]
    assert "ne peut pas être convertie" in error.value.messages[0]


def test_the_limit_in_force_at_the_campaign_date_applies():
    old = LimitValueFactory(valid_to=date(2019, 12, 31))  # 76,8 mg/m³
    LimitValueFactory(substance=old.substance, valid_from=date(2020, 1, 1), eight_hours=50)
    value = Decimal(60)
    before = compliance.assess(
        substance=old.substance, kind=EIGHT, value=value, unit=MG, at=date(2019, 12, 31)
    )
    after = compliance.assess(
        substance=old.substance, kind=EIGHT, value=value, unit=MG, at=date(2020, 1, 1)
    )
    assert (before.verdict, before.limit_value) == (Verdict.COMPLIANT, Decimal("76.8"))
    assert (after.verdict, after.limit_value) == (Verdict.OVER, Decimal(50))
