"""One change in the data moves exactly the figures of the chapter that depend on it,
and no other (the catalogue reads live data; nothing is cached or typed)."""

from datetime import date
from decimal import Decimal

from hr.enums import ContractKind
from hr.models import SalaryRecord
from imtsocial.accounts.roles import Role
from imtsocial.reports.catalogue import figures_for
from social_action.models import ChristmasChild, EventRegistration
from tests.factories import ContractFactory, EmployeeFactory, SalaryRecordFactory
from tests.reports.chapter_data import small_school
from tests.social_action.factories import EventFactory


def _values(year=2020) -> dict:
    return {code: figure.value for code, figure in figures_for(year).items()}


def _moved(before: dict, after: dict) -> dict:
    return {code: (before[code], after[code]) for code in before if before[code] != after[code]}


def _christmas_child(event, first_name):
    registration = EventRegistration.objects.create(event=event, employee=EmployeeFactory())
    ChristmasChild.objects.create(
        registration=registration, first_name=first_name, age=6, gift_category="6-8"
    )


def test_one_change_moves_exactly_the_figures_that_depend_on_it(make_user):
    small_school(make_user(Role.HR))
    christmas = EventFactory(date=date(2020, 12, 16), registration_deadline=date(2020, 12, 1))
    _christmas_child(christmas, "Léa")
    before, before_2019 = _values(), _values(2019)

    # One more fixed-term contract (under 2 years) in force at 31/12/2020: staff 6 → 7
    # (the school's 3 civil servants, 2 CDD, 1 PhD student, + 1); the mix, PhD students
    # left out: 3 permanent of 5 → of 6 (60 % → 50 %), fixed-term 2 → 3 (40 % → 50 %),
    # under 2 years 1 → 2 (20 % → 33,3 %), 2 years or more 1 of 5 → of 6 (20 % → 16,7 %).
    ContractFactory(kind=ContractKind.CDD, start=date(2020, 10, 1), end=date(2021, 3, 31))
    after_contract = _values()
    moved = _moved(before, after_contract)
    assert set(moved) == {
        "staff_headcount",
        "mix_permanent_pct",
        "mix_fixed_term_pct",
        "mix_fixed_term_under_2y_pct",
        "mix_fixed_term_2y_or_more_pct",
    }
    assert moved["mix_permanent_pct"] == (Decimal("60.0"), Decimal("50.0"))
    assert moved["mix_fixed_term_under_2y_pct"][1] == Decimal("33.3")

    # One salary changed: the 3 000 € civil servant paid 3 300 € from 01/11/2020; the
    # average of permanent staff (3 000 + 4 000 + 5 500) / 3 = 4 166,67 € becomes
    # (3 300 + 4 000 + 5 500) / 3 = 4 266,67 €; nothing else moves.
    contract = SalaryRecord.objects.get(gross_monthly=Decimal("3000")).contract
    SalaryRecordFactory(
        contract=contract, effective_date=date(2020, 11, 1), gross_monthly=Decimal("3300")
    )
    after_salary = _values()
    moved = _moved(after_contract, after_salary)
    assert set(moved) == {"pay_permanent_average"}
    assert [round(v) for v in moved["pay_permanent_average"]] == [4167, 4267]

    # One more child at the Christmas party of 2020: 1 → 2, nothing else moves.
    _christmas_child(christmas, "Noé")
    assert _moved(after_salary, _values()) == {"christmas_children": (1, 2)}

    # …and 2019 is untouched by all three (each dates from autumn or December 2020).
    assert _values(2019) == before_2019
