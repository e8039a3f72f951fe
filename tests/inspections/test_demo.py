"""The demo register: the 44 fume hoods of Croupillac inspected in 2020, a living present,
and a second run changes nothing."""

import pytest
from django.utils import timezone

from hr import demo as hr_demo
from hr.enums import DepartmentKind
from safety import demo as safety_demo
from safety.inspections import demo, stats
from safety.inspections.models import ControlledEquipment, Inspection
from safety.inspections.parameters import DUE_SOON_DAYS

pytestmark = pytest.mark.django_db


def test_demo_register(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    hr_demo.build()
    safety_demo.build()
    demo.build()
    croupillac_2020 = stats.inspected_in(2020, site="croupillac")
    # 18 + 14 + 4 + 8 hoods, each inspected once in 2020, all compliant
    assert croupillac_2020["sorbonne"]["equipment"] == 44
    assert croupillac_2020["sorbonne"]["inspections"] == 44
    assert croupillac_2020["sorbonne"]["non_compliant"] == 0
    hoods = ControlledEquipment.objects.filter(kind__code="sorbonne")
    assert hoods.count() == 44
    assert set(hoods.values_list("work_unit__department__kind", flat=True)) == {
        DepartmentKind.LABORATORY
    }
    assert set(hoods.values_list("work_unit__site__code", flat=True)) == {"croupillac"}
    # numbers 9, 18, 27, 36 of 44: « compliant with remarks »
    assert Inspection.objects.filter(date__year=2020, result="remarks").count() == 4
    assert {"appareil-pression", "levage", "extincteur", "installation-electrique"} <= set(
        stats.inspected_in(2020)
    )
    today = timezone.localdate()
    window = DUE_SOON_DAYS.at(today)
    overdue = set(
        ControlledEquipment.objects.overdue(today).values_list("inventory_ref", flat=True)
    )
    assert overdue == {"AP-001", "LEV-001"}
    soon = ControlledEquipment.objects.due_soon(today, window)
    assert soon.filter(kind__code="sorbonne", work_unit__code="R279").count() == 14
    assert {"LEV-002", "EXT-101"} <= set(soon.values_list("inventory_ref", flat=True))
    assert stats.overdue_count(today) == 2
    before = (ControlledEquipment.objects.count(), Inspection.objects.count())
    demo.build()
    assert (ControlledEquipment.objects.count(), Inspection.objects.count()) == before
