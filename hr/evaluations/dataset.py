"""The benchmark's evaluation campaigns (``manage.py bench_dataset``, ``imtsocial.datasets``).

A campaign for each of the last three years (the current year's campaign of the demo is
completed, not duplicated) with one interview per eligible person as
``services.campaign_add_missing`` makes them: civil servants, CDI, and CDD of more than
a year in force at the opening (about 8 000 a campaign for 10 000 employees); the
evaluator is the person's manager, the endorser the manager's manager. Past campaigns
are nearly all notified, signed or endorsed (a few reviews, a few late ones); the
current one is under way: to plan, planned, held, some reports written or notified. The
bench employee has a notified report to sign; the bench manager's team has interviews
at every step. Report fields are filled where the status implies a report. Everything
is written in bulk.
"""

from datetime import date, timedelta

from hr.evaluations import services
from hr.evaluations.enums import NOTIFIED_STATUSES, InterviewStatus, ReviewStatus
from hr.evaluations.models import REPORT_FIELDS, EvaluationCampaign, EvaluationInterview
from imtsocial.datasets import Dataset, bulk

S = InterviewStatus
REPORTS = {
    "results": [
        "Objectifs atteints.",
        "Objectifs atteints pour l'essentiel ; un projet décalé.",
        "Très bonne année : objectifs dépassés.",
        "Objectifs partiellement atteints (charge de travail élevée).",
    ],
    "objectives": [
        "Consolider les procédures du service.",
        "Mener à bien le projet de l'équipe.",
        "Accompagner l'arrivée d'un nouvel agent.",
        "Développer les partenariats du service.",
    ],
    "way_of_working": [
        "Agent fiable et disponible.",
        "Rigueur et sens du service public.",
        "Bonne coopération avec l'équipe.",
        "Autonomie à renforcer.",
    ],
    "training_needs": [
        "Aucun besoin particulier.",
        "Formation aux outils numériques.",
        "Anglais professionnel.",
        "Formation au management.",
    ],
    "career_wishes": [
        "Souhaite rester sur son poste.",
        "Envisage un concours interne.",
        "Souhaite une mobilité à moyen terme.",
        "Souhaite élargir ses missions.",
    ],
}
COMMENTS = ["", "", "", "Rien à signaler.", "Merci pour cet échange."]
# Shares of a past campaign (the rest endorsed); of the current one.
PAST = [(S.TO_PLAN, 0.01), (S.HELD, 0.01), (S.WRITTEN, 0.02), (S.NOTIFIED, 0.05), (S.SIGNED, 0.08)]
CURRENT = [
    (S.TO_PLAN, 0.38),
    (S.PLANNED, 0.32),
    (S.HELD, 0.2),
    (S.WRITTEN, 0.06),
    (S.NOTIFIED, 0.04),
]
ORDER = [S.TO_PLAN, S.PLANNED, S.HELD, S.WRITTEN, S.NOTIFIED, S.SIGNED, S.ENDORSED]


def _draw(rng, shares) -> InterviewStatus:
    draw = rng.random()
    for status, share in shares:
        if draw < share:
            return status
        draw -= share
    return S.ENDORSED


def _days(day: date, low: int, high: int, rng) -> date:
    return day + timedelta(days=rng.randint(low, high))


def _fill(dataset: Dataset, interview, status, *, start: date, end: date, latest: date, hr_user):
    """Set the dates and texts of ``status``: convened between ``start`` and ``end``, no
    date after ``latest`` (reviews only when ``latest`` is past)."""
    rng = dataset.rng
    if interview.evaluator_id is None:  # HR must set a manager first
        status = S.TO_PLAN
    if interview.endorser_id is None and status == S.ENDORSED:
        status = S.ENDORSED if rng.random() < 0.8 else S.SIGNED  # HR endorses these
    interview.status = status
    if status == S.TO_PLAN:
        return
    if status == S.PLANNED:
        interview.convened_on = _days(start, 0, max(0, (latest - start).days), rng)
        earliest = max(interview.convened_on + timedelta(days=8), latest + timedelta(days=1))
        interview.scheduled_for = _days(earliest, 0, 40, rng)
        return
    interview.convened_on = _days(start, 0, max(0, (end - start).days), rng)
    interview.scheduled_for = interview.held_on = min(
        _days(interview.convened_on, 8, 30, rng), latest
    )
    if ORDER.index(status) >= ORDER.index(S.WRITTEN):
        for name in REPORT_FIELDS:
            setattr(interview, name, rng.choice(REPORTS[name]))
    if status not in NOTIFIED_STATUSES:
        return
    interview.notified_on = min(_days(interview.held_on, 2, 15, rng), latest)
    if status in (S.SIGNED, S.ENDORSED):
        interview.signed_on = min(_days(interview.notified_on, 1, 10, rng), latest)
        interview.employee_comments = rng.choice(COMMENTS)
    if status == S.ENDORSED:
        interview.endorsed_on = min(_days(interview.signed_on, 1, 20, rng), latest)
        user_of = dataset.shared["user_of"]
        interview.endorsed_by_id = (
            user_of.get(interview.endorser_id) if interview.endorser_id else hr_user.pk
        )
    if (
        interview.signed_on and latest < dataset.today and rng.random() < 0.02
    ):  # a review, within the delays
        interview.review_status = ReviewStatus.REQUESTED
        interview.review_requested_on = _days(interview.notified_on, 2, 12, rng)
        interview.review_request = (
            "Je demande la révision de l'appréciation de ma manière de servir."
        )
        if rng.random() < 0.8:
            interview.review_status = ReviewStatus.ANSWERED
            interview.review_answered_on = _days(interview.review_requested_on, 3, 12, rng)
            interview.review_answer = "Appréciation précisée après un nouvel échange."
            if rng.random() < 0.3:
                interview.review_status = ReviewStatus.REFERRED
                interview.referred_on = _days(interview.review_answered_on, 5, 25, rng)


def _campaign(dataset: Dataset, year: int, hr_user) -> tuple[EvaluationCampaign, bool]:
    today = dataset.today
    if year == today.year:  # the demo's campaign of the year, opened some weeks ago
        defaults = {"opened_on": today - timedelta(days=42), "deadline": today + timedelta(45)}
    else:
        defaults = {"opened_on": date(year, 1, 15), "deadline": date(year, 6, 30)}
    defaults["opened_by"] = hr_user
    return EvaluationCampaign.objects.get_or_create(year=year, defaults=defaults)


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    manager_of = dataset.shared["manager_of"]
    ours = set(dataset.shared["employee_ids"])
    hr_user = dataset.shared["bench_users"]["hr"]
    bench = dataset.shared["bench_employees"]
    bench_team = {pk for pk, boss in manager_of.items() if boss == bench["manager"].pk}
    campaigns, interviews = 0, []
    for year in range(today.year - 2, today.year + 1):
        campaign, created = _campaign(dataset, year, hr_user)
        campaigns += created
        current = year == today.year
        present = set(campaign.interviews.values_list("employee_id", flat=True))
        start = campaign.opened_on + timedelta(days=3)
        latest = today if current else date(year, 12, 15)
        end = today - timedelta(days=10) if current else date(year, 5, 31)
        team_steps = iter(ORDER * 3)
        for contract in services.eligible_contracts(campaign.opened_on):
            pk = contract.employee_id
            if pk not in ours or pk in present:
                continue
            evaluator = manager_of.get(pk)
            interview = EvaluationInterview(
                campaign=campaign,
                employee_id=pk,
                evaluator_id=evaluator,
                endorser_id=manager_of.get(evaluator) if evaluator else None,
                committee=services.COMMITTEE_OF_KIND[contract.kind],
            )
            if current and pk == bench["employee"].pk:
                status = S.NOTIFIED  # a report to sign
            elif current and pk in bench_team:
                status = next(team_steps)  # the manager's team at every step
            else:
                status = _draw(rng, CURRENT if current else PAST)
            _fill(dataset, interview, status, start=start, end=end, latest=latest, hr_user=hr_user)
            interviews.append(interview)
    interviews = bulk(EvaluationInterview, interviews)
    return {"campagnes": campaigns, "entretiens": len(interviews)}
