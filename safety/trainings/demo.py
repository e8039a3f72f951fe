"""Demo safety trainings: 2020 at the school, and a living present.

2020: three induction sessions (21 January, 22 September, 13 October) followed by the
staff hired in 2020 before them and by 22 learners — 12 students and 4 apprentices
arrived on 1 September, 6 interns (3 in January, 3 in late September); risk-specific
sessions (chemical and biological in February, laser in October, manual handling in
November, road risk in June); four technical-services staff exposed to road risk, two of
them trained; an 8-question quiz taken 10 times. The present: three learners arrived in
the last weeks without induction and an induction session planned next week.
Idempotent: rows are matched on their natural keys; attempts are made once.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from hr.models import Department, Employee
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from safety.trainings.enums import LearnerKind
from safety.trainings.models import (
    Attendance,
    Learner,
    QuizAnswer,
    QuizAttempt,
    QuizQuestion,
    QuizResponse,
    RoadRiskExposure,
    SafetySession,
    TrainingKind,
)

PARIS = ZoneInfo("Europe/Paris")
INDUCTIONS_2020 = [date(2020, 1, 21), date(2020, 9, 22), date(2020, 10, 13)]
PLACE = "Clavières, amphithéâtre A"

STUDENTS = [
    ("Arnaud", "Lucas"), ("Bernard", "Chloé"), ("Blanc", "Hugo"), ("Chevalier", "Léa"),
    ("Colin", "Nathan"), ("Fabre", "Manon"), ("Garnier", "Théo"), ("Girard", "Camille"),
    ("Lambert", "Louis"), ("Mercier", "Inès"), ("Perrin", "Jules"), ("Roux", "Sarah"),
]  # fmt: skip
APPRENTICES = [("Morel", "Enzo"), ("Fournier", "Lina"), ("Gauthier", "Tom"), ("Faure", "Zoé")]
INTERNS_JANUARY = [("Bonnet", "Maxime"), ("Dupuis", "Julie"), ("Lemoine", "Adam")]
INTERNS_SEPTEMBER = [("Renard", "Emma"), ("Picard", "Noah"), ("Caron", "Jade")]

# kind code, date, place, department codes of the staff, how many, external body
RISK_SESSIONS_2020 = [
    ("chimique", date(2020, 2, 11), "Croupillac, salle R132", ["c2ma"], 8, ""),
    ("biologique", date(2020, 2, 25), "Croupillac, LGEI", ["lgei"], 6, "INRS"),
    ("risque-routier", date(2020, 6, 16), PLACE, ["st"], 0, "Prévention routière"),
    ("laser", date(2020, 10, 20), "Croupillac, plateforme laser", ["c2ma"], 5, "Apave"),
    ("manutention", date(2020, 11, 17), "Clavières, ateliers", ["st", "resto"], 6, ""),
]
ROAD_REASON = "Déplacements fréquents entre les sites de Clavières et de Croupillac"

# text, explanation, [(answer, correct)]
QUIZ = [
    (
        "Que faites-vous en premier si vous découvrez un début d'incendie ?",
        "Donner l'alerte d'abord, puis attaquer le feu seulement si c'est sans risque.",
        [("Donner l'alerte", True), ("Ouvrir les fenêtres", False), ("Finir ma tâche", False)],
    ),
    (
        "Où noter une situation dangereuse que vous avez observée ?",
        "Le registre santé et sécurité au travail est ouvert à chaque agent.",
        [
            ("Dans le registre santé et sécurité au travail", True),
            ("Nulle part, ce n'est pas grave", False),
            ("Sur un post-it dans le couloir", False),
        ],
    ),
    (
        "Quels équipements portez-vous pour transvaser un solvant ?",
        "Sous une sorbonne, avec gants adaptés et lunettes.",
        [
            ("Des gants adaptés au produit", True),
            ("Des lunettes de protection", True),
            ("Rien, si c'est rapide", False),
            ("Des gants en laine", False),
        ],
    ),
    (
        "Un faisceau laser de classe 4 peut-il blesser par réflexion ?",
        "Oui : les réflexions diffuses d'un laser de classe 4 sont dangereuses.",
        [("Oui", True), ("Non", False)],
    ),
    (
        "Quelle posture adopter pour soulever une charge ?",
        "Dos droit, jambes fléchies, charge près du corps.",
        [
            ("Dos droit et jambes fléchies", True),
            ("Charge près du corps", True),
            ("Dos rond, jambes tendues", False),
        ],
    ),
    (
        "Que signifie un pictogramme en losange rouge avec une tête de mort ?",
        "Toxicité aiguë.",
        [("Toxicité aiguë", True), ("Produit inflammable", False), ("Produit corrosif", False)],
    ),
    (
        "En déplacement professionnel en voiture, le téléphone…",
        "Même avec un kit mains libres, téléphoner en conduisant augmente le risque d'accident.",
        [
            ("…ne s'utilise pas en conduisant", True),
            ("…s'utilise avec une oreillette", False),
            ("…s'utilise aux feux rouges", False),
        ],
    ),
    (
        "Qui prévenir en cas d'accident du travail ?",
        "Le responsable, puis les ressources humaines pour la déclaration.",
        [
            ("Mon responsable", True),
            ("Les ressources humaines", True),
            ("Personne", False),
            ("Uniquement mes collègues", False),
            ("Le restaurant", False),
        ],
    ),
]


def build():
    if not Employee.objects.exists():
        return
    kinds = {kind.code: kind for kind in TrainingKind.objects.all()}
    if "accueil" not in kinds:
        return
    trainer = User.objects.filter(email=demo_email(Role.PREVENTION)).first()
    departments = {d.code: d for d in Department.objects.all()}
    _inductions_2020(kinds, trainer, departments)
    _risk_sessions_2020(kinds, trainer, departments)
    _road_risk(departments)
    _quiz()
    _present(kinds, trainer, departments)


def _session(kind, day, place, trainer, body=""):
    session, _created = SafetySession.objects.get_or_create(
        kind=kind,
        date=day,
        defaults={
            "place": place,
            "trainer_agent": None if body or trainer is None else trainer,
            "trainer_body": body or ("" if trainer is not None else "Service prévention"),
        },
    )
    return session


def _attend(session, *, employees=(), learners=()):
    employees_in = set(session.attendances.values_list("employee_id", flat=True))
    learners_in = set(session.attendances.values_list("learner_id", flat=True))
    Attendance.objects.bulk_create(
        [Attendance(session=session, employee=e) for e in employees if e.pk not in employees_in]
        + [Attendance(session=session, learner=lr) for lr in learners if lr.pk not in learners_in]
    )


def _learners(names, kind, arrived, *, department=None, left=None, school_year=""):
    result = []
    for last, first in names:
        learner, _created = Learner.objects.get_or_create(
            last_name=last,
            first_name=first,
            arrived_on=arrived,
            defaults={
                "kind": kind,
                "department": department,
                "left_on": left,
                "school_year": school_year,
            },
        )
        result.append(learner)
    return result


def _inductions_2020(kinds, trainer, departments):
    sessions = [_session(kinds["accueil"], day, PLACE, trainer) for day in INDUCTIONS_2020]
    hires = Employee.objects.filter(hire_date__year=2020).order_by("hire_date", "pk")
    by_session = {session.pk: [] for session in sessions}
    for employee in hires:
        session = next((s for s in sessions if s.date >= employee.hire_date), None)
        if session is not None:
            by_session[session.pk].append(employee)
    labs = [departments.get(code) for code in ("c2ma", "lgei", "lgi2p")]
    september = date(2020, 9, 1)
    students = _learners(STUDENTS, LearnerKind.STUDENT, september, school_year="2020-2021")
    apprentices = [
        _learners([name], LearnerKind.APPRENTICE, september, department=labs[i % 3])[0]
        for i, name in enumerate(APPRENTICES)
    ]
    january = [
        _learners([name], LearnerKind.INTERN, date(2020, 1, 13), department=labs[i % 3],
                  left=date(2020, 6, 30))[0]
        for i, name in enumerate(INTERNS_JANUARY)
    ]  # fmt: skip
    late = [
        _learners([name], LearnerKind.INTERN, date(2020, 9, 28), department=labs[i % 3],
                  left=date(2021, 2, 26))[0]
        for i, name in enumerate(INTERNS_SEPTEMBER)
    ]  # fmt: skip
    first, second, third = sessions
    _attend(first, employees=by_session[first.pk], learners=january)
    _attend(second, employees=by_session[second.pk], learners=students + apprentices)
    _attend(third, employees=by_session[third.pk], learners=late)


def _staff(departments, codes, count):
    return list(
        Employee.objects.active(date(2020, 12, 31))
        .filter(department__code__in=codes)
        .order_by("employee_number")[:count]
    )


def _risk_sessions_2020(kinds, trainer, departments):
    for code, day, place, codes, count, body in RISK_SESSIONS_2020:
        session = _session(kinds[code], day, place, trainer, body)
        if count:
            _attend(session, employees=_staff(departments, codes, count))


def _road_risk(departments):
    exposed = _staff(departments, ["st"], 4)
    for employee in exposed:
        RoadRiskExposure.objects.get_or_create(
            employee=employee, since=date(2019, 1, 1), defaults={"reason": ROAD_REASON}
        )
    road = SafetySession.objects.filter(kind__code="risque-routier", date=date(2020, 6, 16))
    if road.exists():
        _attend(road.get(), employees=exposed[:2])


def _quiz():
    questions = []
    for position, (text, explanation, answers) in enumerate(QUIZ, start=1):
        question, created = QuizQuestion.objects.get_or_create(
            text=text, defaults={"explanation": explanation, "position": position}
        )
        if created:
            QuizAnswer.objects.bulk_create(
                QuizAnswer(question=question, text=answer, correct=correct, position=index)
                for index, (answer, correct) in enumerate(answers)
            )
        questions.append(question)
    if QuizAttempt.objects.filter(taken_at__year=2020).exists():
        return
    takers = list(User.objects.filter(employee__isnull=False, is_active=True).order_by("pk")[:10])
    for index, user in enumerate(takers):
        # taker i answers the first (i % 4) + 5 questions right, the others wrong:
        # scores 5, 6, 7, 8, 5, 6, 7, 8, 5, 6 (mean 6.3 of 8)
        right_count = index % 4 + 5
        attempt = QuizAttempt.objects.create(user=user, score=right_count, total=len(questions))
        taken = datetime.combine(date(2020, 11, 2) + timedelta(days=index), time(10), PARIS)
        QuizAttempt.objects.filter(pk=attempt.pk).update(taken_at=taken)
        for number, question in enumerate(questions):
            right = number < right_count
            answers = list(question.answers.all())
            chosen = [a for a in answers if a.correct == right] or answers[:1]
            response = QuizResponse.objects.create(
                attempt=attempt, question=question, correct=right
            )
            response.chosen.set(chosen if right else chosen[:1])


def _present(kinds, trainer, departments):
    today = timezone.localdate()
    labs = [departments.get(code) for code in ("c2ma", "lgei", "lgi2p")]
    _learners([("Vidal", "Clara")], LearnerKind.INTERN, today - timedelta(days=10),
              department=labs[0], left=today + timedelta(days=150))  # fmt: skip
    _learners([("Masson", "Yanis")], LearnerKind.APPRENTICE, today - timedelta(days=17),
              department=labs[1])  # fmt: skip
    _learners([("Noël", "Alice")], LearnerKind.STUDENT, today - timedelta(days=24))
    _session(kinds["accueil"], today + timedelta(days=7), PLACE, trainer)
