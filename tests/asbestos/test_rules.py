"""The consequences of the last assessment (RULES §5, rows of the data migration: 3 years,
5 f/L), on hand-computed dates."""

from datetime import date
from decimal import Decimal

import pytest

from safety.asbestos import rules
from safety.asbestos.enums import Action, State
from safety.asbestos.models import AsbestosRule, Location
from tests.asbestos.factories import (
    AirMeasurementFactory,
    AssessmentFactory,
    LocationFactory,
    MeasureFactory,
)

pytestmark = pytest.mark.django_db


def status(location):
    return rules.status_of(rules.with_file(Location.objects.filter(pk=location.pk)).get())


def test_the_rule_is_a_dated_row():
    row = AsbestosRule.objects.get_in_force(date(2020, 12, 31))
    assert (row.recheck_years, row.air_threshold) == (3, Decimal(5))


def test_no_assessment_yet_asks_for_one():
    result = status(LocationFactory())
    assert (result.action, result.due_on) == (Action.ASSESS, None)
    assert result.is_due(date(2020, 1, 1))


def test_score_1_recheck_within_3_years_of_the_last_assessment():
    location = LocationFactory()
    AssessmentFactory(location=location, date=date(2017, 2, 1), score=2)
    AssessmentFactory(location=location, date=date(2020, 3, 10), score=1)
    result = status(location)
    # 10/03/2020 + 3 years = 10/03/2023
    assert (result.action, result.due_on) == (Action.RECHECK, date(2023, 3, 10))
    assert not result.is_due(date(2023, 3, 9))
    assert result.is_due(date(2023, 3, 10))


def test_score_1_on_29_february_falls_on_28_february():
    location = LocationFactory()
    AssessmentFactory(location=location, date=date(2020, 2, 29), score=1)
    assert status(location).due_on == date(2023, 2, 28)


def test_score_2_asks_for_an_air_measurement_then_follows_it():
    location = LocationFactory()
    AssessmentFactory(location=location, date=date(2020, 3, 10), score=2)
    AirMeasurementFactory(location=location, date=date(2019, 1, 1))  # before: does not count
    assert status(location).action == Action.AIR
    AirMeasurementFactory(location=location, date=date(2020, 4, 1), fibres_per_litre=5)
    result = status(location)
    # at the threshold (5 f/L): compliant, re-assess within 3 years of the measurement
    assert (result.action, result.due_on, result.air_over) == (
        Action.RECHECK,
        date(2023, 4, 1),
        False,
    )
    AirMeasurementFactory(location=location, date=date(2020, 5, 1), fibres_per_litre="5.01")
    result = status(location)
    assert (result.action, result.air_over) == (Action.WORKS, True)


def test_score_3_asks_for_works_then_works_ask_for_an_assessment():
    location = LocationFactory()
    AssessmentFactory(location=location, date=date(2020, 3, 10), score=3)
    assert status(location).action == Action.WORKS
    MeasureFactory(location=location, done_on=date(2020, 9, 1))
    assert status(location).action == Action.ASSESS
    AssessmentFactory(location=location, date=date(2020, 10, 1), score=1)
    assert status(location).due_on == date(2023, 10, 1)


def test_a_removed_material_asks_for_nothing():
    location = LocationFactory(state=State.REMOVED)
    AssessmentFactory(location=location, score=3)
    result = status(location)
    assert result.action == Action.NONE and not result.is_due(date(2030, 1, 1))


def test_a_new_delay_from_a_date_applies_to_later_assessments():
    rule = AsbestosRule.objects.get()
    rule.valid_to = date(2020, 12, 31)
    rule.save()
    AsbestosRule.objects.create(
        valid_from=date(2021, 1, 1), recheck_years=2, air_threshold=Decimal(5)
    )
    old, new = LocationFactory(), LocationFactory()
    AssessmentFactory(location=old, date=date(2020, 6, 1), score=1)
    AssessmentFactory(location=new, date=date(2021, 6, 1), score=1)
    assert status(old).due_on == date(2023, 6, 1)  # 3 years, the rule of 2020
    assert status(new).due_on == date(2023, 6, 1)  # 2 years, the rule from 2021
