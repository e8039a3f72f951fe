"""Exposure figures of a year (hand-counted) and the demo: the 2020 campaigns of the
source within every limit, a recent campaign with an exceedance; a second run changes
nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine

from safety.exposure import demo, stats
from safety.exposure.enums import Kind, Verdict
from safety.exposure.models import Measurement, MeasurementCampaign
from tests.exposure.factories import (
    GLYCOL,
    HEXANE,
    STYRENE,
    CampaignFactory,
    MeasurementFactory,
    substance,
)
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db


def test_measurements_of_a_year_by_unit_and_substance():
    unit_a, unit_b = WorkUnitFactory(code="A1"), WorkUnitFactory(code="B1")
    first = CampaignFactory(work_unit=unit_a, date=date(2020, 3, 1))
    second = CampaignFactory(work_unit=unit_a, date=date(2020, 9, 1))
    other = CampaignFactory(work_unit=unit_b, date=date(2020, 5, 1))
    old = CampaignFactory(work_unit=unit_b, date=date(2019, 12, 31))  # not of 2020
    MeasurementFactory(campaign=first)  # styrene compliant
    MeasurementFactory(campaign=second, verdict=Verdict.OVER)  # styrene over
    MeasurementFactory(campaign=second, substance=substance(HEXANE), verdict=Verdict.NO_LIMIT)
    MeasurementFactory(campaign=other, substance=substance(GLYCOL))
    MeasurementFactory(campaign=old, verdict=Verdict.OVER)
    rows = stats.measurements_by_substance_and_unit(2020)
    # A1: styrene 2 (1 compliant, 1 over), hexane 1 (no limit); B1: glycol 1 compliant
    assert sorted(
        (
            r["campaign__work_unit__code"],
            r["substance__cas_number"],
            r["measurements"],
            r["compliant"],
            r["over"],
            r["no_limit"],
        )
        for r in rows
    ) == [
        ("A1", STYRENE, 2, 1, 1, 0),
        ("A1", HEXANE, 1, 0, 0, 1),
        ("B1", GLYCOL, 1, 1, 0, 0),
    ]
    summary = stats.year_summary(2020)
    # 3 campaigns of 2020 in 2 units; 4 measurements, 2 compliant, 1 over, 3 substances
    assert summary == {
        "campaigns": 3,
        "units": 2,
        "measurements": 4,
        "compliant": 2,
        "over": 1,
        "substances": 3,
        "all_compliant": False,
    }


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_demo_2020_within_the_limits_and_a_recent_exceedance():
    WorkUnitFactory(code="R132")
    WorkUnitFactory(code="R279")
    demo.build()
    summary = stats.year_summary(2020)
    # R132: hexane 8 h, ethylene glycol 8 h and 15 min; R279: styrene and α-methylstyrene,
    # 8 h and 15 min each: 3 + 4 = 7 measurements, all compliant, 4 substances
    assert summary == {
        "campaigns": 2,
        "units": 2,
        "measurements": 7,
        "compliant": 7,
        "over": 0,
        "substances": 4,
        "all_compliant": True,
    }
    by_unit = {}
    for row in stats.measurements_by_substance_and_unit(2020):
        by_unit.setdefault(row["campaign__work_unit__code"], set()).add(row["substance__name"])
    assert by_unit == {
        "R132": {"n-Hexane", "Éthylène glycol"},
        "R279": {"Styrène", "α-Méthylstyrène"},
    }
    recent = MeasurementCampaign.objects.get(date=date(2026, 12, 1) - timedelta(days=12))
    over = Measurement.objects.get(campaign=recent, verdict=Verdict.OVER)
    # short-term styrene 236 mg/m³ > 200 mg/m³
    assert (over.kind, over.value, over.limit_value) == (Kind.SHORT_TERM, 236, Decimal(200))
    assert stats.year_summary(2026)["over"] == 1
    before = (MeasurementCampaign.objects.count(), Measurement.objects.count())
    demo.build()
    assert (MeasurementCampaign.objects.count(), Measurement.objects.count()) == before == (3, 9)
    assert substance(STYRENE).name == "Styrène"
