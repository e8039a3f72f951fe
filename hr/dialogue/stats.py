"""Social-dialogue statistics for the yearly report: meetings held in a year by body
(named as it was on the day of the meeting), and the bodies in activity."""

from django.db.models import Count

from hr.dialogue.models import Body, Meeting
from hr.dialogue.names import BodyNames


def meetings_held(year: int) -> list[dict]:
    """One row per body that met in ``year``: its name at the last meeting and the count."""
    rows = (
        Meeting.objects.filter(date__year=year)
        .values("body_id")
        .annotate(meetings=Count("pk"))
        .order_by("body__code")
    )
    last_dates = dict(
        Meeting.objects.filter(date__year=year)
        .order_by("body_id", "date")
        .values_list("body_id", "date")
    )
    names = BodyNames()
    return [
        {"name": names.at(row["body_id"], last_dates[row["body_id"]]), "meetings": row["meetings"]}
        for row in rows
    ]


def bodies_in_activity() -> int:
    return Body.objects.filter(active=True).count()
