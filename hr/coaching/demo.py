"""Demo data of coaching: the demo talent developer accompanies two colleagues outside
their line, with a few sessions, so that their pages are not empty. The demo employee has
no coach yet: they can choose one.

Idempotent: relationships are matched on (coachee, coach)."""

from datetime import timedelta

from django.utils import timezone

from hr.coaching.models import CoachingRelationship, CoachingSession
from hr.coaching.services import conflict_message
from hr.models import Employee, TalentDeveloper
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email


def build():
    coach = TalentDeveloper.objects.filter(
        employee__user__email=demo_email(Role.TALENT_DEVELOPER)
    ).first()
    if coach is None:
        return
    today = timezone.localdate()
    candidates = Employee.objects.filter(employee_number__startswith="E").order_by(
        "employee_number"
    )[200:230]
    chosen = [p for p in candidates if conflict_message(p, coach.employee) is None][:2]
    for index, coachee in enumerate(chosen):
        relationship, created = CoachingRelationship.objects.get_or_create(
            coachee=coachee,
            coach=coach,
            defaults={"started_on": today - timedelta(days=120 + 30 * index)},
        )
        if created:
            for weeks in (12, 6, 1):
                CoachingSession.objects.create(
                    relationship=relationship,
                    date=today - timedelta(weeks=weeks),
                    notes="Échange sur le projet professionnel et les prochaines étapes.",
                )
