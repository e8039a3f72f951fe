"""The indicator catalogue: every code of the chapter is there, defined, with a source
page; values read the French way, groups under 5 people masked, no data « — »."""

from decimal import Decimal

import pytest
from django.urls import reverse

from imtsocial.reports import catalogue
from imtsocial.reports.catalogue import Indicator, by_code, display, display_change
from imtsocial.reports.enums import Unit

# The codes the chapter (helper 5's templates) reads: never renamed.
CHAPTER_CODES = {
    "A": [
        "pay_permanent_average", "smic_monthly", "benchmarks_below_smic", "staff_headcount",
        "mix_permanent_pct", "mix_fixed_term_pct", "mix_fixed_term_under_2y_pct",
        "mix_fixed_term_2y_or_more_pct", "phd_students", "teleworkers_before_regime",
        "teleworkers_regular", "exceptional_regime_active", "loans_laptops", "loans_headsets",
        "loans_screens",
    ],
    "B": ["dialogue_bodies", "dialogue_meetings"],
    "C": [
        "training_hours", "training_sessions", "talent_developers_trained",
        "evaluations_completion_pct", "critical_skills_at_risk",
    ],
    "D": [
        "prevention_agents", "prevention_agents_labs", "first_aiders", "first_aiders_labs",
        "fume_hoods_inspected", "exposure_measurements", "exposure_exceedances",
        "asbestos_locations", "asbestos_confined", "duerp_entries", "duerp_actions",
        "safety_trained", "qualifications_valid",
    ],
    "E": [
        "appointments", "aid_higher_education", "aid_exceptional",
        "consultations_lawyer_psychologist", "consultations_social_worker",
        "christmas_children", "newsletters", "testimonials", "workstation_photos", "green_line",
    ],
}  # fmt: skip
DECLARED = {"newsletters", "testimonials", "workstation_photos", "green_line"}
SERIES_CODES = {
    "pay_distribution",
    "contract_mix",
    "training_hours_by_theme",
    "aid_beneficiaries_by_scheme",
    "telework_by_month",
    "meetings_by_body",
    "loans_by_kind",
    "exposure_by_substance",
}


@pytest.mark.parametrize(
    ("section", "code"), [(s, c) for s, codes in CHAPTER_CODES.items() for c in codes]
)
def test_every_code_of_the_chapter_is_registered_in_its_section(section, code):
    indicator = by_code()[code]
    assert indicator.section == section
    assert indicator.declared == (code in DECLARED)


def test_every_indicator_is_defined_and_points_to_a_page_that_exists():
    for indicator in catalogue.INDICATORS:
        assert str(indicator.label).strip(), indicator.code
        assert len(str(indicator.definition)) > 20, indicator.code
        if indicator.declared:
            assert indicator.compute is None and not indicator.source
        else:
            assert callable(indicator.compute), indicator.code
            assert reverse(indicator.source).startswith("/"), indicator.code


def test_every_series_of_the_chapter_is_registered_with_a_definition_and_a_source():
    series = catalogue.series_by_code()
    assert set(series) >= SERIES_CODES
    for one in series.values():
        assert str(one.definition).strip() and str(one.label).strip()
        assert reverse(one.source).startswith("/")


def test_an_indicator_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="twice"):
        catalogue.register(by_code()["newsletters"])


def _indicator(unit, people=False):
    return Indicator("x", "A", "X", "X", unit, None, people=people)


@pytest.mark.parametrize(
    ("unit", "people", "value", "shown"),
    [
        (Unit.EUROS, False, Decimal("4090.40"), "4\u00a0090\u00a0€"),  # to the euro
        (Unit.EUROS, False, Decimal("1554.58"), "1\u00a0555\u00a0€"),  # half up
        (Unit.PERCENT, False, Decimal("90.3"), "90\u00a0%"),
        (Unit.PERCENT, False, Decimal("2.5"), "3\u00a0%"),  # half up, not to even
        (Unit.HOURS, False, Decimal("99.5"), "100"),
        (Unit.COUNT, False, 1200, "1\u202f200"),
        (Unit.COUNT, False, Decimal("47.00"), "47"),  # a declared value as typed
        (Unit.PEOPLE, True, 4, "< 5"),
        (Unit.PEOPLE, True, 1, "< 5"),
        (Unit.PEOPLE, True, 5, "5"),
        (Unit.PEOPLE, True, 0, "0"),  # nobody: nothing to protect
        (Unit.YES_NO, False, 1, "oui"),
        (Unit.YES_NO, False, 0, "non"),
        (Unit.COUNT, False, None, "—"),
        (Unit.PEOPLE, True, None, "—"),
    ],
)
def test_values_read_the_french_way(unit, people, value, shown):
    text = display(_indicator(unit, people), value)
    # Django's French grouping separator is a narrow or an ordinary no-break space.
    assert text.replace("\u00a0", "\u202f") == shown.replace("\u00a0", "\u202f")


@pytest.mark.parametrize(
    ("unit", "people", "value", "previous", "shown"),
    [
        (Unit.COUNT, False, 44, 40, "+4"),
        (Unit.COUNT, False, 40, 44, "\u22124"),
        (Unit.COUNT, False, 40, 40, "0"),
        (Unit.PERCENT, False, Decimal("90.3"), Decimal("92.3"), "\u22122\u00a0pts"),  # points
        (Unit.PERCENT, False, Decimal("2.9"), Decimal("2.4"), "+0,5\u00a0pt"),
        (Unit.EUROS, False, Decimal("4090"), Decimal("4000"), "+90\u00a0€"),
        (Unit.PEOPLE, True, 7, 3, "—"),  # the difference would give the « < 5 » away
        (Unit.COUNT, False, 7, None, "—"),  # no data the year before
        (Unit.YES_NO, False, 1, 0, "—"),
    ],
)
def test_the_change_is_a_difference_in_points_for_percentages(unit, people, value, previous, shown):
    indicator = _indicator(unit, people)
    assert display_change(indicator, catalogue.change(indicator, value, previous)) == shown
