"""The figures of a year on small hand-made data: values, previous year, change,
« < 5 », no-data year, declared values; a bounded number of queries."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hr.enums import ContractKind
from imtsocial.accounts.roles import Role
from imtsocial.reports import catalogue
from imtsocial.reports.catalogue import NO_DATA, figures_for, rows_for
from imtsocial.reports.models import DeclaredValue
from tests.factories import ContractFactory, SalaryRecordFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _permanent(salary, *, raise_to=None):
    contract = ContractFactory(kind=ContractKind.TITULAIRE, start=date(2015, 9, 1))
    SalaryRecordFactory(contract=contract, gross_monthly=Decimal(salary))
    if raise_to:
        SalaryRecordFactory(
            contract=contract, effective_date=date(2020, 7, 1), gross_monthly=Decimal(raise_to)
        )
    return contract


@pytest.fixture
def school():
    """3 civil servants (3 000, 4 000 and 5 200 € raised to 5 500 € on 01/07/2020), two
    CDD that begin in 2020 (731 days: « 2 years or more »; 365 days: « under 2 years »)
    and one PhD student since 01/10/2019."""
    _permanent("3000")
    _permanent("4000")
    _permanent("5200", raise_to="5500")
    ContractFactory(kind=ContractKind.CDD, start=date(2020, 1, 1), end=date(2021, 12, 31))
    ContractFactory(kind=ContractKind.CDD, start=date(2020, 9, 1), end=date(2021, 8, 31))
    ContractFactory(doctorant=True)


def test_the_hr_figures_of_2020_and_2019_derived_by_hand(school):
    figures = figures_for(2020)
    # (3 000 + 4 000 + 5 500) / 3 = 4 166,67 → 4 167 €
    assert figures["pay_permanent_average"].value == Decimal("4166.67")
    assert figures["pay_permanent_average"].display == f"4{NBSP}167{NBSP}€"
    # The SMIC quoted is the one of 01/01/2021 (1 554,58 €), the one at 31/12 1 539,42 €.
    assert figures["smic_monthly"].display == f"1{NBSP}555{NBSP}€"
    assert figures["smic_monthly_reference_date"].display == f"1{NBSP}539{NBSP}€"
    # Mix without the PhD student: 3 permanent + 2 CDD = 5 → 60 %, 40 %, 20 %, 20 %.
    assert figures["mix_permanent_pct"].display == f"60{NBSP}%"
    assert figures["mix_fixed_term_pct"].display == f"40{NBSP}%"
    assert figures["mix_fixed_term_under_2y_pct"].display == f"20{NBSP}%"
    assert figures["mix_fixed_term_2y_or_more_pct"].display == f"20{NBSP}%"
    # 6 people in post, among them 1 PhD student: a group under 5 → « < 5 ».
    assert figures["staff_headcount"].display == "6"
    assert (figures["phd_students"].value, figures["phd_students"].display) == (1, "< 5")

    before = figures_for(2019)
    # At 31/12/2019: no CDD yet, the raise not yet: (3 000 + 4 000 + 5 200) / 3 = 4 066,67.
    assert before["pay_permanent_average"].display == f"4{NBSP}067{NBSP}€"
    assert before["mix_permanent_pct"].display == f"100{NBSP}%"
    assert before["staff_headcount"].display == "< 5"  # 3 + the PhD student


def test_the_rows_give_the_previous_year_and_the_change(school):
    rows = {row.indicator.code: row for row in rows_for(2020)}
    pay = rows["pay_permanent_average"]
    assert (pay.figure.year, pay.previous.year) == (2020, 2019)
    assert pay.change == Decimal("100.00")  # 4 166,67 − 4 066,67
    assert pay.change_display == f"+100{NBSP}€"
    # 60 % − 100 %: a change in points.
    assert rows["mix_permanent_pct"].change_display == f"\u221240{NBSP}pts"
    # 6 − 4 people, but 4 is « < 5 »: the change would give it away.
    assert rows["staff_headcount"].change_display == NO_DATA
    assert rows["pay_permanent_average"].source_url == "/rh/statistiques/"
    sections = [row.indicator.section for row in rows_for(2020)]
    assert sections == sorted(sections)  # A to E, as in the chapter


def test_a_year_without_data_gives_no_value_at_all():
    figures = figures_for(2005)
    assert {code: (f.value, f.display) for code, f in figures.items()} == dict.fromkeys(
        figures, (None, NO_DATA)
    )
    assert all(rows == [] for rows in catalogue.series_for(2005).values())


def test_a_declared_value_comes_with_its_source_and_who_entered_it(make_user):
    hr = make_user(Role.HR, first_name="Hélène", last_name="Ressources")
    DeclaredValue.objects.create(
        code="newsletters",
        year=2020,
        value=Decimal("47"),
        on=date(2020, 12, 31),
        source="Archives de la lettre interne",
        entered_by=hr,
    )
    figure = figures_for(2020)["newsletters"]
    assert (figure.value, figure.display) == (47, "47")
    assert figure.declared_source.startswith("Archives de la lettre interne — saisie par")
    assert hr.get_full_name() in figure.declared_source
    assert figures_for(2019)["newsletters"].display == NO_DATA


def _queries(year):
    with CaptureQueriesContext(connection) as captured:
        figures_for(year)
    return len(captured)


def test_the_figures_of_a_year_take_the_same_number_of_queries_at_two_sizes(school):
    small = _queries(2020)
    for index in range(15):
        _permanent(str(2500 + 100 * index))
        ContractFactory(kind=ContractKind.CDD, start=date(2020, 3, 1), end=date(2020, 12, 31))
    assert _queries(2020) == small
    assert small < 80
