"""Coaching counts (HR, the director, the yearly report) — never a name, never a note."""

from datetime import date

from django.db.models import Q

from hr.coaching.models import CoachingRelationship, CoachingSession
from hr.models import TalentDeveloper


def talent_developers(at: date) -> dict:
    """Trained by ``at`` (from their records) and active now."""
    trained = TalentDeveloper.objects.filter(trained_on__lte=at)
    return {"trained": trained.count(), "active": trained.filter(active=True).count()}


def relationships(at: date) -> dict:
    open_at = Q(started_on__lte=at) & (Q(ended_on__isnull=True) | Q(ended_on__gte=at))
    return {
        "open": CoachingRelationship.objects.filter(open_at).count(),
        "sessions_in_year": CoachingSession.objects.filter(date__year=at.year).count(),
    }
