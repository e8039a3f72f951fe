"""Demo registers: 2020 as the yearly report reads it, and a living present.

2020 — three RSST entries (two observations, one suggestion), all answered by the
advisor and acknowledged by the manager, two of them closed; one DGI (a gas leak in the
chemical-analysis laboratory of the LGEI, confirmed, measures decided the same day);
five accidents (three work accidents with 0, 4 and 12 days of leave, two commuting
accidents with 0 and 7 days). Today — the demo employee's observation of this week
waiting for an answer, and an older one answered, waiting for the demo manager's visa.

Idempotent: entries are matched on (author, text), reports on (reporter, time), accidents
on (person, date, kind). Needs the hr and DUERP demos (the people and the work units).
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from hr.models import Employee
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from safety.models import WorkUnit
from safety.registers.enums import AccidentKind, DgiDecision, DgiStatus, RsstKind, RsstStatus
from safety.registers.models import DgiReport, RsstEntry, WorkAccident

PARIS = ZoneInfo("Europe/Paris")

# unit, kind, date, place, text, answer, comment, closed
RSST_2020 = [
    (
        "R279",
        RsstKind.OBSERVATION,
        date(2020, 2, 11),
        "Salle R279",
        "Odeur de styrène persistante dans la salle après les infusions sous vide.",
        "Mesure d'exposition programmée en R279 ; en attendant, infusions sous la hotte "
        "aspirante uniquement.",
        "Consigne transmise à l'équipe composites.",
        True,
    ),
    (
        "RESTO",
        RsstKind.SUGGESTION,
        date(2020, 6, 15),
        "Restaurant, zone de plonge",
        "Poser des tapis antidérapants devant la plonge, le sol est souvent mouillé.",
        "Tapis commandés et posés en juillet.",
        "Merci, c'est fait.",
        True,
    ),
    (
        "CLAV-A",
        RsstKind.OBSERVATION,
        date(2020, 10, 5),
        "Clavières, bâtiment A, escalier B",
        "L'éclairage de l'escalier B ne fonctionne plus entre le 2e et le 3e étage.",
        "Demande d'intervention faite aux services techniques.",
        "Vu.",
        False,
    ),
]

# person index, kind, date, place, circumstances, days of leave
ACCIDENTS_2020 = [
    (60, AccidentKind.WORK, date(2020, 1, 20), "Atelier de prototypage",
     "Coupure en manipulant une tôle lors d'un usinage.", 0),
    (61, AccidentKind.WORK, date(2020, 3, 3), "Restaurant collectif",
     "Glissade sur un sol mouillé en zone de plonge.", 4),
    (62, AccidentKind.WORK, date(2020, 9, 14), "Galeries techniques",
     "Chute de plain-pied sur un câble au sol lors d'une ronde.", 12),
    (63, AccidentKind.COMMUTING, date(2020, 2, 6), "Trajet domicile – Clavières",
     "Chute à vélo sur la route verglacée.", 7),
    (64, AccidentKind.COMMUTING, date(2020, 11, 23), "Parking de Croupillac",
     "Choc entre deux véhicules à faible vitesse à l'entrée du parking.", 0),
]  # fmt: skip


def build():
    staff = list(
        Employee.objects.filter(employee_number__startswith="E").order_by("employee_number")
    )
    units = {u.code: u for u in WorkUnit.objects.select_related("department__head__user")}
    advisor = User.objects.filter(email=demo_email(Role.PREVENTION)).first()
    if len(staff) < 65 or not units or advisor is None:
        return
    _rsst_2020(staff, units, advisor)
    _dgi_2020(staff, units, advisor)
    _accidents_2020(staff, units, advisor)
    _present(units, advisor)


def _moment(day, hour=10):
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def _entry(author, unit, kind, day, place, text, **fields) -> RsstEntry:
    entry = RsstEntry.objects.filter(author=author, text=text).first()
    if entry is not None:
        return entry
    entry = RsstEntry(
        author=author, work_unit=unit, kind=kind, occurred_on=day, place=place, text=text, **fields
    )
    entry._history_user = author.user
    entry.save()
    RsstEntry.objects.filter(pk=entry.pk).update(submitted_at=_moment(day, 17))
    return entry


def _rsst_2020(staff, units, advisor):
    for index, (code, kind, day, place, text, answer, comment, closed) in enumerate(RSST_2020):
        unit = units.get(code)
        if unit is None:
            continue
        author = next((p for p in staff if p.department_id == unit.department_id), staff[index])
        head = unit.department.head
        manager_user = (author.manager or head).user if (author.manager or head) else None
        _entry(
            author,
            unit,
            kind,
            day,
            place,
            text,
            status=RsstStatus.CLOSED if closed else RsstStatus.ACKNOWLEDGED,
            answer=answer,
            answered_by=advisor,
            answered_at=_moment(day + timedelta(days=3)),
            acknowledgement=comment,
            acknowledged_by=manager_user,
            acknowledged_at=_moment(day + timedelta(days=6)),
            closed_by=advisor if closed else None,
            closed_at=_moment(day + timedelta(days=7)) if closed else None,
        )


def _dgi_2020(staff, units, advisor):
    moment = _moment(date(2020, 9, 22), 10)
    unit = units.get("LGEI-CHIM")
    reporter = next((p for p in staff if unit and p.department_id == unit.department_id), staff[0])
    if DgiReport.objects.filter(reported_by=reporter, occurred_at=moment).exists():
        return
    report = DgiReport(
        reported_by=reporter,
        occurred_at=moment,
        place="LGEI, laboratoire d'analyses chimiques",
        work_unit=unit,
        danger="Odeur de gaz et sifflement au raccord d'une bouteille d'hydrogène de la "
        "paillasse 3.",
        people_exposed="3 techniciens et 2 doctorants présents dans la salle",
        immediate_measures="Fermeture de la bouteille, évacuation de la salle, aération, "
        "appel du conseiller de prévention.",
        status=DgiStatus.DECIDED,
        investigation="Raccord détérioré constaté avec l'agent de prévention du laboratoire "
        "et un représentant du personnel ; détecteur de gaz de la salle hors service.",
        investigated_by=advisor,
        decision=DgiDecision.CONFIRMED,
        decision_measures="Remplacement du raccord et du détendeur, réparation du détecteur, "
        "contrôle de toutes les bouteilles du laboratoire ; reprise le 24 septembre.",
        decided_on=date(2020, 9, 22),
        decided_by=advisor,
    )
    report._history_user = advisor
    report.save()


def _accidents_2020(staff, units, advisor):
    unit_of = {"Atelier de prototypage": "LGI2P-PROTO", "Restaurant collectif": "RESTO",
               "Galeries techniques": "ST-ATELIERS"}  # fmt: skip
    for index, kind, day, place, circumstances, days in ACCIDENTS_2020:
        person = staff[index]
        if WorkAccident.objects.filter(victim=person, occurred_on=day, kind=kind).exists():
            continue
        accident = WorkAccident(
            victim=person,
            kind=kind,
            occurred_on=day,
            place=place,
            work_unit=units.get(unit_of.get(place, "")),
            circumstances=circumstances,
            leave_days=days,
            recorded_by=advisor,
        )
        accident._history_user = advisor
        accident.save()


def _present(units, advisor):
    employee = Employee.objects.filter(user__email=demo_email(Role.EMPLOYEE)).first()
    unit = units.get("R132")
    if employee is None or unit is None:
        return
    today = timezone.localdate()
    this_week = max(today - timedelta(days=1), today - timedelta(days=today.weekday()))
    _entry(
        employee,
        unit,
        RsstKind.OBSERVATION,
        this_week,
        "Salle R132, armoire ventilée",
        "La porte de l'armoire ventilée des solvants ne se ferme plus complètement.",
    )
    earlier = today - timedelta(days=12)
    _entry(
        employee,
        unit,
        RsstKind.SUGGESTION,
        earlier,
        "Salle R132",
        "Afficher près de la paillasse la fiche réflexe en cas de projection de solvant.",
        status=RsstStatus.ANSWERED,
        answer="Bonne idée : la fiche réflexe est imprimée et sera affichée cette semaine.",
        answered_by=advisor,
        answered_at=timezone.now() - timedelta(days=9),
    )
