"""The demo: the 2020 facts computed by the statistics, a living present, idempotent."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hr import demo as hr_demo
from imtsocial.demo import ensure_demo_logins
from safety import demo as safety_demo
from safety.trainings import demo, queries, stats
from safety.trainings.models import (
    Attendance,
    Learner,
    QuizAttempt,
    QuizQuestion,
    RoadRiskExposure,
    SafetySession,
)

pytestmark = pytest.mark.django_db


def counts():
    return [
        m.objects.count()
        for m in (Attendance, Learner, QuizAttempt, QuizQuestion, RoadRiskExposure, SafetySession)
    ]


def test_demo_2020_and_the_present(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    ensure_demo_logins()
    hr_demo.build()
    safety_demo.build()
    demo.build()
    inductions = stats.inductions(2020)
    # 3 sessions; learners 12 students + 4 apprentices + 6 interns = 22
    assert (inductions["sessions"], inductions["learners"]) == (3, 22)
    assert inductions["learners_by_kind"] == {"eleve": 12, "apprenti": 4, "stagiaire": 6}
    by_kind = {row["code"]: row for row in stats.trainings_by_kind(2020)}
    assert {"accueil", "chimique", "biologique", "laser", "manutention", "risque-routier"} <= set(
        by_kind
    )
    assert by_kind["chimique"]["employees"] == 8
    # 10 attempts scoring 5, 6, 7, 8, 5, 6, 7, 8, 5, 6 of 8: 63 / 80 = 78.75 %
    quiz = stats.quiz(2020)
    assert quiz["attempts"] == 10
    assert quiz["mean_score"] == pytest.approx(78.75, abs=0.06)
    assert QuizQuestion.objects.count() == 8
    # 4 exposed, 2 trained in June 2020
    today = timezone.localdate()
    assert queries.exposures_in_force(today).count() == 4
    assert queries.exposed_without_road_training(today).count() == 2
    # the present: 3 learners arrived in the last weeks, a session next week
    newcomers = list(queries.newcomers_without_induction(today, kind="stagiaire"))
    assert [r["person_last"] for r in newcomers] == ["Vidal"]
    assert queries.newcomers_count(today) >= 3
    assert SafetySession.objects.filter(
        kind__code="accueil", date=today + timedelta(days=7)
    ).exists()
    before = counts()
    demo.build()
    assert counts() == before
