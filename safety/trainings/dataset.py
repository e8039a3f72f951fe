"""The benchmark's safety trainings (``manage.py bench_dataset``, ``imtsocial.datasets``).

``scaled(2000)`` students, apprentices and interns hosted by the benchmark's services
over the last six years (students for a school year, interns for a few months,
apprentices for two or three years; most have left), and a monthly induction session
(« formation d'accueil ») led by a prevention agent, which about nine in ten of them
attended in the weeks after their arrival — those arrived in the last weeks still wait
for theirs; one session is planned next week.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from simple_history.utils import bulk_create_with_history

from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset, bulk_with_history
from safety.trainings.enums import KindFamily, LearnerKind
from safety.trainings.models import Attendance, Learner, SafetySession, TrainingKind

PARIS = ZoneInfo("Europe/Paris")
YEARS = 6
LAST_NAMES = ["Arnaud", "Blanc", "Colin", "Fabre", "Garnier", "Girard", "Lambert", "Mercier",
              "Perrin", "Roux", "Morel", "Fournier", "Gauthier", "Faure", "Bonnet", "Dupuis",
              "Lemoine", "Renard", "Picard", "Caron", "Meyer", "Brun"]  # fmt: skip
FIRST_NAMES = ["Lucas", "Chloé", "Hugo", "Léa", "Nathan", "Manon", "Théo", "Camille", "Louis",
               "Inès", "Jules", "Sarah", "Enzo", "Lina", "Tom", "Zoé", "Maxime", "Julie", "Adam",
               "Emma", "Noah", "Jade", "Mila", "Sacha"]  # fmt: skip
KIND_WEIGHTS = ((LearnerKind.STUDENT, 55), (LearnerKind.INTERN, 30), (LearnerKind.APPRENTICE, 15))


def _stay(rng, kind, today: date) -> tuple[date, date | None, str]:
    """Arrival, departure and school year of a learner of ``kind``."""
    if kind == LearnerKind.STUDENT:
        year = rng.randint(today.year - YEARS, today.year - (1 if today.month < 9 else 0))
        arrived = date(year, 9, 1)
        left = date(year + 1, 6, 30)
        return arrived, left, f"{year}-{year + 1}"
    arrived = today - timedelta(days=rng.randint(0, YEARS * 365))
    if kind == LearnerKind.INTERN:
        left = arrived + timedelta(days=rng.randint(30, 180))
    else:
        left = date(arrived.year + rng.choice((2, 3)), 8, 31)
    return arrived, left, ""


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    induction = TrainingKind.objects.filter(family=KindFamily.INDUCTION).first()
    if induction is None:
        return {}
    departments = dataset.shared["department_ids"]
    trainers = dataset.shared.get("safety_agent_user_ids") or [
        dataset.shared["bench_users"][Role.PREVENTION.value].pk
    ]
    kinds, weights = zip(*KIND_WEIGHTS, strict=True)
    learners = []
    for _n in range(dataset.scaled(2000)):
        kind = rng.choices(kinds, weights=weights)[0]
        arrived, left, school_year = _stay(rng, kind, today)
        learner = Learner(
            last_name=rng.choice(LAST_NAMES),
            first_name=rng.choice(FIRST_NAMES),
            kind=kind,
            school_year=school_year,
            arrived_on=arrived,
            department_id=rng.choice(departments),
            left_on=left if left < today or rng.random() < 0.8 else None,
        )
        learner._history_date = datetime.combine(arrived, time(9), tzinfo=PARIS)
        learners.append(learner)
    learners = bulk_create_with_history(learners, Learner, batch_size=BATCH_SIZE)
    # A monthly induction, the third Tuesday, and one next week.
    sessions, month = [], date(today.year - YEARS, today.month, 1)
    while month <= today:
        day = month + timedelta(days=(1 - month.weekday()) % 7 + 14)
        if day < today:
            sessions.append(day)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    sessions.append(today + timedelta(days=7))
    sessions = [
        SafetySession(
            kind=induction,
            date=day,
            place=f"Site {rng.choice(('Alès', 'Nîmes', 'Montpellier'))}, amphithéâtre",
            trainer_agent_id=rng.choice(trainers),
        )
        for day in sessions
    ]
    for session in sessions:
        session._history_date = datetime.combine(
            min(session.date, today) - timedelta(days=20), time(9), tzinfo=PARIS
        )
    sessions = bulk_create_with_history(sessions, SafetySession, batch_size=BATCH_SIZE)
    past = [s for s in sessions if s.date < today]
    attendances = []
    for learner in learners:
        session = next((s for s in past if s.date >= learner.arrived_on), None)
        if session is None or rng.random() > 0.9:
            continue
        if learner.left_on and session.date > learner.left_on:
            continue
        attendance = Attendance(
            session=session, learner=learner, recorded_by_id=session.trainer_agent_id
        )
        attendance._history_date = datetime.combine(session.date, time(17), tzinfo=PARIS)
        attendances.append(attendance)
    attendances = bulk_with_history(Attendance, attendances, dated=("recorded_at",))
    return {
        "élèves, apprentis et stagiaires": len(learners),
        "sessions d'accueil": len(sessions),
        "présences": len(attendances),
    }
