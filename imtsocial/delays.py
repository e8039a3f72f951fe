"""Legal delays: clear days (jours francs), months, working days — one rule for every app.

The rule imtsocial applies to a delay « de N jours francs » (or « d'un mois ») counted
from an event (a notification, an answer):

- the day of the event does not count (*dies a quo*): the delay starts the next day;
- the day the delay ends does not count either (*dies ad quem*): the act may still be
  done on the day after the last day of the delay;
- when that day is a Saturday, a Sunday or a French public holiday (mainland calendar,
  from the ``holidays`` library), the act may be done on the next working day
  (article 642 of the code of civil procedure, applied by analogy).

So a review asked « within 15 clear days » of a notification received on Monday
2 March 2026 may be asked until Wednesday 18 March 2026 included::

    clear_days_deadline(date(2026, 3, 2), days=15)      # date(2026, 3, 18)
    clear_days_deadline(date(2026, 3, 31), months=1)    # 30 April + 1 = 1 May (holiday)
                                                        # → Monday 4 May 2026

The delays themselves (15, 1 month…) are dated parameters of the app that reads them,
never constants.
"""

import calendar
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.France(years=year))


def is_public_holiday(day: date) -> bool:
    return day in _public_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a French public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day)


def next_working_day(day: date) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the last day of the month when it has no such day
    (31 January + 1 month = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def clear_days_deadline(start: date, *, days: int = 0, months: int = 0) -> date:
    """The last day on which an act may be done, for a clear delay counted from ``start``."""
    end = add_months(start, months) + timedelta(days=days)
    return next_working_day(end + timedelta(days=1))
