"""The CPF counter on cases computed by hand (RULES §4: 25 h a year up to 150 h; category C
without a level-3 diploma 50 h up to 400 h; part time counts as full time)."""

from datetime import date
from decimal import Decimal

import pytest

from hr.enums import ContractKind
from hr.training.cpf import cpf_balance, cpf_years
from hr.training.enums import EnrolmentStatus
from tests.factories import ContractFactory, EmployeeFactory
from tests.training.factories import EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _balance(periods, *, low=False, at=date(2021, 3, 1), used=None):
    years = cpf_years(periods=periods, used_by_year=used or {}, low_qualification=low, at=at)
    return [(y.year, y.credited, y.balance) for y in years]


def test_a_part_year_is_prorated_and_rounded_to_the_hour():
    # Hired 1 July 2018: 184 days of 365 → 25 × 184 / 365 = 12.60 → 13 h; then 25 + 25.
    assert _balance([(date(2018, 7, 1), None)]) == [
        (2018, 13, 13),
        (2019, 25, 38),
        (2020, 25, 63),
    ]


def test_nothing_is_credited_before_the_first_rule():
    # The rules start on 1 January 2017: 2015 and 2016 credit nothing.
    assert _balance([(date(2015, 9, 1), None)], at=date(2018, 1, 1)) == [(2017, 25, 25)]


def test_the_ceiling_stops_the_counter():
    # 2017–2025: 9 × 25 = 225 h, capped at 150; 9 × 50 = 450, capped at 400.
    at = date(2026, 12, 2)
    assert _balance([(date(2010, 1, 1), None)], at=at)[-1] == (2025, 25, 150)
    assert _balance([(date(2010, 1, 1), None)], at=at, low=True)[-1] == (2025, 50, 400)


def test_hours_used_are_taken_off_in_their_year():
    # 2018: 13; 2019: 38 − 20 = 18; 2020: 18 + 25 = 43.
    got = _balance([(date(2018, 7, 1), None)], used={2019: Decimal(20)})
    assert got == [(2018, 13, 13), (2019, 25, 18), (2020, 25, 43)]


def test_gaps_between_contracts_are_not_credited():
    # CDD 1 Jan – 30 Jun 2019 (181 days), then from 1 Jan 2020: 25 × 181 / 365 = 12.40 → 12.
    periods = [(date(2019, 1, 1), date(2019, 6, 30)), (date(2020, 1, 1), None)]
    assert _balance(periods) == [(2019, 12, 12), (2020, 25, 37)]


def test_the_balance_of_a_person_counts_part_time_as_full_time_and_cpf_trainings():
    person = EmployeeFactory(category="C", level3_diploma=False)
    ContractFactory(
        employee=person, kind=ContractKind.CDI, start=date(2019, 1, 1), working_time_ratio=50
    )
    session = SessionFactory(starts_on=date(2020, 3, 2), ends_on=date(2020, 3, 3))
    EnrolmentFactory(
        session=session,
        employee=person,
        status=EnrolmentStatus.ATTENDED,
        uses_cpf=True,
        attended_hours=Decimal("14"),
    )
    EnrolmentFactory(  # not « au titre du CPF »: not taken off
        employee=person,
        status=EnrolmentStatus.ATTENDED,
        attended_hours=Decimal("7"),
        session=SessionFactory(starts_on=date(2020, 5, 4), ends_on=date(2020, 5, 4)),
    )
    # 2019: 50 (50 % counts as full time); 2020: 50 + 50 − 14 = 86.
    balance, years = cpf_balance(person, at=date(2021, 1, 4))
    assert balance == Decimal(86)
    assert [(y.year, y.credited) for y in years] == [(2019, 50), (2020, 50)]
