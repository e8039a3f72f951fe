"""Clear days (jours francs) on calendars computed by hand (France, 2026).

Rule: the day of the event does not count, the act may still be done the day after the
last day of the delay, and a Saturday, Sunday or public holiday moves it to the next
working day."""

from datetime import date

import pytest

from imtsocial.delays import add_months, clear_days_deadline, is_working_day


@pytest.mark.parametrize(
    ("start", "delay", "expected"),
    [
        # Mon 2 March + 15 = Tue 17 March; the day after, Wed 18 March, is a working day.
        (date(2026, 3, 2), {"days": 15}, date(2026, 3, 18)),
        # Fri 20 Nov + 15 = Sat 5 Dec; the day after is Sun 6 Dec → Mon 7 Dec.
        (date(2026, 11, 20), {"days": 15}, date(2026, 12, 7)),
        # Thu 10 Dec + 15 = Fri 25 Dec; Sat 26 → Sun 27 → Mon 28 Dec.
        (date(2026, 12, 10), {"days": 15}, date(2026, 12, 28)),
        # Wed 22 Apr + 15 = Thu 7 May; the day after, Fri 8 May (Victoire 1945), is a
        # holiday, then the weekend → Mon 11 May.
        (date(2026, 4, 22), {"days": 15}, date(2026, 5, 11)),
        # Tue 31 Mar + 1 month = Thu 30 Apr; the day after is Fri 1 May → Mon 4 May.
        (date(2026, 3, 31), {"months": 1}, date(2026, 5, 4)),
        # Fri 30 Jan + 1 month = Sat 28 Feb (no 30 February); Sun 1 Mar → Mon 2 Mar.
        (date(2026, 1, 30), {"months": 1}, date(2026, 3, 2)),
    ],
)
def test_clear_days_deadline(start, delay, expected):
    assert clear_days_deadline(start, **delay) == expected


def test_working_days_skip_weekends_and_public_holidays():
    assert is_working_day(date(2026, 12, 2))  # a Wednesday
    assert not is_working_day(date(2026, 12, 5))  # a Saturday
    assert not is_working_day(date(2026, 7, 14))  # Fête nationale, a Tuesday
    assert not is_working_day(date(2026, 5, 25))  # Whit Monday 2026


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
