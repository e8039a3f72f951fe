"""The rating function on its whole grid: 4 gravities × 4 probabilities × 3 control levels.

Expected values written by hand: score = gravity × probability × factor (1, 2, 3);
priority 1 from 24, priority 2 from 8, priority 3 below.
"""

import pytest
from django.db import IntegrityError

from safety.models import RatingOutOfRange, rate
from tests.safety.factories import RiskEntryFactory

pytestmark = pytest.mark.django_db

# SCORES[control][gravity - 1][probability - 1]
SCORES = {
    1: [[1, 2, 3, 4], [2, 4, 6, 8], [3, 6, 9, 12], [4, 8, 12, 16]],
    2: [[2, 4, 6, 8], [4, 8, 12, 16], [6, 12, 18, 24], [8, 16, 24, 32]],
    3: [[3, 6, 9, 12], [6, 12, 18, 24], [9, 18, 27, 36], [12, 24, 36, 48]],
}
PRIORITIES = {
    1: [[3, 3, 3, 3], [3, 3, 3, 2], [3, 3, 2, 2], [3, 2, 2, 2]],
    2: [[3, 3, 3, 2], [3, 2, 2, 2], [3, 2, 2, 1], [2, 2, 1, 1]],
    3: [[3, 3, 2, 2], [3, 2, 2, 1], [2, 2, 1, 1], [2, 1, 1, 1]],
}
GRID = [(g, p, c) for c in (1, 2, 3) for g in range(1, 5) for p in range(1, 5)]


@pytest.mark.parametrize(("gravity", "probability", "control"), GRID)
def test_whole_grid(rating_method, gravity, probability, control):
    rating = rate(rating_method, gravity, probability, control)
    assert rating.score == SCORES[control][gravity - 1][probability - 1]
    assert rating.priority == PRIORITIES[control][gravity - 1][probability - 1]
    # the copy stored with an edition gives the same answer
    assert rate(rating_method.as_dict(), gravity, probability, control) == rating


def test_grid_has_48_cells_and_every_band():
    assert len(GRID) == 48
    counts = {
        band: sum(row.count(band) for c in PRIORITIES for row in PRIORITIES[c])
        for band in (1, 2, 3)
    }
    assert counts == {1: 9, 2: 21, 3: 18}  # c1: 0/6/10, c2: 3/8/5, c3: 6/7/3


@pytest.mark.parametrize(
    ("gravity", "probability", "control"),
    [(0, 1, 1), (5, 1, 1), (1, 0, 1), (1, 5, 1), (1, 1, 0), (1, 1, 4), (True, 1, 1), (None, 2, 2)],
)
def test_out_of_range_is_refused(rating_method, gravity, probability, control):
    with pytest.raises(RatingOutOfRange):
        rate(rating_method, gravity, probability, control)


def test_entry_stores_its_rating():
    entry = RiskEntryFactory(gravity=4, probability=3, control_level=2)
    assert (entry.score, entry.priority) == (24, 1)


def test_database_refuses_a_gravity_out_of_range():
    entry = RiskEntryFactory()
    with pytest.raises(IntegrityError):
        type(entry).objects.filter(pk=entry.pk).update(gravity=5)
