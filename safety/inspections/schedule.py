"""The due-date arithmetic of periodic inspections, as pure functions.

The next inspection is due on the last inspection date plus the periodicity (in
months) of the equipment's kind *in force at that date*; equipment never inspected
is due on its commissioning date plus the periodicity in force then. Adding months
keeps the day of the month, or takes the last day of a shorter month: 31 January
+ 1 month = 28 February (29 in a leap year), 31 August + 6 months = 28/29 February.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from safety.inspections.enums import DueState


def add_months(day: date, months: int) -> date:
    return day + relativedelta(months=months)


def next_due(base: date | None, months: int | None) -> date | None:
    if base is None or months is None:
        return None
    return add_months(base, months)


def due_state(next_due_on: date | None, *, at: date, window_days: int) -> str | None:
    """Overdue when the due date is past; due soon when it falls within ``window_days``
    from ``at`` (``at`` itself included); up to date otherwise; None without due date."""
    if next_due_on is None:
        return None
    if next_due_on < at:
        return DueState.OVERDUE
    if next_due_on <= at + timedelta(days=window_days):
        return DueState.DUE_SOON
    return DueState.UP_TO_DATE
