"""Demo DUERP of the school at 31/12/2020 (DESIGN.md section D).

12 prevention agents (6 of them in the laboratories, 2 per lab), the advisor being
prevention@demo.imtsocial.fr; work units of the three laboratories (R132 and R279
at C2MA) and of the services; entries for the risks the source names; an action
plan with its budget; the published 2020 edition with its PDF. Idempotent: a second
run finds everything in place and changes nothing.
"""

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils import timezone

from hr.models import Department, Employee
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import DEMO_DOMAIN, demo_email
from safety import pdf, services
from safety.enums import ActionStatus, EditionStatus
from safety.models import (
    ActionItem,
    DuerpEdition,
    Hazard,
    PreventionAdvisor,
    RiskEntry,
    WorkUnit,
)

LAB_AGENTS = {"c2ma": 2, "lgei": 2, "lgi2p": 2}
SERVICE_AGENTS = 5  # + the demo advisor = 6 outside the laboratories

# code, name, department, headcount, agents' department(s)
UNITS = [
    ("R132", "C2MA – Tensiométrie de surface (salle R132)", "c2ma", 8),
    ("R279", "C2MA – Infusion sous vide de résines thermodurcissables (salle R279)", "c2ma", 6),
    ("C2MA-RX", "C2MA – Salle de diffraction et tomographie X", "c2ma", 4),
    ("C2MA-LASER", "C2MA – Plateforme laser", "c2ma", 5),
    ("LGEI-BIO", "LGEI – Laboratoire de biotechnologies environnementales", "lgei", 7),
    ("LGEI-CHIM", "LGEI – Laboratoire d'analyses chimiques", "lgei", 6),
    ("LGI2P-BUR", "LGI2P – Bureaux et salles de calcul", "lgi2p", 45),
    ("LGI2P-PROTO", "LGI2P – Atelier de prototypage", "lgi2p", 5),
    ("RESTO", "Restaurant collectif", "resto", 14),
    ("ST-ATELIERS", "Services techniques – ateliers et galeries techniques", "st", 20),
    ("CLAV-A", "Clavières – bâtiment A, étages de bureaux", "rh", 60),
    ("VEHICULES", "Déplacements professionnels (véhicules de service)", "st", 40),
]

H_SOLVENT = "Solvants organiques (styrène, hexane, α-méthylstyrène)"
H_CMR = "Agents cancérogènes, mutagènes, reprotoxiques (CMR)"
H_BIO = "Agents biologiques des groupes 1 et 2"
H_LASER = "Laser de classe 3B ou 4"
H_RX = "Générateur de rayons X (diffraction, tomographie)"
H_ROAD = "Déplacements professionnels en véhicule"
H_PSY = "Charge de travail et isolement"
H_ASBESTOS = "Matériaux contenant de l'amiante"
H_SCREEN = "Fatigue visuelle et troubles musculosquelettiques"
H_KITCHEN = "Coupures, brûlures, glissades en cuisine"
H_HEIGHT = "Chute de hauteur"
H_ELEC = "Travaux au voisinage de pièces nues sous tension"

# unit, hazard, situation, people exposed, count, gravity, probability, control
ENTRIES = [
    (
        "R132",
        H_SOLVENT,
        "Synthèse de résines : transvasement de styrène et d'α-méthylstyrène.",
        "Chercheurs, techniciens, doctorants",
        8,
        3,
        3,
        1,
    ),
    (
        "R132",
        H_CMR,
        "Utilisation ponctuelle de réactifs CMR pour la synthèse.",
        "Chercheurs et doctorants",
        4,
        4,
        2,
        2,
    ),
    (
        "R279",
        H_SOLVENT,
        "Mise en œuvre de composites : hexane et éthylène glycol en nettoyage.",
        "Techniciens et doctorants",
        6,
        3,
        3,
        2,
    ),
    (
        "C2MA-RX",
        H_RX,
        "Analyse de matériaux par diffraction X et tomographie.",
        "Ingénieurs et doctorants habilités",
        4,
        4,
        1,
        1,
    ),
    (
        "C2MA-LASER",
        H_LASER,
        "Métrologie optique et découpe laser de classe 4.",
        "Utilisateurs habilités de la plateforme",
        5,
        4,
        2,
        2,
    ),
    (
        "LGEI-BIO",
        H_BIO,
        "Cultures de micro-organismes pour le traitement des effluents.",
        "Chercheurs et techniciens",
        7,
        2,
        3,
        1,
    ),
    (
        "LGEI-CHIM",
        H_SOLVENT,
        "Extractions par solvant pour l'analyse des sols.",
        "Techniciens d'analyse",
        6,
        3,
        2,
        2,
    ),
    (
        "LGI2P-BUR",
        H_SCREEN,
        "Travail prolongé sur écran, en présentiel et en télétravail.",
        "Enseignants-chercheurs, ingénieurs, doctorants",
        45,
        2,
        4,
        2,
    ),
    (
        "LGI2P-BUR",
        H_PSY,
        "Télétravail prolongé et isolement pendant la crise sanitaire.",
        "Toute l'équipe",
        45,
        3,
        3,
        2,
    ),
    (
        "LGI2P-PROTO",
        H_ELEC,
        "Câblage et essais de prototypes sous tension.",
        "Techniciens habilités",
        5,
        4,
        2,
        1,
    ),
    ("RESTO", H_KITCHEN, "Préparation, service et plonge.", "Personnel du restaurant", 14, 2, 4, 2),
    (
        "RESTO",
        H_PSY,
        "Pics d'activité au service de midi, relations avec les convives.",
        "Personnel du restaurant",
        14,
        2,
        3,
        2,
    ),
    (
        "ST-ATELIERS",
        H_ASBESTOS,
        "Interventions en galerie technique près des canalisations en fibres-ciment.",
        "Agents des services techniques et entreprises extérieures",
        20,
        4,
        2,
        2,
    ),
    (
        "ST-ATELIERS",
        H_HEIGHT,
        "Accès aux toitures et à l'éclairage des amphithéâtres.",
        "Agents des services techniques",
        8,
        4,
        2,
        2,
    ),
    (
        "CLAV-A",
        H_ASBESTOS,
        "Dalles de sol et colles amiantées ; allèges en fibres-ciment des façades.",
        "Occupants des bureaux et agents de maintenance",
        60,
        4,
        1,
        1,
    ),
    (
        "CLAV-A",
        H_PSY,
        "Charge de travail et travail à distance des services supports.",
        "Personnels administratifs",
        60,
        3,
        2,
        2,
    ),
    (
        "VEHICULES",
        H_ROAD,
        "Trajets entre Clavières et Croupillac, missions régionales.",
        "Tout agent se déplaçant pour le service",
        40,
        4,
        2,
        2,
    ),
]

# unit, hazard, title, owner index (agents list), due, budget, status, done on
ACTIONS = [
    (
        "R132",
        H_SOLVENT,
        "Contrôle annuel des 44 sorbonnes",
        0,
        date(2020, 10, 31),
        "3200",
        ActionStatus.DONE,
        date(2020, 10, 15),
    ),
    (
        "R132",
        H_SOLVENT,
        "Mesures d'exposition au styrène et à l'α-méthylstyrène",
        0,
        date(2020, 12, 15),
        "2400",
        ActionStatus.DONE,
        date(2020, 11, 27),
    ),
    (
        "R132",
        H_CMR,
        "Fiches d'exposition individuelles aux CMR",
        1,
        date(2021, 3, 31),
        "0",
        ActionStatus.IN_PROGRESS,
        None,
    ),
    (
        "R279",
        H_SOLVENT,
        "Mesures d'exposition à l'hexane et à l'éthylène glycol",
        1,
        date(2020, 12, 15),
        "1800",
        ActionStatus.DONE,
        date(2020, 12, 2),
    ),
    (
        "R279",
        H_SOLVENT,
        "Installation d'un bras aspirant au poste de nettoyage",
        1,
        date(2021, 6, 30),
        "4500",
        ActionStatus.PLANNED,
        None,
    ),
    (
        "C2MA-LASER",
        H_LASER,
        "Lunettes de protection adaptées aux nouvelles longueurs d'onde",
        0,
        date(2021, 2, 28),
        "1600",
        ActionStatus.PLANNED,
        None,
    ),
    (
        "LGEI-BIO",
        H_BIO,
        "Remplacement d'un poste de sécurité microbiologique",
        2,
        date(2021, 9, 30),
        "9800",
        ActionStatus.PLANNED,
        None,
    ),
    (
        "LGI2P-BUR",
        H_PSY,
        "Formation REOR : management à distance et cohésion d'équipe",
        4,
        date(2020, 12, 18),
        "3500",
        ActionStatus.DONE,
        date(2020, 12, 11),
    ),
    (
        "LGI2P-BUR",
        H_SCREEN,
        "Prêt d'écrans 24 pouces et casques pour le télétravail",
        5,
        date(2020, 6, 30),
        "27000",
        ActionStatus.DONE,
        date(2020, 5, 29),
    ),
    (
        "RESTO",
        H_KITCHEN,
        "Chaussures antidérapantes et gants anti-coupure",
        6,
        date(2021, 1, 31),
        "1200",
        ActionStatus.PLANNED,
        None,
    ),
    (
        "ST-ATELIERS",
        H_ASBESTOS,
        "Confinement des allèges des façades B, C, E, F, G",
        6,
        date(2020, 9, 30),
        "38000",
        ActionStatus.DONE,
        date(2020, 9, 18),
    ),
    (
        "ST-ATELIERS",
        H_ASBESTOS,
        "Mesures d'empoussièrement de l'air après confinement",
        6,
        date(2020, 11, 30),
        "2100",
        ActionStatus.DONE,
        date(2020, 11, 20),
    ),
    (
        "CLAV-A",
        H_ASBESTOS,
        "Mise à jour du dossier technique amiante",
        11,
        date(2021, 3, 31),
        "1500",
        ActionStatus.PLANNED,
        None,
    ),
    (
        "VEHICULES",
        H_ROAD,
        "Formation à l'éco-conduite et entretien des véhicules",
        7,
        date(2021, 4, 30),
        "2800",
        ActionStatus.PLANNED,
        None,
    ),
]

EDITION_AT = datetime(2020, 12, 17, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))


def build():
    agents = _build_agents()
    units = _build_units(agents)
    entries = _build_entries(units, advisor=agents[-1])
    _build_actions(entries, agents)
    _build_edition(advisor=agents[-1])
    _reschedule_open_actions(advisor=agents[-1])


# Days from the day the demo is built to the new due date of the actions still open at
# the end of 2020, in the order of ACTIONS: one slipped a little (late by 10 days), the
# others due in the coming weeks and months — the plan as revised since the 2020 edition.
RESCHEDULE_DAYS = [-10, 12, 25, 40, 60, 90, 120]  # the 7 actions open at the end of 2020


def _reschedule_open_actions(*, advisor, today: date | None = None):
    """The actions the 2020 edition left open get a due date relative to today (the
    edition's snapshot keeps its 2021 dates; the history shows the change). Only actions
    still dated from the 2020 plan are moved, so a second run changes nothing."""
    today = today or timezone.localdate()
    still_open = (
        ActionItem.objects.exclude(status=ActionStatus.DONE)
        .filter(due_date__year__lte=2021)
        .order_by("due_date", "pk")
    )
    for action, days in zip(still_open, RESCHEDULE_DAYS, strict=False):
        action.due_date = today + timedelta(days=days)
        action._history_user = advisor
        action._change_reason = "Échéance revue (démonstration)"
        action.save()


def _agent_login(employee: Employee) -> User:
    email = employee.work_email or f"{employee.employee_number.lower()}@{DEMO_DOMAIN}"
    user = employee.user
    if user is None:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=employee.first_name, last_name=employee.last_name)
            user.set_unusable_password()
            user.save()
        employee.user = user
        employee.save(update_fields=["user"])
    return user


def _build_agents() -> list[User]:
    """12 agents: 2 per laboratory, 5 in the services, then the advisor (last)."""
    prevention = Group.objects.get(name=Role.PREVENTION.value)
    employees = []
    for code, count in LAB_AGENTS.items():
        employees += list(
            Employee.objects.active(date(2020, 12, 31))
            .filter(department__code=code, employee_number__startswith="E", user__isnull=True)
            .order_by("employee_number")[:count]
            if not _existing_agents(code)
            else _existing_agents(code)[:count]
        )
    service_codes = ["hs", "st", "resto", "rh", "dsi"]
    for code in service_codes:
        existing = _existing_agents(code)
        pick = existing or list(
            Employee.objects.active(date(2020, 12, 31))
            .filter(department__code=code, employee_number__startswith="E", user__isnull=True)
            .order_by("employee_number")[:1]
        )
        employees += pick[:1]
    users = []
    for employee in employees:
        user = _agent_login(employee)
        user.groups.add(prevention)
        users.append(user)
    advisor = User.objects.get(email=demo_email(Role.PREVENTION))
    PreventionAdvisor.objects.get_or_create(user=advisor, defaults={"since": date(2016, 9, 1)})
    return [*users, advisor]


def _existing_agents(code: str) -> list[Employee]:
    return list(
        Employee.objects.filter(
            department__code=code,
            employee_number__startswith="E",
            user__groups__name=Role.PREVENTION.value,
        ).order_by("employee_number")
    )


def _build_units(agents: list[User]) -> dict[str, WorkUnit]:
    departments = {d.code: d for d in Department.objects.select_related("site")}
    by_department: dict[str, list[User]] = {}
    for user in agents[:-1]:
        by_department.setdefault(user.employee.department.code, []).append(user)
    service_agents = [u for code, us in by_department.items() if code not in LAB_AGENTS for u in us]
    units = {}
    service_index = 0
    for code, name, department_code, headcount in UNITS:
        department = departments[department_code]
        unit, _created = WorkUnit.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "department": department,
                "site": department.site,
                "headcount_exposed": headcount,
            },
        )
        if department_code in LAB_AGENTS:
            assigned = by_department.get(department_code, [])
        else:
            assigned = [service_agents[service_index % len(service_agents)], agents[-1]]
            service_index += 1
        unit.agents.set(assigned)
        units[code] = unit
    return units


def _build_entries(units, *, advisor) -> dict[tuple[str, str], RiskEntry]:
    method = services.current_method()
    hazards = {h.name: h for h in Hazard.objects.all()}
    entries = {}
    for code, hazard_name, situation, people, count, gravity, probability, control in ENTRIES:
        hazard = hazards[hazard_name]
        entry = RiskEntry.objects.filter(work_unit=units[code], hazard=hazard).first()
        if entry is None:
            entry = RiskEntry(
                work_unit=units[code],
                hazard=hazard,
                situation=situation,
                people_exposed=people,
                exposed_count=count,
                existing_measures=hazard.typical_measures,
                gravity=gravity,
                probability=probability,
                control_level=control,
                method=method,
                created_by=advisor,
            )
            entry._history_user = advisor
            entry.save()
        entries[(code, hazard_name)] = entry
    return entries


def _build_actions(entries, agents):
    for code, hazard_name, title, owner, due, budget, status, done_on in ACTIONS:
        entry = entries[(code, hazard_name)]
        if entry.actions.filter(title=title).exists():
            continue
        action = ActionItem(
            entry=entry,
            title=title,
            owner=agents[owner],
            due_date=due,
            budget=Decimal(budget),
            status=status,
            done_on=done_on,
        )
        action._history_user = agents[-1]
        action.save()


def _build_edition(*, advisor):
    edition = DuerpEdition.objects.filter(year=2020).first()
    if edition is None:
        edition = services.edition_publish(
            year=2020,
            note="Mise à jour annuelle 2020 : crise sanitaire, télétravail, amiante.",
            by=advisor,
            at=EDITION_AT,
        )
    if edition.status != EditionStatus.READY:
        pdf.edition_render(edition_id=edition.pk)
