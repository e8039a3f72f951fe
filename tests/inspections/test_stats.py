"""Figures for the yearly report, on hand-built registers."""

from datetime import date

import pytest

from safety.inspections import stats
from tests.factories import DepartmentFactory, SiteFactory
from tests.inspections.factories import EquipmentFactory, EquipmentKindFactory, InspectionFactory
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db


def _unit(site_code):
    return WorkUnitFactory(department=DepartmentFactory(site=SiteFactory(code=site_code)))


def test_inspected_in_a_year_by_kind_and_site():
    hood = EquipmentKindFactory(code="hotte", name="Hotte")
    hoist = EquipmentKindFactory(code="palan", name="Palan", months=6)
    croupillac, clavieres = _unit("croupillac"), _unit("clavieres")
    hoods = [EquipmentFactory(kind=hood, work_unit=croupillac) for _ in range(3)]
    for equipment in hoods:
        InspectionFactory(equipment=equipment, date=date(2020, 3, 2))
    InspectionFactory(equipment=hoods[0], date=date(2020, 11, 20), result="non_compliant")
    InspectionFactory(
        equipment=EquipmentFactory(kind=hood, work_unit=clavieres), date=date(2020, 5, 5)
    )
    InspectionFactory(
        equipment=EquipmentFactory(kind=hood, work_unit=croupillac), date=date(2019, 12, 31)
    )
    palan = EquipmentFactory(kind=hoist, work_unit=clavieres)
    InspectionFactory(equipment=palan, date=date(2020, 1, 10))
    InspectionFactory(equipment=palan, date=date(2020, 7, 10))
    # 2020: hoods 3 at Croupillac (4 inspections, one non-compliant) + 1 at Clavières;
    # the 2019 hood does not count; the hoist twice.
    assert stats.inspected_in(2020) == {
        "hotte": {"name": "Hotte", "equipment": 4, "inspections": 5, "non_compliant": 1},
        "palan": {"name": "Palan", "equipment": 1, "inspections": 2, "non_compliant": 0},
    }
    assert stats.inspected_in(2020, site="croupillac") == {
        "hotte": {"name": "Hotte", "equipment": 3, "inspections": 4, "non_compliant": 1},
    }
    assert stats.inspected_in(2018) == {}


def test_overdue_count_at_a_date():
    kind = EquipmentKindFactory(months=12)
    never = EquipmentFactory(kind=kind, commissioned_on=date(2019, 1, 15))  # due 15/01/2020
    inspected = EquipmentFactory(kind=kind, commissioned_on=date(2019, 1, 15))
    InspectionFactory(equipment=inspected, date=date(2020, 1, 10))  # then due 10/01/2021
    EquipmentFactory(
        kind=kind,
        commissioned_on=date(2018, 1, 1),
        status="withdrawn",
        withdrawn_on=date(2019, 6, 1),
    )  # due 01/01/2019, withdrawn 01/06/2019
    assert stats.overdue_count(date(2019, 3, 1)) == 1  # the withdrawn one, still in service
    assert stats.overdue_count(date(2020, 1, 15)) == 0  # due today is not late
    assert stats.overdue_count(date(2020, 1, 16)) == 1  # never
    InspectionFactory(equipment=never, date=date(2020, 3, 2))
    assert stats.overdue_count(date(2020, 2, 1)) == 1  # the March inspection is after the date
    assert stats.overdue_count(date(2020, 6, 30)) == 0
    assert stats.overdue_count(date(2021, 1, 11)) == 1  # inspected: due 10/01/2021
    assert stats.overdue_count(date(2021, 3, 3)) == 2  # and never: due 02/03/2021
