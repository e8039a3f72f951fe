"""The next due date on hand-computed dates."""

from datetime import date

import pytest

from safety.inspections import schedule
from safety.inspections.enums import DueState
from safety.inspections.models import KindPeriodicity
from tests.inspections.factories import EquipmentFactory, EquipmentKindFactory, InspectionFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("base", "months", "due"),
    [
        (date(2021, 1, 31), 1, date(2021, 2, 28)),  # shorter month: its last day
        (date(2020, 1, 31), 1, date(2020, 2, 29)),  # leap year
        (date(2020, 8, 31), 6, date(2021, 2, 28)),
        (date(2020, 3, 2), 12, date(2021, 3, 2)),
        (date(2020, 2, 29), 12, date(2021, 2, 28)),
        (date(2019, 11, 30), 40, date(2023, 3, 30)),  # 3 years and 4 months
    ],
)
def test_add_months(base, months, due):
    assert schedule.next_due(base, months) == due


def test_due_state_at_the_edges_of_the_window():
    at = date(2026, 3, 1)
    # 30-day window: 1 March + 30 days = 31 March
    assert schedule.due_state(date(2026, 2, 28), at=at, window_days=30) == DueState.OVERDUE
    assert schedule.due_state(date(2026, 3, 1), at=at, window_days=30) == DueState.DUE_SOON
    assert schedule.due_state(date(2026, 3, 31), at=at, window_days=30) == DueState.DUE_SOON
    assert schedule.due_state(date(2026, 4, 1), at=at, window_days=30) == DueState.UP_TO_DATE
    assert schedule.due_state(None, at=at, window_days=30) is None


def test_never_inspected_is_due_a_period_after_commissioning():
    kind = EquipmentKindFactory(months=1)
    equipment = EquipmentFactory(kind=kind, commissioned_on=date(2021, 1, 31))
    assert equipment.next_due_on == date(2021, 2, 28)
    assert equipment.last_inspected_on is None


def test_the_last_inspection_sets_the_due_date():
    kind = EquipmentKindFactory(months=12)
    equipment = EquipmentFactory(kind=kind, commissioned_on=date(2015, 5, 1))
    InspectionFactory(equipment=equipment, date=date(2019, 4, 10))
    InspectionFactory(equipment=equipment, date=date(2020, 3, 2))
    equipment.refresh_from_db()
    assert equipment.last_inspected_on == date(2020, 3, 2)
    assert equipment.next_due_on == date(2021, 3, 2)


def test_a_periodicity_change_applies_from_its_date_only():
    """12 months until 30/06/2020, then 6 months. Inspected 15/03/2020 (12 in force) →
    due 15/03/2021; inspected again 10/09/2020 (6 in force) → due 10/03/2021."""
    kind = EquipmentKindFactory(months=12)
    row = kind.periodicities.get()
    row.valid_to = date(2020, 6, 30)
    row.save()
    equipment = EquipmentFactory(kind=kind, commissioned_on=date(2015, 5, 1))
    InspectionFactory(equipment=equipment, date=date(2020, 3, 15))
    KindPeriodicity.objects.create(kind=kind, months=6, valid_from=date(2020, 7, 1))
    equipment.refresh_from_db()
    assert equipment.next_due_on == date(2021, 3, 15)
    InspectionFactory(equipment=equipment, date=date(2020, 9, 10))
    equipment.refresh_from_db()
    assert equipment.next_due_on == date(2021, 3, 10)


def test_a_new_periodicity_moves_the_due_dates_of_its_kind():
    """Never inspected, commissioned 01/01/2020 under 12 months → 01/01/2021; the advisor
    corrects the series to 24 months from 2000 → 01/01/2022 (the signal recomputes)."""
    kind = EquipmentKindFactory(months=12)
    equipment = EquipmentFactory(kind=kind, commissioned_on=date(2020, 1, 1))
    assert equipment.next_due_on == date(2021, 1, 1)
    row = kind.periodicities.get()
    row.months = 24
    row.save()
    equipment.refresh_from_db()
    assert equipment.next_due_on == date(2022, 1, 1)
