"""Demo data of training: 2020 as the DD&RS chapter tells it — the REOR remote courses
(about 100 hours in all) and the « Développeur de talents » course followed by the 23
talent developers — and sessions around today (a request to decide, attendance to record).

Idempotent: courses are matched on their title, sessions on (course, start date),
enrolments on (session, person).
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from hr.models import Employee, TalentDeveloper
from hr.training.enums import EnrolmentStatus, Mode, Theme
from hr.training.models import Course, Enrolment, TrainingSession
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email

TALENT_COURSE = "Développeur de talents"
# title, theme, hours, 2020 start, people: 3 h × 12 + 3 h × 12 + 7 h × 4 = 100 h
REOR_2020 = [
    (
        "Maintenir la cohésion d'équipe en période de confinement",
        Theme.REMOTE_WORK,
        3,
        date(2020, 4, 7),
        12,
    ),
    ("Travailler à domicile de façon prolongée", Theme.REMOTE_WORK, 3, date(2020, 4, 21), 12),
    ("Manager à distance", Theme.MANAGEMENT, 7, date(2020, 5, 12), 4),
]


def build():
    staff = list(
        Employee.objects.filter(employee_number__startswith="E").order_by("employee_number")
    )
    if not staff:
        return
    _reor_2020(staff)
    _talent_developers()
    _around_today(staff)


def _course(title, provider, theme, mode, hours):
    course, _created = Course.objects.get_or_create(
        title=title,
        defaults={"provider": provider, "theme": theme, "mode": mode, "hours": Decimal(hours)},
    )
    return course


def _session(course, start, capacity, location=""):
    session, _created = TrainingSession.objects.get_or_create(
        course=course,
        starts_on=start,
        defaults={"ends_on": start, "capacity": capacity, "location": location},
    )
    return session


def _enrol(session, people, status, hours=None):
    existing = set(session.enrolments.values_list("employee_id", flat=True))
    Enrolment.objects.bulk_create(
        Enrolment(session=session, employee=person, status=status, attended_hours=hours)
        for person in people
        if person.pk not in existing
    )


def _reor_2020(staff):
    offset = 0
    for title, theme, hours, start, people in REOR_2020:
        course = _course(title, "REOR", theme, Mode.REMOTE, hours)
        session = _session(course, start, people, "Classe virtuelle")
        _enrol(session, staff[offset : offset + people], EnrolmentStatus.ATTENDED, Decimal(hours))
        offset += people


def _talent_developers():
    course = _course(TALENT_COURSE, "IMT Mines Alès", Theme.TALENTS, Mode.ON_SITE, 21)
    by_date: dict = {}
    for developer in TalentDeveloper.objects.select_related("employee"):
        by_date.setdefault(developer.trained_on, []).append(developer.employee)
    for trained_on, people in sorted(by_date.items()):
        session = _session(course, trained_on, len(people), "Clavières")
        _enrol(session, people, EnrolmentStatus.ATTENDED, course.hours)


def _around_today(staff):
    today = timezone.localdate()
    first_aid = _course(
        "Sauveteur secouriste du travail (SST)",
        "INRS – organisme habilité",
        Theme.SAFETY,
        Mode.ON_SITE,
        14,
    )
    remote = _course("Manager à distance", "REOR", Theme.MANAGEMENT, Mode.REMOTE, 7)
    _course("Anglais professionnel", "Alliance française", Theme.LANGUAGES, Mode.REMOTE, 30)
    past = _session(first_aid, today - timedelta(days=7), 10, "Croupillac, salle B12")
    _enrol(past, staff[40:48], EnrolmentStatus.APPROVED)
    coming = _session(first_aid, today + timedelta(days=14), 10, "Croupillac, salle B12")
    _enrol(coming, staff[50:54], EnrolmentStatus.APPROVED)
    employee = Employee.objects.filter(user__email=demo_email(Role.EMPLOYEE)).first()
    if employee is not None:
        _enrol(coming, [employee], EnrolmentStatus.REQUESTED)
    _session(remote, today + timedelta(days=30), 12, "Classe virtuelle")
