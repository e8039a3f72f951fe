"""Demo of qualifications: the school at 31/12/2020 as the DD&RS chapter tells it, and a
present relative to today.

- « 26 sauveteurs-secouristes du travail sont mobilisables dans les 3 laboratoires »:
  26 SST certificates valid at 31/12/2020 held by laboratory staff (C2MA 10, LGEI 8,
  LGI2P 8; the demo employee, at C2MA, is one of them), plus 3 in the services;
- « gaz, opérations d'ordre électrique, travail en hauteur, équipements sous pression »
  held by laboratory staff (electrical with levels B1V, BR, H0…);
- today: every 2020 holder has renewed, except that 3 SST and 1 electrical
  qualification expire within the coming weeks and 1 SST certificate has just expired.

Idempotent: qualifications are matched on (holder, type, obtained date)."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from safety.qualifications import services
from safety.qualifications.models import Qualification, QualificationType, QualificationValidity

FIRST_AIDERS_2020 = {"c2ma": 10, "lgei": 8, "lgi2p": 8, "st": 2, "resto": 1}
# type code, laboratory, people, level(s)
LAB_QUALIFICATIONS = [
    ("gaz", "c2ma", 3, ""),
    ("gaz", "lgei", 3, ""),
    ("electrique", "c2ma", 3, "B1V"),
    ("electrique", "lgi2p", 3, "BR"),
    ("electrique", "lgei", 2, "H0"),
    ("hauteur", "lgi2p", 2, ""),
    ("hauteur", "lgei", 2, ""),
    ("esp", "c2ma", 3, ""),
    ("esp", "lgei", 2, ""),
]
# days from today to the expiry of the present renewals that need attention
EXPIRING_SOON = [9, 23, 38]  # SST, the first one the demo employee's
EXPIRED_DAYS_AGO = 5


def _people(code, count, skip=0):
    at_2020 = Employee.objects.active(date(2020, 12, 31))
    return list(
        at_2020.active()
        .filter(department__code=code, employee_number__startswith="E")
        .order_by("employee_number")[skip : skip + count]
    )


def _record(holder, kind, obtained_on, level="", expires_on=None):
    if expires_on is None:
        validity = QualificationValidity.objects.get_in_force(obtained_on, qualification_type=kind)
        expires_on = services.expiry_for(validity, obtained_on)
    qualification, _created = Qualification.objects.get_or_create(
        holder=holder,
        qualification_type=kind,
        obtained_on=obtained_on,
        defaults={"level": level, "expires_on": expires_on},
    )
    return qualification


def _renewal(holder, kind, expires_on, level=""):
    """A present renewal expiring on ``expires_on`` (obtained the validity before)."""
    validity = QualificationValidity.objects.get_in_force(
        timezone.localdate(), qualification_type=kind
    )
    obtained_on = expires_on + timedelta(days=1) - relativedelta(months=validity.validity_months)
    return _record(holder, kind, obtained_on, level, expires_on=expires_on)


def build():
    types = {t.code: t for t in QualificationType.objects.all()}
    if not types or not Employee.objects.filter(employee_number__startswith="E").exists():
        return
    today = timezone.localdate()
    sst = types["sst"]
    demo_employee = Employee.objects.filter(user__email=demo_email(Role.EMPLOYEE)).first()
    first_aiders = []
    for code, count in FIRST_AIDERS_2020.items():
        people = _people(code, count)
        if code == "c2ma" and demo_employee is not None:
            people = [demo_employee, *people[: count - 1]]
        first_aiders += people
    for index, person in enumerate(first_aiders):
        # obtained between January 2019 and November 2020: valid at 31/12/2020
        obtained_on = date(2019, 1, 14) + timedelta(days=(index * 23) % 680)
        _record(person, sst, obtained_on)
    attention = [*EXPIRING_SOON]
    for index, person in enumerate(first_aiders):
        if index < len(attention):
            expires_on = today + timedelta(days=attention[index])
        elif index == len(attention):
            expires_on = today - timedelta(days=EXPIRED_DAYS_AGO)
        else:
            expires_on = today + timedelta(days=90 + (index * 19) % 600)
        _renewal(person, sst, expires_on)
    skip: dict[str, int] = {}
    for position, (code, lab, count, level) in enumerate(LAB_QUALIFICATIONS):
        people = _people(lab, count, skip=20 + skip.get(lab, 0))
        skip[lab] = skip.get(lab, 0) + count
        for index, person in enumerate(people):
            obtained_on = date(2019, 3, 4) + timedelta(days=(position * 47 + index * 31) % 600)
            _record(person, types[code], obtained_on, level)
            if code == "electrique" and position == 2 and index == 0:
                expires_on = today + timedelta(days=20)
            else:
                expires_on = today + timedelta(days=120 + (position * 53 + index * 29) % 700)
            _renewal(person, types[code], expires_on, level)
