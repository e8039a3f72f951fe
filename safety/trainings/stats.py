"""Safety-training statistics of a year, SQL aggregation only, for the yearly report.

Definitions: a training *of year Y* is a session dated in Y; *people trained* are the
distinct people noted present, employees and learners (students, apprentices, interns)
counted separately; *inductions of the year* are the induction sessions of Y and the
people present; the quiz *mean score* is the mean, over the attempts of Y, of the share of
questions answered right (in %, one decimal).
"""

from django.db.models import Avg, Count, F, FloatField
from django.db.models.functions import Cast

from safety.trainings.enums import KindFamily
from safety.trainings.models import Attendance, QuizAttempt, SafetySession


def trainings_by_kind(year: int) -> list[dict]:
    """Per kind: sessions, employees and learners trained (distinct people)."""
    return list(
        SafetySession.objects.filter(date__year=year)
        .values(code=F("kind__code"), label=F("kind__name"))
        .annotate(
            sessions=Count("pk", distinct=True),
            employees=Count("attendances__employee", distinct=True),
            learners=Count("attendances__learner", distinct=True),
        )
        .order_by("label")
    )


def people_trained(year: int) -> dict:
    """Distinct people present at a safety training of the year, all kinds together."""
    return Attendance.objects.filter(session__date__year=year).aggregate(
        employees=Count("employee", distinct=True), learners=Count("learner", distinct=True)
    )


def inductions(year: int) -> dict:
    """Induction sessions of the year, employees and learners present, learners by kind."""
    row = SafetySession.objects.filter(
        date__year=year, kind__family=KindFamily.INDUCTION
    ).aggregate(
        sessions=Count("pk", distinct=True),
        employees=Count("attendances__employee", distinct=True),
        learners=Count("attendances__learner", distinct=True),
    )
    by_kind = (
        Attendance.objects.filter(
            session__date__year=year,
            session__kind__family=KindFamily.INDUCTION,
            learner__isnull=False,
        )
        .values("learner__kind")
        .annotate(people=Count("learner", distinct=True))
    )
    row["learners_by_kind"] = {r["learner__kind"]: r["people"] for r in by_kind}
    return row


def quiz(year: int) -> dict:
    """Attempts of the year and their mean score in % (None without attempt)."""
    row = QuizAttempt.objects.filter(taken_at__year=year).aggregate(
        attempts=Count("pk"),
        mean=Avg(Cast("score", FloatField()) * 100 / Cast("total", FloatField())),
        people=Count("user", distinct=True),
    )
    mean = row.pop("mean")
    row["mean_score"] = round(mean, 1) if mean is not None else None
    return row
