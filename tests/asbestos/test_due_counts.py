"""``counters.due_counts`` (the counts of « Mon espace », in SQL) agrees with
``stats.reassessments_due`` (``status_of`` in Python) on files of every kind, at dates
on and around each due date and each edge of the 60 days, under one rule and under a
rule that changes on a date; the rules cost no query once cached."""

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest

from imtsocial.batch import Aggregates
from safety.asbestos import counters, rules, stats
from safety.asbestos.enums import State
from safety.asbestos.models import AsbestosRule, Location
from tests.asbestos.factories import (
    AirMeasurementFactory,
    AssessmentFactory,
    LocationFactory,
    MeasureFactory,
)

pytestmark = pytest.mark.django_db
KEYS = ("overdue", "due_soon", "to_act")


def _sql_counts(at):
    return counters.due_counts(Aggregates(), at)()


def _python_counts(at):
    due = stats.reassessments_due(at)
    return {key: due[key] for key in KEYS}


def _random_files(seed, count=30):
    draw = random.Random(seed)
    days = [date(2019, 1, 1) + timedelta(days=n) for n in range(0, 6 * 366, 17)]
    days += [date(2020, 2, 29), date(2021, 2, 28), date(2020, 12, 31), date(2021, 1, 1)]
    for _ in range(count):
        location = LocationFactory(state=draw.choice([State.PRESENT, State.CONFINED]))
        for _ in range(draw.choice([0, 1, 1, 2, 3])):
            AssessmentFactory(location=location, date=draw.choice(days), score=draw.randint(1, 3))
        for _ in range(draw.choice([0, 0, 1, 2])):
            AirMeasurementFactory(
                location=location,
                date=draw.choice(days),
                fibres_per_litre=draw.choice([Decimal("0"), Decimal("5"), Decimal("5.01"), 9]),
            )
        if draw.random() < 0.25:
            MeasureFactory(location=location, done_on=draw.choice(days))
    LocationFactory(state=State.REMOVED)  # never counted


def _edges():
    """Around every due date: the last day it is not overdue and the first it is, the
    first day it is within 60 days and the day before."""
    edges = {date(2019, 6, 1), date(2030, 1, 1)}
    for _location, status in rules.statuses(Location.objects.all()):
        if status.due_on:
            for shift in (-61, -60, 0, 1):
                edges.add(status.due_on + timedelta(days=shift))
    return sorted(edges)


@pytest.mark.parametrize("seed", [1, 2])
def test_the_sql_counts_are_the_python_ones(seed):
    _random_files(seed)
    for at in _edges():
        assert _sql_counts(at) == _python_counts(at), at


def test_the_same_under_a_rule_changed_on_a_date():
    rule = AsbestosRule.objects.get()
    rule.valid_to = date(2020, 12, 31)
    rule.save()
    AsbestosRule.objects.create(
        valid_from=date(2021, 1, 1), recheck_years=2, air_threshold=Decimal("5.005")
    )
    _random_files(3)
    for at in _edges():
        assert _sql_counts(at) == _python_counts(at), at


def test_a_day_without_rule_is_to_act_not_an_error():
    rule = AsbestosRule.objects.get()
    rule.valid_from = date(2021, 1, 1)
    rule.save()
    AssessmentFactory(date=date(2020, 6, 1), score=1)  # no rule that day
    AssessmentFactory(date=date(2021, 6, 1), score=1)  # due 01/06/2024
    assert _sql_counts(date(2024, 5, 1)) == {"overdue": 0, "due_soon": 1, "to_act": 1}
    AsbestosRule.objects.all().delete()
    assert _sql_counts(date(2024, 5, 1)) == {"overdue": 0, "due_soon": 0, "to_act": 2}


def test_the_periods_follow_at(django_assert_num_queries):
    rule = AsbestosRule.objects.get()
    rule.valid_to = date(2020, 12, 31)
    rule.save()
    later = AsbestosRule.objects.create(
        valid_from=date(2021, 1, 1), valid_to=date(2021, 12, 31), recheck_years=2, air_threshold=5
    )
    rules.RuleCache()  # read once, then kept until a rule row is written
    with django_assert_num_queries(0):
        cache = rules.RuleCache()
    assert [(start, end, row.pk) for start, end, row in cache.periods()] == [
        (rule.valid_from, date(2020, 12, 31), rule.pk),
        (date(2021, 1, 1), date(2021, 12, 31), later.pk),
    ]
    for day in (date(2020, 12, 31), date(2021, 1, 1), date(2021, 12, 31)):
        assert next(row for start, end, row in cache.periods() if start <= day <= end) == (
            cache.at(day)
        )
