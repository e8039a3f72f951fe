"""Demo data of the evaluations: the 2020 campaign as it stood at 31/12/2020, and a
campaign of the current year under way, so that today's pages have work in them.

Idempotent: campaigns are matched on their year, interviews on (campaign, person);
states are set once, when the campaign is created.
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from hr.evaluations import services
from hr.evaluations.enums import InterviewStatus
from hr.evaluations.models import REPORT_FIELDS, EvaluationCampaign, EvaluationInterview
from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email

YEAR = 2020
REPORT = {
    "results": "Objectifs de l'année atteints ; continuité du service assurée pendant le "
    "confinement.",
    "objectives": "Consolider les procédures à distance ; accompagner l'arrivée d'un nouvel agent.",
    "way_of_working": "Agent fiable, disponible et attentif aux usagers.",
    "training_needs": "Formation « Travailler à domicile de façon prolongée » (REOR).",
    "career_wishes": "Souhaite préparer un concours interne à moyen terme.",
}
# Share of the 2020 interviews in each state at 31/12/2020 (the rest endorsed).
STATES_2020 = [
    (InterviewStatus.TO_PLAN, 0.03),
    (InterviewStatus.NOTIFIED, 0.04),
    (InterviewStatus.SIGNED, 0.08),
]


def build():
    if not Employee.objects.filter(employee_number__startswith="E").exists():
        return
    rng = random.Random(YEAR)
    _campaign_2020(rng)
    _campaign_of_today(rng)


def _create(year, opened_on, deadline):
    campaign, created = EvaluationCampaign.objects.get_or_create(
        year=year, defaults={"opened_on": opened_on, "deadline": deadline}
    )
    if created:
        services.campaign_add_missing(campaign=campaign, at=opened_on)
    return campaign, created


def _fill(interview, *, status, held_on, notified_on=None, signed_on=None, endorsed_on=None):
    interview.status = status
    interview.convened_on = held_on - timedelta(days=14)
    interview.scheduled_for = held_on
    if status not in (InterviewStatus.TO_PLAN, InterviewStatus.PLANNED):
        interview.held_on = held_on
        for name in REPORT_FIELDS:
            setattr(interview, name, REPORT[name])
    interview.notified_on, interview.signed_on, interview.endorsed_on = (
        notified_on,
        signed_on,
        endorsed_on,
    )
    if status == InterviewStatus.TO_PLAN:
        interview.convened_on = interview.scheduled_for = None


def _campaign_2020(rng):
    campaign, created = _create(YEAR, date(2020, 1, 13), date(2020, 6, 30))
    if not created:
        return
    interviews = list(campaign.interviews.exclude(evaluator=None))
    for interview in interviews:
        draw, status = rng.random(), InterviewStatus.ENDORSED
        for candidate, share in STATES_2020:
            if draw < share:
                status = candidate
                break
            draw -= share
        held = date(2020, 2, 3) + timedelta(days=rng.randrange(0, 110))
        notified = held + timedelta(days=10)
        _fill(
            interview,
            status=status,
            held_on=held,
            notified_on=None if status == InterviewStatus.TO_PLAN else notified,
            signed_on=notified + timedelta(days=5)
            if status in (InterviewStatus.SIGNED, InterviewStatus.ENDORSED)
            else None,
            endorsed_on=notified + timedelta(days=20)
            if status == InterviewStatus.ENDORSED
            else None,
        )
    EvaluationInterview.objects.bulk_update(interviews, _FIELDS, batch_size=500)


_FIELDS = [
    "status",
    "convened_on",
    "scheduled_for",
    "held_on",
    "notified_on",
    "signed_on",
    "endorsed_on",
    *REPORT_FIELDS,
]


def _campaign_of_today(rng):
    """The current year's campaign, six weeks in: the demo employee has a report to sign,
    the demo manager interviews at every step, the director reports to endorse."""
    today = timezone.localdate()
    if today.year == YEAR:
        return
    campaign, created = _create(today.year, today - timedelta(days=42), today + timedelta(days=45))
    if not created:
        return
    interviews = list(campaign.interviews.exclude(evaluator=None).select_related("employee"))
    employee_email = demo_email(Role.EMPLOYEE)
    steps = [
        InterviewStatus.TO_PLAN,
        InterviewStatus.PLANNED,
        InterviewStatus.HELD,
        InterviewStatus.WRITTEN,
        InterviewStatus.SIGNED,
        InterviewStatus.ENDORSED,
    ]
    users = dict(Employee.objects.filter(user__isnull=False).values_list("pk", "user__email"))
    for index, interview in enumerate(interviews):
        if users.get(interview.employee_id) == employee_email:
            status = InterviewStatus.NOTIFIED
        else:
            status = steps[index % len(steps)] if rng.random() < 0.9 else InterviewStatus.TO_PLAN
        held = today - timedelta(days=rng.randrange(3, 30))
        if status == InterviewStatus.PLANNED:
            held = today + timedelta(days=rng.randrange(9, 30))
        notified = today - timedelta(days=2)
        _fill(
            interview,
            status=status,
            held_on=held,
            notified_on=notified
            if status
            in (InterviewStatus.NOTIFIED, InterviewStatus.SIGNED, InterviewStatus.ENDORSED)
            else None,
            signed_on=today - timedelta(days=1)
            if status in (InterviewStatus.SIGNED, InterviewStatus.ENDORSED)
            else None,
            endorsed_on=today if status == InterviewStatus.ENDORSED else None,
        )
        if status == InterviewStatus.NOTIFIED:
            interview.held_on = today - timedelta(days=9)
            interview.scheduled_for = interview.held_on
            interview.convened_on = interview.held_on - timedelta(days=14)
    EvaluationInterview.objects.bulk_update(interviews, _FIELDS, batch_size=500)
