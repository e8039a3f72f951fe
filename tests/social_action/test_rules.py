"""The amount rules on hand-computed cases (figures of RULES.md §3, data migration)."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from social_action.enums import Household, Zone
from social_action.models import Rate
from social_action.rules import age_on, estimate, months_between
from tests.factories import EmployeeFactory
from tests.social_action.factories import scheme

pytestmark = pytest.mark.django_db

AT = date(2024, 6, 1)


def facts(**values):
    base = dict.fromkeys(
        [
            "household",
            "reference_income",
            "tax_shares",
            "child_birth_date",
            "months",
            "aeeh_from",
            "aeeh_to",
            "zone",
            "lease_date",
            "expenses",
            "amount_asked",
        ]
    )
    base["aeeh_notified"] = False
    return SimpleNamespace(**(base | values))


def test_dates_helpers():
    assert age_on(date(2018, 6, 2), AT) == 5  # turns 6 the next day
    assert age_on(date(2018, 6, 1), AT) == 6
    assert months_between(date(2022, 6, 2), AT) == 23
    assert months_between(date(2022, 6, 1), AT) == 24


@pytest.mark.parametrize(
    ("household", "income", "shares", "months", "expected"),
    [
        # Bands to confirm, couple with 3 shares: band 1 up to 26 000 + 4×3 000 = 38 000 €,
        # band 2 up to 36 000 + 4×4 000 = 52 000 €.
        (Household.COUPLE, "38000", "3", 12, Decimal("700.00")),
        (Household.COUPLE, "38000.01", "3", 12, Decimal("400.00")),
        (Household.COUPLE, "60000", "3", 12, Decimal("200.00")),
        # 7 months of 400 €/year: 400 × 7 / 12 = 233.33 €
        (Household.COUPLE, "45000", "3", 7, Decimal("233.33")),
        # Single parent, 2 shares: band 1 up to 22 000 + 2×3 000 = 28 000 €: 840 €.
        (Household.SINGLE, "27000", "2", 12, Decimal("840.00")),
        # 2.5 shares uses the 2.5 row: band 2 up to 31 000 + 3×4 000 = 43 000 €: 480 €, 6 months.
        (Household.SINGLE, "40000", "2.5", 6, Decimal("240.00")),
    ],
)
def test_cesu_childcare_by_household_and_band(household, income, shares, months, expected):
    est = estimate(
        scheme("cesu-garde"),
        facts(
            household=household,
            reference_income=Decimal(income),
            tax_shares=Decimal(shares),
            child_birth_date=date(2021, 3, 1),
            months=months,
        ),
        at=AT,
    )
    assert est.eligible, est.reasons
    assert est.amount == expected
    assert est.unverified  # the income bands are still « à confirmer »


def test_cesu_refuses_a_child_of_six():
    est = estimate(
        scheme("cesu-garde"),
        facts(
            household=Household.COUPLE,
            reference_income=Decimal("30000"),
            tax_shares=Decimal("3"),
            child_birth_date=date(2018, 6, 1),
            months=12,
        ),
        at=AT,
    )
    assert not est.eligible and est.amount is None
    assert "moins de 6 ans" in est.reasons[0]


@pytest.mark.parametrize(
    ("zone", "expenses", "at", "expected"),
    [
        (Zone.HIGH_RENT, "2000", AT, Decimal("1500.00")),  # capped at 1 500 €
        (Zone.HIGH_RENT, "1200", AT, Decimal("1200.00")),  # min(expenses, cap)
        (Zone.PRIORITY, "1000", AT, Decimal("900.00")),
        (Zone.OTHER, "1000", AT, Decimal("700.00")),  # since 26/07/2021
        (Zone.OTHER, "1000", date(2021, 7, 25), Decimal("500.00")),  # before
    ],
)
def test_aip_is_expenses_within_the_zone_cap(zone, expenses, at, expected):
    employee = EmployeeFactory(hire_date=date(at.year - 1, at.month, 1))
    est = estimate(
        scheme("aip"),
        facts(zone=zone, expenses=Decimal(expenses), lease_date=at),
        at=at,
        employee=employee,
    )
    assert est.eligible, est.reasons
    assert est.amount == expected


def test_aip_refused_after_24_months_in_post_and_12_months_of_lease():
    employee = EmployeeFactory(hire_date=date(2022, 6, 1))
    est = estimate(
        scheme("aip"),
        facts(zone=Zone.OTHER, expenses=Decimal("600"), lease_date=date(2023, 6, 1)),
        at=AT,
        employee=employee,
    )
    assert not est.eligible
    assert len(est.reasons) == 2


@pytest.mark.parametrize(
    ("at", "months", "expected", "unverified"),
    [
        (date(2019, 6, 1), 12, Decimal("1961.04"), False),  # 163.42 × 12
        (date(2023, 6, 1), 3, Decimal("517.38"), False),  # 172.46 × 3
        (date(2024, 6, 1), 12, Decimal("2196.00"), False),  # 183.00 × 12
        (date(2021, 6, 1), 1, Decimal("163.42"), True),  # 2020-2022: to be confirmed
    ],
)
def test_aeeh_monthly_amount(at, months, expected, unverified):
    est = estimate(
        scheme("parents-enfant-handicape"),
        facts(aeeh_notified=True, child_birth_date=date(at.year - 8, 1, 1), months=months),
        at=at,
    )
    assert est.eligible and est.amount == expected
    assert est.unverified is unverified


def test_aeeh_needs_a_notification():
    est = estimate(
        scheme("parents-enfant-handicape"),
        facts(aeeh_notified=False, child_birth_date=date(2015, 1, 1), months=12),
        at=AT,
    )
    assert not est.eligible


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (date(2019, 6, 1), Decimal("1.26")),
        (date(2022, 9, 1), Decimal("1.38")),
        (date(2023, 3, 1), Decimal("1.39")),
        (date(2025, 3, 1), Decimal("1.47")),
    ],
)
def test_meal_subsidy_of_the_date(at, expected):
    assert Rate.objects.in_force(at).get(key="meal").amount == expected


def test_the_2020_meal_subsidy_is_flagged_to_confirm():
    assert Rate.objects.in_force(date(2020, 6, 1)).get(key="meal").verified is False


def test_case_by_case_amount_over_the_cap_is_refused():
    est = estimate(scheme("aide-exceptionnelle"), facts(amount_asked=Decimal("1500.01")), at=AT)
    assert not est.eligible
    assert "plafond" in est.reasons[0]
    ok = estimate(scheme("aide-exceptionnelle"), facts(amount_asked=Decimal("1500")), at=AT)
    assert ok.eligible and ok.amount == Decimal("1500.00")


def test_higher_education_allowance_for_a_child_of_16_to_25():
    allowance = scheme("allocation-superieur")
    assert estimate(allowance, facts(child_birth_date=date(2006, 1, 1)), at=AT).amount == Decimal(
        "300.00"
    )
    assert not estimate(allowance, facts(child_birth_date=date(2010, 1, 1)), at=AT).eligible


def test_a_scheme_closed_to_staff_is_refused():
    closed = scheme("aide-exceptionnelle")
    closed.eligible = False
    est = estimate(closed, facts(amount_asked=Decimal("100")), at=AT)
    assert not est.eligible


def test_a_scheme_without_individual_request_is_refused():
    est = estimate(scheme("subvention-repas"), facts(), at=AT)
    assert not est.eligible
