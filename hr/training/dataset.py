"""The benchmark's training (``manage.py bench_dataset``, ``imtsocial.datasets``).

For 10 000 employees: about 150 courses (the demo's catalogue completed), 600 sessions
over the last three years and the coming four months, and about 15 000 enrolments. Past
sessions have their attendance recorded (attended with the hours, some absent), except
a few of the last weeks left for HR to record; coming sessions have places approved by
the manager (or given by HR) and requests still waiting for the manager; some requests
were refused (with a reason) or cancelled. The bench employee has trainings of their
own, the bench manager's team requests to decide. Everything is written in bulk.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from hr.training.enums import EnrolmentStatus, Mode, Theme
from hr.training.models import Course, Enrolment, TrainingSession
from imtsocial.datasets import Dataset, bulk

E = EnrolmentStatus
# theme → (course titles, providers, usual lengths in hours)
CATALOGUE = {
    Theme.MANAGEMENT: (
        [
            "Prendre son poste de manager",
            "Conduire un entretien professionnel",
            "Animer une réunion d'équipe",
            "Gérer les situations conflictuelles",
            "Manager à distance",
            "Conduire le changement",
        ],
        ["IGPDE", "CNFPT", "Cegos"],
        (7, 14, 21),
    ),
    Theme.REMOTE_WORK: (
        [
            "Travailler en mode hybride",
            "Organiser son télétravail",
            "Animer une classe virtuelle",
        ],
        ["REOR", "CNFPT"],
        (3, 7),
    ),
    Theme.SAFETY: (
        [
            "Sauveteur secouriste du travail (SST), recyclage",
            "Habilitation électrique B0-H0",
            "Manipulation des extincteurs",
            "Gestes et postures",
            "Risque chimique au laboratoire",
            "Prévention des risques psychosociaux",
        ],
        ["INRS – organisme habilité", "APAVE", "Bureau Veritas"],
        (4, 7, 14),
    ),
    Theme.DIGITAL: (
        [
            "Tableur : fonctions avancées",
            "Bureautique collaborative",
            "Protection des données personnelles (RGPD)",
            "Cybersécurité : les bons réflexes",
            "Python pour l'analyse de données",
            "Gestion électronique des documents",
        ],
        ["ENI Service", "Orsys", "IMT Mines Alès"],
        (7, 14, 21),
    ),
    Theme.PROFESSIONAL: (
        [
            "Marchés publics : les fondamentaux",
            "Comptabilité publique (GBCP)",
            "Microscopie électronique à balayage",
            "Métrologie au laboratoire",
            "Accueil des usagers",
            "Gestion des contrats de recherche",
        ],
        ["IGPDE", "CNRS Formation", "AMUE"],
        (7, 14, 21, 35),
    ),
    Theme.LANGUAGES: (
        ["Anglais professionnel", "Anglais scientifique", "Espagnol professionnel", "FLE"],
        ["Alliance française", "British Council", "Wall Street English"],
        (20, 30, 40),
    ),
    Theme.TALENTS: (
        ["Accompagner les parcours", "Conduire un entretien de carrière"],
        ["IMT Mines Alès", "CNFPT"],
        (7, 14),
    ),
    Theme.CAREER: (
        [
            "Préparer un concours interne",
            "Rédiger son dossier RAEP",
            "Préparer l'oral d'un examen professionnel",
        ],
        ["IGPDE", "CNFPT"],
        (14, 21, 35),
    ),
}
LEVELS = ["", " — initiation", " — perfectionnement", " — niveau 2", " — session intensive"]
ROOMS = ["Clavières, salle A03", "Croupillac, salle B12", "Hoche, amphithéâtre", "Campus, salle C7"]
REFUSALS = [
    "Nécessité de service pendant la période.",
    "Formation sans lien avec le poste actuel.",
    "Plan de formation du service déjà complet.",
]


def _courses(dataset: Dataset) -> tuple[list[Course], int]:
    rng = dataset.rng
    existing = list(Course.objects.filter(active=True))
    wanted = dataset.scaled(150) - len(existing)
    titles = {course.title for course in existing}
    candidates = [
        (theme, title + level, providers, lengths)
        for level in LEVELS
        for theme, (names, providers, lengths) in CATALOGUE.items()
        for title in names
    ]
    new = []
    for theme, title, providers, lengths in candidates:
        if len(new) >= wanted:
            break
        if title in titles:
            continue
        titles.add(title)
        remote = theme in (Theme.REMOTE_WORK, Theme.LANGUAGES) or rng.random() < 0.3
        new.append(
            Course(
                title=title,
                provider=rng.choice(providers),
                theme=theme,
                mode=Mode.REMOTE if remote else Mode.ON_SITE,
                hours=Decimal(rng.choice(lengths)),
                description=f"Formation « {title} » du plan de formation de l'établissement.",
            )
        )
    new = bulk(Course, new)
    return existing + new, len(new)


def _sessions(dataset: Dataset, courses: list[Course]) -> list[TrainingSession]:
    """Three years back to four months ahead; one day of session per 7 hours."""
    rng, today = dataset.rng, dataset.today
    first = today - timedelta(days=3 * 365)
    sessions = []
    for _index in range(dataset.scaled(600)):
        course = rng.choice(courses)
        starts = first + timedelta(days=rng.randrange(3 * 365 + 120))
        while starts.weekday() >= 5:
            starts += timedelta(days=1)
        days = max(1, round(course.hours / 7)) if course.mode == Mode.ON_SITE else 1
        remote = course.mode == Mode.REMOTE
        sessions.append(
            TrainingSession(
                course=course,
                starts_on=starts,
                ends_on=starts + timedelta(days=min(days, 5) - 1),
                capacity=rng.randint(24, 44) if remote else rng.randint(14, 32),
                location="Classe virtuelle" if remote else rng.choice(ROOMS),
            )
        )
    return bulk(TrainingSession, sessions)


def _status(dataset: Dataset, session: TrainingSession) -> E:
    """The state of a place at ``session`` today."""
    rng, today = dataset.rng, dataset.today
    if session.starts_on > today:
        return E.REQUESTED if rng.random() < 0.3 else E.APPROVED
    if session.starts_on > today - timedelta(days=21) and rng.random() < 0.5:
        return E.APPROVED  # attendance still to record
    return E.ABSENT if rng.random() < 0.07 else E.ATTENDED


def build(dataset: Dataset) -> dict[str, int]:
    rng, today = dataset.rng, dataset.today
    manager_of = dataset.shared["manager_of"]
    user_of = dataset.shared["user_of"]
    people = dataset.shared["employee_ids"]
    bench = dataset.shared["bench_employees"]
    hr_user = dataset.shared["bench_users"]["hr"]
    courses, new_courses = _courses(dataset)
    sessions = _sessions(dataset, courses)
    coming = [s for s in sessions if s.starts_on > today]
    # The bench logins' places first: the employee's own trainings, the manager's team's
    # requests waiting for the manager.
    reserved: dict[int, list[tuple[int, E]]] = {}
    team = [
        pk
        for pk, boss in manager_of.items()
        if boss == bench["manager"].pk and pk != bench["employee"].pk
    ]
    own = (E.APPROVED, E.REQUESTED)
    for session, status in zip(rng.sample(coming, min(2, len(coming))), own, strict=False):
        reserved.setdefault(session.pk, []).append((bench["employee"].pk, status))
    for pk in team[:6] if coming else []:  # a tiny dataset may have no coming session
        reserved.setdefault(rng.choice(coming).pk, []).append((pk, E.REQUESTED))
    enrolments = []
    for session in sessions:
        course = session.course
        places = reserved.get(session.pk, [])
        taken = {pk for pk, _status in places}
        count = max(0, rng.randint(session.capacity * 6 // 10, session.capacity) - len(places))
        drawn = rng.sample(people, min(len(people), count + count // 5 + 5))
        others = [pk for pk in drawn if pk not in taken]
        places = places + [(pk, _status(dataset, session)) for pk in others[:count]]
        places += [
            (pk, E.REFUSED if rng.random() < 0.5 else E.CANCELLED)
            for pk in others[count : count + count // 6]
        ]
        for pk, status in places:
            manager = manager_of.get(pk)
            by_hr = status != E.REQUESTED and rng.random() < 0.15
            decided = status != E.REQUESTED and (status != E.CANCELLED or rng.random() < 0.5)
            if status == E.REFUSED:
                by_hr = False
            decider = hr_user.pk if by_hr or manager is None else user_of.get(manager)
            hours = None
            if status == E.ATTENDED:
                hours = (
                    course.hours
                    if rng.random() < 0.9
                    else (course.hours / 2).quantize(Decimal("0.1"))
                )
            requested = session.starts_on - timedelta(days=rng.randint(10, 75))
            enrolments.append(
                Enrolment(
                    session=session,
                    employee_id=pk,
                    status=status,
                    requested_by_id=hr_user.pk if by_hr else user_of.get(pk),
                    decided_by_id=decider if decided else None,
                    refusal_reason=rng.choice(REFUSALS) if status == E.REFUSED else "",
                    uses_cpf=course.theme in (Theme.LANGUAGES, Theme.CAREER) and rng.random() < 0.2,
                    attended_hours=hours,
                    requested_at=timezone.make_aware(
                        datetime.combine(min(requested, today), time(9 + rng.randrange(8)))
                    ),
                )
            )
    requested_at = [e.requested_at for e in enrolments]
    enrolments = bulk(Enrolment, enrolments)
    for enrolment, at in zip(enrolments, requested_at, strict=True):  # auto_now_add
        enrolment.requested_at = at
    Enrolment.objects.bulk_update(enrolments, ["requested_at"], batch_size=2000)
    return {
        "formations": new_courses,
        "sessions": len(sessions),
        "inscriptions": len(enrolments),
        "dont demandes à décider": sum(e.status == E.REQUESTED for e in enrolments),
    }
