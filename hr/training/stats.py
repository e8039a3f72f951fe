"""Training statistics: read functions of a year, SQL aggregation only, for the plan
page and the yearly report.

Definitions: a training *of year Y* is a session starting in Y. *Hours done* are the
hours really attended (recorded by HR); *planned hours* are the course length times
the places taken (asked, accepted or followed). *Remote* hours are those of remote
courses. *People trained*: distinct people with attended hours in the year.
"""

from decimal import Decimal

from django.db.models import Count, DecimalField, ExpressionWrapper, F, Q, Sum

from hr.training.enums import HOLDS_A_PLACE, EnrolmentStatus, Mode, Theme
from hr.training.models import Enrolment
from imtsocial.memo import CachedReads

ZERO = Decimal(0)

# What the plan page's aggregates read: served from the cache until one of these tables
# is written (``imtsocial.memo``; the GDPR anonymisation touches ``hr.Employee`` itself).
PLAN_READS = CachedReads(
    "training.plan",
    models=(
        "training.Enrolment",
        "training.TrainingSession",
        "training.Course",
        "hr.Employee",
        "hr.Department",
    ),
)


def _of_year(year: int):
    return Enrolment.objects.filter(session__starts_on__year=year)


def training_hours(year: int) -> dict:
    """Hours done in ``year``: total, remote, people trained, planned, remote share."""
    attended = Q(status=EnrolmentStatus.ATTENDED)
    planned_hours = ExpressionWrapper(
        F("session__course__hours"), output_field=DecimalField(max_digits=9, decimal_places=1)
    )
    row = _of_year(year).aggregate(
        done=Sum("attended_hours", filter=attended),
        remote=Sum("attended_hours", filter=attended & Q(session__course__mode=Mode.REMOTE)),
        people=Count("employee", filter=attended, distinct=True),
        planned=Sum(planned_hours, filter=Q(status__in=HOLDS_A_PLACE)),
        places=Count("pk", filter=Q(status__in=HOLDS_A_PLACE)),
    )
    row = {key: value if value is not None else ZERO for key, value in row.items()}
    row["remote_share"] = round(100 * row["remote"] / row["done"], 1) if row["done"] else None
    return row


def _hours_by(year: int, field: str) -> list[dict]:
    return list(
        _of_year(year)
        .filter(status=EnrolmentStatus.ATTENDED)
        .values(key=F(field))
        .annotate(hours=Sum("attended_hours"), people=Count("employee", distinct=True))
        .order_by("-hours", "key")
    )


def hours_by_theme(year: int) -> list[dict]:
    labels = dict(Theme.choices)
    return [
        {**row, "label": labels.get(row["key"], row["key"])}
        for row in _hours_by(year, "session__course__theme")
    ]


def hours_by_provider(year: int) -> list[dict]:
    return [{**row, "label": row["key"]} for row in _hours_by(year, "session__course__provider")]


def hours_by_department(year: int) -> list[dict]:
    return [{**row, "label": row["key"]} for row in _hours_by(year, "employee__department__name")]


def training_plan(year: int) -> dict:
    """The plan page of ``year``: its totals and hours by theme, service and provider
    (four aggregates over the year's enrolments, computed once per change)."""

    def compute():
        return {
            "totals": training_hours(year),
            "themes": hours_by_theme(year),
            "departments": hours_by_department(year),
            "providers": hours_by_provider(year),
        }

    return PLAN_READS.get_or_compute(("plan", year), compute)


def people_trained(*, course_title: str, until) -> int:
    """People who had followed a course of that title by ``until`` (e.g. the « Développeur
    de talents » course: « 23 staff trained as talent developers »)."""
    return (
        Enrolment.objects.filter(
            status=EnrolmentStatus.ATTENDED,
            session__course__title=course_title,
            session__ends_on__lte=until,
        )
        .values("employee")
        .distinct()
        .count()
    )


def sessions_of_year(year: int) -> int:
    """Training sessions starting in ``year`` (one query)."""
    from hr.training.models import TrainingSession

    return TrainingSession.objects.filter(starts_on__year=year).count()
