"""Asbestos figures (hand-counted) and the demo: the facts of the source at 31/12/2020,
a re-assessment due in the coming weeks; a second run changes nothing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine

from safety.asbestos import demo, stats
from safety.asbestos.enums import Material, MeasureKind
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure
from tests.asbestos.factories import (
    AirMeasurementFactory,
    AssessmentFactory,
    LocationFactory,
    MeasureFactory,
)
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db
END_2020 = date(2020, 12, 31)


def test_locations_by_state_at_a_date():
    confined, removed, present = LocationFactory(), LocationFactory(), LocationFactory()
    LocationFactory(identified_on=date(2021, 1, 5))  # not known yet at the end of 2020
    MeasureFactory(location=confined, done_on=date(2008, 9, 30))
    MeasureFactory(location=removed, kind=MeasureKind.COVERING, done_on=date(2010, 1, 1))
    MeasureFactory(location=removed, kind=MeasureKind.REMOVAL, done_on=date(2019, 8, 1))
    MeasureFactory(location=present, kind=MeasureKind.REMOVAL, done_on=date(2021, 3, 1))
    # at 31/12/2020: confined 1, removed 1 (its last measure), present 1 (removed later)
    assert stats.locations_by_state(END_2020) == {
        "present": 1,
        "confined": 1,
        "removed": 1,
        "total": 3,
    }
    assert stats.locations_by_state(date(2009, 1, 1)) == {
        "present": 2,
        "confined": 1,
        "removed": 0,
        "total": 3,
    }


def test_last_air_measurement_per_location_against_the_threshold():
    first, second = LocationFactory(room="R1"), LocationFactory(room="R2")
    AirMeasurementFactory(location=first, date=date(1998, 6, 3), fibres_per_litre=7)
    AirMeasurementFactory(location=first, date=date(2002, 4, 17), fibres_per_litre=5)
    AirMeasurementFactory(location=second, date=date(2020, 1, 1), fibres_per_litre="5.5")
    AirMeasurementFactory(location=second, date=date(2021, 1, 1), fibres_per_litre=0)
    rows = stats.last_air_measurements(END_2020)
    # first: 2002, 5 f/L (at the threshold: compliant); second: 2020, 5,5 f/L (over)
    assert [(r["date"], r["fibres_per_litre"], r["over"]) for r in rows] == [
        (date(2002, 4, 17), Decimal(5), False),
        (date(2020, 1, 1), Decimal("5.5"), True),
    ]


def test_reassessments_due_overdue_soon_and_to_act():
    at = date(2023, 3, 1)
    overdue, soon, later, waiting = (LocationFactory() for _ in range(4))
    AssessmentFactory(location=overdue, date=date(2020, 2, 28))  # due 28/02/2023
    AssessmentFactory(location=soon, date=date(2020, 4, 30))  # due 30/04/2023: 60 days
    AssessmentFactory(location=later, date=date(2020, 5, 1))  # due 01/05/2023: 61 days
    AssessmentFactory(location=waiting, score=3)  # works
    due = stats.reassessments_due(at, within_days=60)
    assert (due["overdue"], due["due_soon"], due["to_act"]) == (1, 1, 1)
    # rows by date: the overdue one, the works (no date: counted as due today), then soon
    assert [row["location"] for row in due["rows"]] == [overdue, waiting, soon]


@time_machine.travel(date(2026, 12, 1), tick=False)
def test_demo_facts_of_the_source():
    SiteFactory(code="clavieres", name="Clavières")
    demo.build()
    # 5 floor-tile locations found in 1998, 6 façades and the galleries' pipes by the DTA
    tiles = Location.objects.filter(material=Material.FLOOR_TILES, identified_on__year=1998)
    assert tiles.count() == 5
    spandrels = Location.objects.filter(material=Material.SPANDREL)
    assert sorted(spandrels.values_list("building", flat=True)) == list("ABCEFG")
    assert set(spandrels.values_list("identified_by", flat=True)) == {
        "APAVE (dossier technique amiante)"
    }
    assert Location.objects.filter(material=Material.PIPE, building__contains="Galeries").count()
    # 12 locations at 31/12/2020: SMH cleared; B, C, E, F, G and A203 confined; 5 present
    assert stats.locations_by_state(END_2020) == {
        "present": 5,
        "confined": 6,
        "removed": 1,
        "total": 12,
    }
    confinements = Measure.objects.filter(kind=MeasureKind.CONFINEMENT)
    assert sorted(confinements.values_list("location__building", flat=True)) == list("BCEFG")
    assert set(confinements.values_list("validated_by", flat=True)) == {"Qualiconsult"}
    assert Measure.objects.get(kind=MeasureKind.COVERING).location.room == "A203"
    assert Measure.objects.get(kind=MeasureKind.REMOVAL).location.building == "SMH"
    # air: the 1998 values below 5 f/L; the last ones (2002) « non mesurable »
    air = stats.last_air_measurements(END_2020)
    assert len(air) == 5
    assert all(r["date"] == date(2002, 4, 17) and r["below_detection"] for r in air)
    assert not AirMeasurement.objects.filter(date__year=1998, fibres_per_litre__gte=5).exists()
    # the present: the façade of A comes due three weeks from today, nothing overdue
    due = stats.reassessments_due(date(2026, 12, 1), within_days=60)
    assert (due["overdue"], due["due_soon"], due["to_act"]) == (0, 1, 0)
    (row,) = due["rows"]
    assert (row["location"].building, row["location"].room) == ("A", "Façades")
    assert date(2026, 12, 1) < row["status"].due_on <= date(2026, 12, 1) + timedelta(days=24)
    before = (Location.objects.count(), Assessment.objects.count(), Measure.objects.count())
    demo.build()
    after = (Location.objects.count(), Assessment.objects.count(), Measure.objects.count())
    assert after == before
