"""The benchmark's DUERP (``manage.py bench_dataset``, ``imtsocial.datasets``).

``scaled(300)`` work units in the benchmark's services (laboratories, workshops, offices,
restaurants…, each with its exposed headcount) and ``scaled(5000)`` risk entries in
them, rated with the rating method in force (``rate()``: score and priority as a form
would leave them), a few of them retired. About 1.5 actions per entry in the prevention
programme, created over the last six years: most of those due in the past are done
(some cancelled, some still open and late), those due in the coming months are planned
or in progress. ``scaled(100)`` synthetic employees join the prevention group and are
the agents of one to three units (``WorkUnit.agents``) and the owners of their actions;
the bench prevention login is the agent of a few units and owns actions, some late.
Entries and actions get their history rows. Leaves ``safety_unit_ids``,
``safety_unit_agents`` (unit pk → agent user pks), ``safety_unit_profiles`` (unit pk →
kind of unit: ``lab_chem``, ``office``…), ``safety_agent_user_ids`` and
``safety_action_ids`` in ``dataset.shared`` for the safety sub-apps.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from simple_history.utils import bulk_create_with_history

from hr.models import Department, Employee
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.datasets import BATCH_SIZE, Dataset, bulk, bulk_with_history
from safety import services
from safety.enums import ActionStatus
from safety.models import ActionItem, Hazard, RiskEntry, WorkUnit, rate

PARIS = ZoneInfo("Europe/Paris")
PREFIX = "BENCH-UT-"
# profile, weight, unit names, headcount range, hazards (by family code) with weights
PROFILES = [
    (
        "lab_chem",
        18,
        ["Laboratoire de chimie", "Salle de synthèse", "Salle d'analyses", "Salle de préparation"],
        (4, 15),
        {"chimique": 6, "incendie": 2, "pression": 2, "manutention": 1, "psychosocial": 1},
    ),
    (
        "lab_bio",
        8,
        ["Laboratoire de biologie", "Salle de culture", "Plateforme de bioprocédés"],
        (4, 12),
        {"biologique": 5, "chimique": 3, "pression": 1, "psychosocial": 1},
    ),
    (
        "lab_phys",
        10,
        ["Plateforme laser", "Salle de diffraction X", "Salle d'essais", "Banc de mesure"],
        (3, 10),
        {"laser": 3, "ionisant": 3, "electrique": 3, "bruit": 1, "psychosocial": 1},
    ),
    (
        "workshop",
        14,
        ["Atelier mécanique", "Atelier de prototypage", "Galerie technique", "Magasin"],
        (4, 25),
        {"electrique": 3, "hauteur": 3, "manutention": 3, "bruit": 2, "incendie": 1},
    ),
    (
        "office",
        40,
        ["Bureaux", "Plateau de bureaux", "Salle de calcul", "Accueil"],
        (10, 80),
        {"ecran": 5, "psychosocial": 5, "routier": 2, "incendie": 1, "amiante": 1},
    ),
    (
        "teaching",
        6,
        ["Salle de travaux pratiques", "Halle d'enseignement", "Amphithéâtre"],
        (5, 40),
        {"chimique": 2, "electrique": 2, "ecran": 1, "incendie": 2, "psychosocial": 1},
    ),
    (
        "kitchen",
        4,
        ["Restaurant collectif", "Cafétéria", "Cuisine"],
        (6, 20),
        {"cuisine": 6, "manutention": 3, "psychosocial": 2, "incendie": 1},
    ),
]
PEOPLE = {
    "lab_chem": "Chercheurs, techniciens, doctorants",
    "lab_bio": "Chercheurs et techniciens",
    "lab_phys": "Utilisateurs habilités de la plateforme",
    "workshop": "Agents des services techniques",
    "office": "Personnels administratifs et enseignants-chercheurs",
    "teaching": "Enseignants et élèves",
    "kitchen": "Personnel du restaurant",
}
DETAILS = [
    "",
    "",
    " Poste principal.",
    " Activité ponctuelle, quelques jours par mois.",
    " En présence d'élèves ou de stagiaires.",
    " Travail isolé en fin de journée.",
    " Lors des opérations de maintenance.",
    " Lors des pics d'activité.",
]
AGENTS = 100  # prevention agents for 10 000 employees
ACTIONS_PER_ENTRY = ((0, 20), (1, 35), (2, 25), (3, 13), (4, 7))
BENCH_UNITS = 6  # units of the bench prevention login


def _family_code(hazard: Hazard) -> str:
    """The profile key of a hazard (its family code, finer for some families)."""
    name = hazard.name.lower()
    for key, words in (
        ("cuisine", ("cuisine",)),
        ("amiante", ("amiante",)),
        ("ecran", ("écran", "musculo")),
        ("routier", ("véhicule",)),
        ("pression", ("autoclave", "gaz comprimé")),
        ("manutention", ("charges",)),
        ("bruit", ("bruit",)),
        ("incendie", ("feu", "explosive")),
        ("hauteur", ("hauteur",)),
        ("electrique", ("tension",)),
        ("psychosocial", ("charge de travail", "conflits")),
    ):
        if any(word in name for word in words):
            return key
    return hazard.family.code


def _moment(day: date, hour: int = 10) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def _agents(dataset: Dataset) -> list[User]:
    """``scaled(AGENTS)`` synthetic employees join the prevention group."""
    rng = dataset.rng
    manager_of = dataset.shared["manager_of"]
    leaders = set(manager_of.values())
    bench = {p.pk for p in dataset.shared["bench_employees"].values()}
    candidates = [pk for pk in dataset.shared["employee_ids"] if pk not in leaders | bench]
    chosen = rng.sample(candidates, min(len(candidates), dataset.scaled(AGENTS, minimum=3)))
    user_of = dataset.shared["user_of"]
    group = Group.objects.get(name=Role.PREVENTION.value)
    through = User.groups.through
    bulk(through, (through(user_id=user_of[pk], group_id=group.pk) for pk in chosen))
    return list(User.objects.filter(pk__in=[user_of[pk] for pk in chosen]).order_by("pk"))


def _units(dataset: Dataset, agents: list[User]) -> tuple[list[WorkUnit], list[str]]:
    rng = dataset.rng
    departments = list(
        Department.objects.filter(pk__in=dataset.shared["department_ids"]).order_by("pk")
    )
    agent_department = dict(
        Employee.objects.filter(user__in=agents).values_list("user_id", "department_id")
    )
    agents_by_department: dict[int, list[User]] = {}
    for agent in agents:
        agents_by_department.setdefault(agent_department.get(agent.pk), []).append(agent)
    units, profiles = [], []
    weights = [p[1] for p in PROFILES]
    for i in range(dataset.scaled(300)):
        department = departments[i % len(departments)]
        profile = rng.choices(PROFILES, weights=weights)[0]
        key, _weight, names, (low, high), _hazards = profile
        room = f"{rng.choice('ABCDEFG')}{rng.randint(1, 3)}{rng.randint(0, 40):02d}"
        units.append(
            WorkUnit(
                code=f"{PREFIX}{i + 1:04d}",
                name=f"{department.name} – {rng.choice(names)} ({room})",
                site_id=department.site_id,
                department=department,
                headcount_exposed=rng.randint(low, high),
                description=f"Unité de travail {key.replace('_', ' ')} du {department.name}.",
            )
        )
        profiles.append(key)
    units = bulk_create_with_history(units, WorkUnit, batch_size=BATCH_SIZE)
    # One to three agents per unit, of the unit's department when there is one.
    through = WorkUnit.agents.through
    links, unit_agents = [], {}
    for unit in units:
        local = agents_by_department.get(unit.department_id) or agents
        count = rng.choices((1, 2, 3), weights=(55, 35, 10))[0]
        picked = rng.sample(local, min(count, len(local)))
        if len(picked) < count:
            picked += [a for a in rng.sample(agents, count) if a not in picked][
                : count - len(picked)
            ]
        unit_agents[unit.pk] = [a.pk for a in picked]
    bench = dataset.shared["bench_users"][Role.PREVENTION.value]
    bench_department = Employee.objects.filter(user=bench).values_list("department_id", flat=True)
    own = [u for u in units if u.department_id in set(bench_department)]
    others = [u for u in units if u not in own]
    for unit in (own + rng.sample(others, len(others)))[:BENCH_UNITS]:
        unit_agents[unit.pk].append(bench.pk)
    for unit_pk, user_pks in unit_agents.items():
        links += [through(workunit_id=unit_pk, user_id=pk) for pk in user_pks]
    bulk(through, links)
    dataset.shared["safety_unit_agents"] = unit_agents
    return units, profiles


def _entries(dataset: Dataset, units, profiles, method) -> list[RiskEntry]:
    rng, today = dataset.rng, dataset.today
    hazards = list(Hazard.objects.filter(active=True).select_related("family"))
    by_key: dict[str, list[Hazard]] = {}
    for hazard in hazards:
        by_key.setdefault(_family_code(hazard), []).append(hazard)
    profile_of = {p[0]: p for p in PROFILES}
    method_data = method.as_dict()
    unit_agents = dataset.shared["safety_unit_agents"]
    total = dataset.scaled(5000)
    # Spread the entries on the units, the bigger ones getting more.
    counts = [1] * len(units)
    for index in rng.choices(
        range(len(units)), weights=[u.headcount_exposed + 10 for u in units], k=total - len(units)
    ):
        counts[index] += 1
    entries = []
    for unit, key, count in zip(units, profiles, counts, strict=True):
        pool = profile_of[key][4]
        keys = [k for k in pool if k in by_key] or list(by_key)
        for _n in range(count):
            hazard = rng.choice(
                by_key[rng.choices(keys, weights=[pool.get(k, 1) for k in keys])[0]]
            )
            situations = [s.strip() for s in hazard.typical_situations.split(";") if s.strip()]
            situation = (rng.choice(situations) if situations else hazard.name).rstrip(".")
            measures = [m for m in hazard.typical_measures.splitlines() if m.strip()]
            kept = rng.sample(measures, rng.randint(0, len(measures))) if measures else []
            gravity = rng.choices((1, 2, 3, 4), weights=(10, 35, 35, 20))[0]
            probability = rng.choices((1, 2, 3, 4), weights=(20, 40, 30, 10))[0]
            control = rng.choices((1, 2, 3), weights=(45, 45, 10))[0]
            rating = rate(method_data, gravity, probability, control)
            created = today - timedelta(days=rng.randint(30, 6 * 365))
            entry = RiskEntry(
                work_unit=unit,
                hazard=hazard,
                situation=f"{situation[:1].upper()}{situation[1:]}.{rng.choice(DETAILS)}",
                people_exposed=PEOPLE[key],
                exposed_count=rng.randint(1, max(1, unit.headcount_exposed)),
                existing_measures="\n".join(kept),
                gravity=gravity,
                probability=probability,
                control_level=control,
                method=method,
                score=rating.score,
                priority=rating.priority,
                active=rng.random() > 0.03,
                created_by_id=rng.choice(unit_agents[unit.pk]),
            )
            entry.created_at = _moment(created)
            entry._history_date = entry.created_at
            entries.append(entry)
    entries = bulk_with_history(RiskEntry, entries, dated=("created_at", "updated_at"))
    return entries


def _status(rng, due: date, today: date) -> tuple[str, date | None]:
    """A realistic state for an action due on ``due``, and its completion date."""
    if due < today - timedelta(days=90):
        weights = (5, 7, 80, 8)
    elif due < today:
        weights = (12, 33, 50, 5)
    else:
        weights = (55, 33, 10, 2)
    status = rng.choices(
        (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.CANCELLED),
        weights=weights,
    )[0]
    if status != ActionStatus.DONE:
        return status, None
    done = due + timedelta(days=rng.randint(-60, 20))
    return status, min(done, today - timedelta(days=rng.randint(0, 3)))


def _actions(dataset: Dataset, entries) -> list[ActionItem]:
    rng, today = dataset.rng, dataset.today
    unit_agents = dataset.shared["safety_unit_agents"]
    bench = dataset.shared["bench_users"][Role.PREVENTION.value]
    numbers, weights = zip(*ACTIONS_PER_ENTRY, strict=True)
    actions = []
    for entry in entries:
        measures = [m.strip() for m in entry.hazard.typical_measures.splitlines() if m.strip()]
        count = rng.choices(numbers, weights=weights)[0]
        if not entry.active:
            count = min(count, 1)
        owners = unit_agents[entry.work_unit_id]
        for _n in range(count):
            entry_created = entry.created_at.date()
            created = entry_created + timedelta(days=rng.randint(0, (today - entry_created).days))
            due = created + timedelta(days=rng.randint(30, 540))
            status, done_on = _status(rng, due, today)
            if done_on is not None and done_on < created:
                done_on = created
            owner = bench.pk if bench.pk in owners and rng.random() < 0.5 else rng.choice(owners)
            budget = 0 if rng.random() < 0.3 else rng.randint(2, 400) * 50
            title = rng.choice(measures) if measures else f"Prévention : {entry.hazard.name}"
            action = ActionItem(
                entry=entry,
                title=title[:255],
                description=f"{entry.work_unit.name} : {entry.situation}"[:1000],
                owner_id=owner,
                due_date=due,
                budget=Decimal(budget),
                status=status,
                done_on=done_on,
            )
            action.created_at = _moment(created, 9)
            action._history_date = action.created_at
            actions.append(action)
    # The bench prevention login: a few of its open actions are late.
    mine = [a for a in actions if a.owner_id == bench.pk]
    for action in mine[:3]:
        action.status, action.done_on = ActionStatus.IN_PROGRESS, None
        action.due_date = today - timedelta(days=rng.randint(5, 60))
        action.created_at = action._history_date = _moment(action.due_date - timedelta(days=120))
    actions = bulk_with_history(ActionItem, actions, dated=("created_at",))
    return actions


def build(dataset: Dataset) -> dict[str, int]:
    method = services.current_method()
    agents = _agents(dataset)
    units, profiles = _units(dataset, agents)
    entries = _entries(dataset, units, profiles, method)
    actions = _actions(dataset, entries)
    dataset.shared.update(
        safety_unit_ids=[u.pk for u in units],
        safety_unit_profiles={u.pk: key for u, key in zip(units, profiles, strict=True)},
        safety_agent_user_ids=[a.pk for a in agents],
        safety_action_ids=[a.pk for a in actions],
    )
    return {
        "agents de prévention": len(agents),
        "unités de travail": len(units),
        "risques évalués": len(entries),
        "actions de prévention": len(actions),
        "dont ouvertes en retard": sum(
            1
            for a in actions
            if a.status in (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)
            and a.due_date < dataset.today
        ),
    }
