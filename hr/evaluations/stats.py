"""Evaluation statistics: read functions of a campaign and a date, SQL aggregation only.

Definitions: an interview is *done* once its report is notified (notified, signed or
endorsed); it is *late* when not done after the campaign's deadline. The completion
rate is done / interviews of the campaign. Pages (HR follow-up, the director's
figures) and the yearly report call these same functions.
"""

from datetime import date

from django.db.models import Count, Q

from hr.evaluations.enums import DONE_STATUSES, InterviewStatus
from hr.evaluations.models import EvaluationInterview


def _counts():
    return {
        "total": Count("pk"),
        "done": Count("pk", filter=Q(status__in=DONE_STATUSES)),
        "endorsed": Count("pk", filter=Q(status=InterviewStatus.ENDORSED)),
    }


def campaign_progress(campaign, *, at: date) -> dict:
    """Counts of the campaign: total, done, late, endorsed, without evaluator, by status."""
    interviews = EvaluationInterview.objects.filter(campaign=campaign)
    late = Q(campaign__deadline__lt=at) & ~Q(status__in=DONE_STATUSES)
    row = interviews.aggregate(
        **_counts(),
        late=Count("pk", filter=late),
        without_evaluator=Count("pk", filter=Q(evaluator__isnull=True)),
        **{
            f"status_{value}": Count("pk", filter=Q(status=value))
            for value in InterviewStatus.values
        },
    )
    row["by_status"] = [
        (label, row.pop(f"status_{value}")) for value, label in InterviewStatus.choices
    ]
    row["rate"] = _rate(row["done"], row["total"])
    return row


def completion_by_department(campaign, *, at: date) -> list[dict]:
    """One row per department: interviews, done, late, completion rate (%)."""
    late = Q(campaign__deadline__lt=at) & ~Q(status__in=DONE_STATUSES)
    rows = (
        EvaluationInterview.objects.filter(campaign=campaign)
        .values("employee__department__name")
        .annotate(**_counts(), late=Count("pk", filter=late))
        .order_by("employee__department__name")
    )
    return [
        {
            "department": row["employee__department__name"],
            "total": row["total"],
            "done": row["done"],
            "late": row["late"],
            "rate": _rate(row["done"], row["total"]),
        }
        for row in rows
    ]


def completion_of_year(year: int) -> dict:
    """For the yearly report: the interviews of the campaign of ``year``, done and rate."""
    row = EvaluationInterview.objects.filter(campaign__year=year).aggregate(**_counts())
    row["rate"] = _rate(row["done"], row["total"])
    return row


def _rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None
