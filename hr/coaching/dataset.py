"""The benchmark's talent developers and their coaching (``manage.py bench_dataset``,
``imtsocial.datasets``).

For 10 000 employees: about 40 talent developers (the bench talent developer, made by
the hr builder, and others trained over the last years at the « Développeur de talents »
course, their attendance recorded; a few no longer active) and about 300 coaching
relationships over the last three years — most open, the others ended at the request of
the person or the coach — with a session every few weeks. The hierarchy rule is kept:
nobody is coached by their manager or their manager's manager, nor coaches their own
manager. The bench talent developer accompanies several people. Written in bulk.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from hr.coaching.models import CoachingRelationship, CoachingSession, EndReason
from hr.models import TalentDeveloper
from hr.training.demo import TALENT_COURSE
from hr.training.enums import EnrolmentStatus
from hr.training.models import Course, Enrolment, TrainingSession
from imtsocial.datasets import Dataset, bulk

NOTES = [
    "Échange sur le projet professionnel et les prochaines étapes.",
    "Point sur la prise de poste ; pistes de formation.",
    "Préparation d'un entretien de mobilité.",
    "Bilan des actions engagées depuis la dernière séance.",
    "",
]


def _conflict(manager_of: dict, coachee: int, coach: int) -> bool:
    """The app's rule (``services.conflict_message``), on the hierarchy in memory."""

    def above(pk):
        first = manager_of.get(pk)
        return {first, manager_of.get(first)} - {None} if first else set()

    return coach == coachee or coach in above(coachee) or coachee in above(coach)


def _developers(dataset: Dataset) -> tuple[list[TalentDeveloper], int]:
    rng, today = dataset.rng, dataset.today
    manager_of = dataset.shared["manager_of"]
    bench = dataset.shared["bench_employees"]
    taken = set(TalentDeveloper.objects.values_list("employee_id", flat=True))
    leaders = set(manager_of.values())
    candidates = [
        pk
        for pk in dataset.shared["employee_ids"]
        if pk not in taken and pk not in leaders and pk not in {b.pk for b in bench.values()}
    ]
    wanted = max(0, dataset.scaled(40) - 1)
    # Trained in groups at the course's sessions, one or two a year.
    dates = [
        date(year, month, 15) for year in range(today.year - 6, today.year + 1) for month in (3, 10)
    ]
    dates = [day for day in dates if day < today]
    new = [
        TalentDeveloper(
            employee_id=pk,
            trained_on=rng.choice(dates),
            active=rng.random() > 0.1,
        )
        for pk in rng.sample(candidates, min(wanted, len(candidates)))
    ]
    new = bulk(TalentDeveloper, new)
    ours = TalentDeveloper.objects.filter(employee_id__in=dataset.shared["employee_ids"])
    return list(ours), len(new)


def _training(developers: list[TalentDeveloper]) -> int:
    """The course's sessions of their training days, their attendance recorded."""
    course = Course.objects.filter(title=TALENT_COURSE).first()
    if course is None:
        return 0
    done = set(
        Enrolment.objects.filter(session__course=course).values_list("employee_id", flat=True)
    )
    by_date: dict[date, list[TalentDeveloper]] = {}
    for developer in developers:
        if developer.employee_id not in done:
            by_date.setdefault(developer.trained_on, []).append(developer)
    sessions = bulk(
        TrainingSession,
        (
            TrainingSession(
                course=course,
                starts_on=day,
                ends_on=day + timedelta(days=2),
                capacity=len(group),
                location="Clavières",
            )
            for day, group in sorted(by_date.items())
        ),
    )
    enrolments = [
        Enrolment(
            session=session,
            employee_id=developer.employee_id,
            status=EnrolmentStatus.ATTENDED,
            attended_hours=course.hours,
        )
        for session, (_day, group) in zip(sessions, sorted(by_date.items()), strict=True)
        for developer in group
    ]
    enrolments = bulk(Enrolment, enrolments)
    for enrolment in enrolments:  # asked a month before (``requested_at``: auto_now_add)
        enrolment.requested_at = timezone.make_aware(
            datetime.combine(enrolment.session.starts_on - timedelta(days=30), time(9))
        )
    Enrolment.objects.bulk_update(enrolments, ["requested_at"], batch_size=2000)
    return len(enrolments)


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    manager_of = dataset.shared["manager_of"]
    bench = dataset.shared["bench_employees"]
    developers, new_developers = _developers(dataset)
    trained = _training(developers)
    coaches = {d.employee_id: d for d in developers}
    bench_coach = coaches.get(bench["talent_developer"].pk)
    busy = set(
        CoachingRelationship.objects.filter(ended_on__isnull=True).values_list(
            "coachee_id", flat=True
        )
    )
    excluded = set(coaches) | {bench["employee"].pk}  # the bench employee may choose one
    people = [pk for pk in dataset.shared["employee_ids"] if pk not in excluded and pk not in busy]
    first = today - timedelta(days=3 * 365)
    relationships = []
    wanted = dataset.scaled(300)
    for index, coachee in enumerate(rng.sample(people, min(wanted, len(people)))):
        bench_turn = index < 6 and bench_coach is not None
        coach = bench_coach if bench_turn else rng.choice(developers)
        if _conflict(manager_of, coachee, coach.employee_id):
            continue
        started = max(first + timedelta(days=rng.randrange(3 * 365 - 14)), coach.trained_on)
        # The bench talent developer: four open, two ended.
        ended = index >= 4 if bench_turn else (not coach.active or rng.random() < 0.35)
        ended_on, reason = None, ""
        if ended:
            ended_on = min(started + timedelta(days=rng.randint(60, 400)), today)
            reason = EndReason.COACH if rng.random() < 0.3 else EndReason.COACHEE
        relationships.append(
            CoachingRelationship(
                coachee_id=coachee,
                coach=coach,
                started_on=started,
                ended_on=ended_on,
                end_reason=reason,
            )
        )
    relationships = bulk(CoachingRelationship, relationships)
    sessions = []
    for relationship in relationships:
        day = relationship.started_on + timedelta(days=rng.randint(0, 14))
        last = relationship.ended_on or today
        while day <= last:
            sessions.append(
                CoachingSession(relationship=relationship, date=day, notes=rng.choice(NOTES))
            )
            day += timedelta(weeks=rng.randint(3, 8))
    sessions = bulk(CoachingSession, sessions)
    return {
        "développeurs de talents": new_developers,
        "inscriptions à leur formation": trained,
        "accompagnements": len(relationships),
        "dont en cours": sum(r.ended_on is None for r in relationships),
        "séances": len(sessions),
    }
