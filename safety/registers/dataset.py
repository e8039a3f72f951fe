"""The benchmark's registers (``manage.py bench_dataset``, ``imtsocial.datasets``).

Over the last six years: ``scaled(2500)`` observations and suggestions of the RSST,
written by employees about a work unit of their service (or no unit); those older than
two months are nearly all closed, the recent ones answered, waiting for the manager's
visa, or still waiting for an answer; some closed ones led to an action of the DUERP.
``scaled(120)`` reports of serious and imminent danger, decided but for the last few
(investigation or decision to come). ``scaled(1200)`` work and commuting accidents with
their days of leave (none yet for some recent ones) and never any medical detail. The
bench logins: the employee has an observation waiting for an answer and one answered
waiting for the visa of the bench manager, whose team has a few more; the bench
prevention login has entries to answer in its units. History rows are written for all.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.datasets import Dataset, bulk_with_history
from safety.models import ActionItem, WorkUnit
from safety.registers.enums import AccidentKind, DgiDecision, DgiStatus, RsstKind, RsstStatus
from safety.registers.models import DgiReport, RsstEntry, WorkAccident

PARIS = ZoneInfo("Europe/Paris")
YEARS = 6
OBSERVATIONS = [
    "L'éclairage du couloir ne fonctionne plus au niveau de l'escalier.",
    "La porte coupe-feu reste bloquée ouverte par une cale.",
    "Une dalle du faux plafond est descellée au-dessus du poste de travail.",
    "Le sol est glissant devant l'entrée par temps de pluie.",
    "Des câbles traversent le passage entre les bureaux.",
    "L'armoire ventilée ne se ferme plus complètement.",
    "La douche de sécurité n'a pas été vérifiée depuis plusieurs mois.",
    "Des cartons sont stockés devant l'issue de secours.",
    "Le chauffage ne fonctionne pas : il fait 15 °C dans le bureau.",
    "Le lave-œil du laboratoire est hors service.",
    "Des bouteilles de gaz ne sont pas attachées au mur.",
    "La signalisation de la zone laser est éteinte.",
    "Nuisance sonore importante de la ventilation de la salle de calcul.",
    "Le revêtement de l'escalier extérieur est abîmé.",
]
SUGGESTIONS = [
    "Installer un repose-pieds et un support d'écran aux postes partagés.",
    "Afficher la fiche réflexe en cas de projection de produit près de la paillasse.",
    "Prévoir des tapis antidérapants devant la plonge.",
    "Organiser un exercice d'évacuation dans le bâtiment au printemps.",
    "Ajouter une trousse de secours au rez-de-chaussée.",
    "Mettre à disposition des gants anti-coupure à l'atelier.",
    "Proposer un rappel de formation sur les gestes et postures.",
]
ANSWERS = [
    "Demande d'intervention transmise aux services techniques.",
    "Vérification faite avec l'agent de prévention de l'unité ; correction programmée.",
    "Bonne idée : le matériel est commandé.",
    "Le point sera inscrit au plan d'action de l'unité.",
    "Rappel des consignes fait à l'équipe.",
]
VISAS = ["Vu.", "Vu, merci.", "Consigne transmise à l'équipe.", "Vu, à suivre."]
DANGERS = [
    (
        "Odeur de gaz au raccord d'une bouteille de la paillasse.",
        "Fermeture de la bouteille, évacuation et aération de la salle.",
    ),
    (
        "Fumée sortant d'un tableau électrique de l'atelier.",
        "Coupure de l'alimentation générale, évacuation, appel des services techniques.",
    ),
    (
        "Fuite d'azote liquide dans le local de stockage.",
        "Évacuation du local, ventilation forcée, balisage de l'accès.",
    ),
    (
        "Garde-corps de la passerelle technique descellé.",
        "Accès à la passerelle interdit et balisé.",
    ),
    (
        "Sorbonne en panne pendant une manipulation de solvants.",
        "Arrêt de la manipulation, fermeture des récipients, évacuation de la salle.",
    ),
]
DECISIONS = {
    DgiDecision.CONFIRMED: "Réparation faite et contrôle de l'installation ; reprise du travail.",
    DgiDecision.NOT_CONFIRMED: "Aucun danger constaté lors de l'enquête ; reprise immédiate.",
    DgiDecision.DISAGREEMENT: "Désaccord sur les mesures : la formation spécialisée est saisie.",
}
ACCIDENTS = [
    (AccidentKind.WORK, "Atelier", "Coupure en manipulant une tôle lors d'un usinage."),
    (AccidentKind.WORK, "Restaurant collectif", "Glissade sur un sol mouillé en zone de plonge."),
    (AccidentKind.WORK, "Laboratoire", "Projection de produit lors d'un transvasement."),
    (AccidentKind.WORK, "Bureaux", "Chute dans l'escalier en descendant avec des dossiers."),
    (AccidentKind.WORK, "Galerie technique", "Chute de plain-pied sur un câble au sol."),
    (AccidentKind.WORK, "Magasin", "Douleur au dos en soulevant un carton lourd."),
    (AccidentKind.COMMUTING, "Trajet domicile – travail", "Chute à vélo sur la chaussée."),
    (AccidentKind.COMMUTING, "Parking du site", "Choc entre deux véhicules à faible vitesse."),
    (AccidentKind.COMMUTING, "Trajet domicile – travail", "Chute sur le trottoir verglacé."),
]


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


class _Context:
    """Who and where: employees with their department and manager, units per service."""

    def __init__(self, dataset: Dataset):
        shared = dataset.shared
        self.rng, self.today = dataset.rng, dataset.today
        unit_ids = shared.get("safety_unit_ids") or list(
            WorkUnit.objects.values_list("pk", flat=True)
        )
        units = list(WorkUnit.objects.filter(pk__in=unit_ids).values_list("pk", "department_id"))
        self.unit_department = dict(units)
        self.units_of: dict[int, list[int]] = {}
        for pk, department_id in units:
            self.units_of.setdefault(department_id, []).append(pk)
        self.unit_ids = [pk for pk, _d in units]
        self.unit_agents = shared.get("safety_unit_agents") or {}
        self.agents = shared.get("safety_agent_user_ids") or [
            shared["bench_users"][Role.PREVENTION.value].pk
        ]
        self.employees = shared["employee_ids"]
        self.department_of = dict(
            Employee.objects.filter(pk__in=self.employees).values_list("pk", "department_id")
        )
        self.head_of = dict(
            Employee.objects.filter(pk__in=self.employees).values_list("pk", "department__head_id")
        )
        self.manager_of = shared["manager_of"]
        self.user_of = shared["user_of"]

    def day(self, *, since_days: int = YEARS * 365, until_days: int = 0) -> date:
        return self.today - timedelta(days=self.rng.randint(until_days, since_days))

    def unit_for(self, employee_pk: int, share: float = 0.85) -> int | None:
        units = self.units_of.get(self.department_of.get(employee_pk))
        if units and self.rng.random() < share:
            return self.rng.choice(units)
        return None

    def agent_for(self, unit_pk: int | None) -> int:
        agents = self.unit_agents.get(unit_pk) if unit_pk else None
        return self.rng.choice(agents or self.agents)

    def acknowledger(self, author_pk: int) -> int | None:
        boss = self.manager_of.get(author_pk) or self.head_of.get(author_pk)
        return self.user_of.get(boss) if boss and boss != author_pk else None


def _rsst(ctx: _Context, author: int, day: date, status: str, *, unit=-1, actions=None):
    rng = ctx.rng
    unit = ctx.unit_for(author) if unit == -1 else unit
    kind = RsstKind.OBSERVATION if rng.random() < 0.7 else RsstKind.SUGGESTION
    entry = RsstEntry(
        author_id=author,
        kind=kind,
        place=rng.choice(("Bâtiment ", "Aile ", "Site, bâtiment "))
        + f"{rng.choice('ABCDEFG')}, {rng.choice(('rez-de-chaussée', '1er étage', '2e étage'))}",
        work_unit_id=unit,
        occurred_on=day,
        text=rng.choice(OBSERVATIONS if kind == RsstKind.OBSERVATION else SUGGESTIONS),
        status=status,
    )
    entry.submitted_at = _moment(day, rng.randint(8, 18))
    entry._history_date = entry.submitted_at
    limit = ctx.today
    if status != RsstStatus.SUBMITTED:
        answered = min(day + timedelta(days=rng.randint(1, 15)), limit)
        entry.answer = rng.choice(ANSWERS)
        entry.answered_by_id = ctx.agent_for(unit)
        entry.answered_at = _moment(answered, 11)
        if status in (RsstStatus.ACKNOWLEDGED, RsstStatus.CLOSED):
            acknowledger = ctx.acknowledger(author)
            acknowledged = min(answered + timedelta(days=rng.randint(0, 10)), limit)
            entry.acknowledgement = rng.choice(VISAS)
            entry.acknowledged_by_id = acknowledger
            entry.acknowledged_at = _moment(acknowledged, 14)
            if status == RsstStatus.CLOSED:
                entry.closed_by_id = entry.answered_by_id
                entry.closed_at = _moment(
                    min(acknowledged + timedelta(days=rng.randint(0, 10)), limit), 16
                )
                if actions and unit in actions and rng.random() < 0.15:
                    entry.action_id = rng.choice(actions[unit])
    return entry


def _rsst_status(rng, age: int) -> str:
    if age > 60:
        weights = (0, 2, 5, 93)
    elif age > 15:
        weights = (10, 30, 30, 30)
    else:
        weights = (60, 30, 7, 3)
    return rng.choices(
        (RsstStatus.SUBMITTED, RsstStatus.ANSWERED, RsstStatus.ACKNOWLEDGED, RsstStatus.CLOSED),
        weights=weights,
    )[0]


def _rsst_entries(ctx: _Context, dataset: Dataset) -> list[RsstEntry]:
    rng, today = ctx.rng, ctx.today
    actions: dict[int, list[int]] = {}
    for pk, unit in ActionItem.objects.filter(entry__work_unit__in=ctx.unit_ids).values_list(
        "pk", "entry__work_unit_id"
    ):
        actions.setdefault(unit, []).append(pk)
    entries = []
    for _n in range(dataset.scaled(2500)):
        day = ctx.day()
        entries.append(
            _rsst(ctx, rng.choice(ctx.employees), day, _rsst_status(rng, (today - day).days),
                  actions=actions)
        )  # fmt: skip
    # The bench logins' work.
    bench = dataset.shared["bench_employees"]
    employee = bench[Role.EMPLOYEE.value].pk
    manager = bench[Role.MANAGER.value].pk
    entries.append(_rsst(ctx, employee, today - timedelta(days=2), RsstStatus.SUBMITTED))
    entries.append(_rsst(ctx, employee, today - timedelta(days=12), RsstStatus.ANSWERED))
    entries.append(_rsst(ctx, employee, today - timedelta(days=200), RsstStatus.CLOSED))
    team = [pk for pk, boss in ctx.manager_of.items() if boss == manager and pk != employee]
    for member in rng.sample(team, min(4, len(team))):
        entries.append(
            _rsst(ctx, member, today - timedelta(days=rng.randint(5, 30)), RsstStatus.ANSWERED)
        )
    prevention = dataset.shared["bench_users"][Role.PREVENTION.value].pk
    own_units = [u for u, agents in ctx.unit_agents.items() if prevention in agents]
    for unit in own_units[:3]:
        department = ctx.unit_department.get(unit)
        authors = [pk for pk, d in ctx.department_of.items() if d == department] or ctx.employees
        entries.append(
            _rsst(ctx, rng.choice(authors), today - timedelta(days=rng.randint(1, 10)),
                  RsstStatus.SUBMITTED, unit=unit)
        )  # fmt: skip
    entries = bulk_with_history(RsstEntry, entries, dated=("submitted_at",))
    return entries


def _dgi_reports(ctx: _Context, dataset: Dataset) -> list[DgiReport]:
    rng, today = ctx.rng, ctx.today
    total = dataset.scaled(120, minimum=5)
    days = sorted((ctx.day() for _n in range(total - 2)), reverse=True)
    days = [today - timedelta(days=3), today - timedelta(days=20), *days]
    reports = []
    for index, day in enumerate(days):
        reporter = rng.choice(ctx.employees)
        unit = ctx.unit_for(reporter, share=0.95)
        danger, measures = rng.choice(DANGERS)
        follower = ctx.agent_for(unit)
        status = (DgiStatus.REPORTED, DgiStatus.INVESTIGATED)[index] if index < 2 else None
        report = DgiReport(
            reported_by_id=reporter,
            occurred_at=_moment(day, rng.randint(8, 18)),
            place=f"Bâtiment {rng.choice('ABCDEFG')}, salle {rng.randint(100, 340)}",
            work_unit_id=unit,
            danger=danger,
            people_exposed=f"{rng.randint(1, 8)} personnes présentes dans la salle",
            immediate_measures=measures,
            status=status or DgiStatus.DECIDED,
        )
        if report.status != DgiStatus.REPORTED:
            report.investigation = (
                "Constat fait sur place avec l'agent de prévention et un représentant du personnel."
            )
            report.investigated_by_id = follower
        if report.status == DgiStatus.DECIDED:
            decision = rng.choices(list(DECISIONS), weights=(70, 25, 5))[0]
            report.decision = decision
            report.decision_measures = DECISIONS[decision]
            report.decided_on = min(day + timedelta(days=rng.randint(0, 7)), today)
            report.decided_by_id = follower
        report.created_at = report.occurred_at + timedelta(hours=1)
        report._history_date = report.created_at
        reports.append(report)
    reports = bulk_with_history(DgiReport, reports, dated=("created_at",))
    return reports


def _accidents(ctx: _Context, dataset: Dataset) -> list[WorkAccident]:
    rng, today = ctx.rng, ctx.today
    accidents = []
    for _n in range(dataset.scaled(1200)):
        day = ctx.day()
        victim = rng.choice(ctx.employees)
        kind, place, circumstances = rng.choice(ACCIDENTS)
        unit = ctx.unit_for(victim, share=0.8) if kind == AccidentKind.WORK else None
        if (today - day).days < 30 and rng.random() < 0.4:
            leave = None  # to be completed later
        else:
            leave = 0 if rng.random() < 0.45 else rng.choice((1, 2, 3, 4, 7, 10, 15, 21, 30, 60))
        accident = WorkAccident(
            victim_id=victim,
            kind=kind,
            occurred_on=day,
            place=place,
            work_unit_id=unit,
            circumstances=circumstances,
            leave_days=leave,
            follow_up="Analyse faite avec l'agent de prévention de l'unité."
            if unit and rng.random() < 0.5
            else "",
            recorded_by_id=ctx.agent_for(unit),
        )
        accident.created_at = _moment(min(day + timedelta(days=rng.randint(0, 5)), today), 15)
        accident._history_date = accident.created_at
        accidents.append(accident)
    accidents = bulk_with_history(WorkAccident, accidents, dated=("created_at",))
    return accidents


def build(dataset: Dataset) -> dict[str, int]:
    ctx = _Context(dataset)
    if not ctx.unit_ids:
        return {}
    entries = _rsst_entries(ctx, dataset)
    reports = _dgi_reports(ctx, dataset)
    accidents = _accidents(ctx, dataset)
    return {
        "observations RSST": len(entries),
        "dont closes": sum(1 for e in entries if e.status == RsstStatus.CLOSED),
        "dangers graves et imminents": len(reports),
        "accidents": len(accidents),
    }
