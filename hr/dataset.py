"""The benchmark's people (``manage.py bench_dataset``, ``imtsocial.datasets``).

N employees in ``scaled(60)`` services on three sites, in teams of about fifteen under
a manager (managers report to their service's head), each with a login, one contract in
force today (civil servants, CDI, CDD, PhD students, apprentices, part-time for some),
an earlier ended CDD for some, and a salary record every year over the last ten years of
each contract, with their history rows (``bulk_create_with_history``), as an import or a
form would leave them. One ``bench-<role>@bench.example`` login per role: the manager
leads a team that includes the employee; the group roles have their group; the talent
developer is trained. Everything is written in bulk.
"""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import Group
from simple_history.utils import bulk_create_with_history

from hr.enums import ContractKind
from hr.models import Contract, Department, Employee, SalaryRecord, Site, TalentDeveloper
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import GROUP_ROLES, Role
from imtsocial.datasets import BATCH_SIZE, BENCH_DOMAIN, Dataset, bench_email, bulk

PREFIX = "BENCH-"
TEAM_SIZE = 15
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Thomas",
    "Petit",
    "Robert",
    "Richard",
    "Durand",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Lefèvre",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
]
FIRST_NAMES = [
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Emma",
    "Inès",
    "Sarah",
    "Jade",
    "Louise",
    "Alice",
    "Lucas",
    "Hugo",
    "Louis",
    "Gabriel",
    "Arthur",
    "Jules",
    "Adam",
    "Raphaël",
    "Paul",
    "Nathan",
    "Élodie",
    "Margaux",
    "Bastien",
    "Julien",
    "Sophie",
    "Nicolas",
    "Hélène",
    "Marc",
]
# kind, weight, first start year, planned length in years (None: open-ended)
PROFILES = [
    (ContractKind.TITULAIRE, 60, 1995, None),
    (ContractKind.CDI, 20, 2005, None),
    (ContractKind.CDD, 9, None, 3),
    (ContractKind.DOCTORANT, 9, None, 3),
    (ContractKind.APPRENTI, 2, None, 2),
]
BASE_PAY = {"A": 3600, "B": 2600, "C": 2000}


def _contract(dataset: Dataset, employee: Employee) -> tuple[Contract, Decimal]:
    rng, today = dataset.rng, dataset.today
    kind, _weight, first, years = rng.choices(PROFILES, weights=[p[1] for p in PROFILES])[0]
    if years is None:
        start = date(rng.randint(first, today.year - 1), rng.choice((1, 9)), 1)
        end = None
    else:  # in force today: started less than ``years`` years ago
        start = date(today.year - rng.randint(0, years - 1), rng.choice((1, 9)), 1)
        if start > today:
            start = date(start.year - 1, start.month, 1)
        end = date.fromordinal(date(start.year + years, start.month, 1).toordinal() - 1)
    category = "" if kind == ContractKind.DOCTORANT else rng.choice("AAABBC")
    ratio = rng.choices((100, 80, 50), weights=(87, 10, 3))[0]
    if kind == ContractKind.DOCTORANT:
        pay = Decimal(rng.randint(2200, 2400))
    else:
        pay = Decimal(BASE_PAY[category] + rng.randint(0, 3500)) * ratio / 100
    contract = Contract(
        employee=employee,
        kind=kind,
        start=start,
        end=end,
        signed_on=date.fromordinal(start.toordinal() - 30),
        working_time_ratio=ratio,
        category=category,
    )
    return contract, pay.quantize(Decimal("0.01"))


def _salaries(dataset: Dataset, contract: Contract, pay: Decimal) -> list[SalaryRecord]:
    """One record at the start, then every 1st January of the last ten years (1.5 % a year
    up to today's ``pay``)."""
    today = dataset.today
    last = min(contract.end, today) if contract.end else today
    years = range(max(contract.start.year + 1, today.year - 9), last.year + 1)
    dates = [contract.start] + [date(y, 1, 1) for y in years]
    records = []
    for step, effective in enumerate(dates):
        amount = pay * Decimal("1.015") ** (step - len(dates) + 1)
        records.append(
            SalaryRecord(
                contract=contract,
                effective_date=effective,
                gross_monthly=amount.quantize(Decimal("0.01")),
            )
        )
    return records


def build(dataset: Dataset) -> dict[str, int]:
    rng, n = dataset.rng, dataset.employees
    sites = [
        Site.objects.get_or_create(code=f"bench{i}", defaults={"name": f"Site {name}"})[0]
        for i, name in enumerate(("Alès", "Nîmes", "Montpellier"))
    ]
    departments = bulk(
        Department,
        (
            Department(code=f"bench{i}", name=f"Service {i + 1:03d}", site=sites[i % 3])
            for i in range(dataset.scaled(60))
        ),
    )
    people = []
    for i in range(n):
        department = departments[i % len(departments)]
        people.append(
            Employee(
                employee_number=f"{PREFIX}{i:06d}",
                last_name=LAST_NAMES[(i * 7) % len(LAST_NAMES)],
                first_name=FIRST_NAMES[i % len(FIRST_NAMES)],
                work_email=f"agent{i:06d}@staff.{BENCH_DOMAIN}",
                site=department.site,
                department=department,
                category=rng.choice("AAABBC"),
                job_title=rng.choice(("Ingénieur", "Technicien", "Gestionnaire", "Chercheur")),
            )
        )
    users = [
        User(email=p.work_email, first_name=p.first_name, last_name=p.last_name) for p in people
    ]
    for user in users:
        user.set_unusable_password()  # an invitation would let them choose one
    users = bulk(User, users)
    for person, user in zip(people, users, strict=True):
        person.user = user
    contracts, pays = [], []
    for person in people:
        contract, pay = _contract(dataset, person)
        if rng.random() < 0.3 and contract.start.year > 2000:
            end = date(contract.start.year - 1, 12, 31)
            contracts.append(
                Contract(
                    employee=person,
                    kind=ContractKind.CDD,
                    start=date(end.year - 2, 1, 1),
                    end=end,
                    category=contract.category or "B",
                )
            )
            pays.append(pay * Decimal("0.9"))
        contracts.append(contract)
        pays.append(pay)
    # Arrived with their first contract (the onboarding of recent arrivals follows it).
    for contract in contracts:
        person = contract.employee
        if person.hire_date is None or contract.start < person.hire_date:
            person.hire_date = contract.start
    for i, person in enumerate(people):  # hired between 22 and 41 years old
        person.birth_date = date(person.hire_date.year - 22 - i % 20, 1 + i % 12, 1 + i % 28)
    people = bulk_create_with_history(people, Employee, batch_size=BATCH_SIZE)
    # The hierarchy: the first of each service is its head; teams of TEAM_SIZE under a
    # manager, managers under the head.
    by_department: dict[int, list[Employee]] = {}
    for person in people:
        by_department.setdefault(person.department_id, []).append(person)
    manager_of: dict[int, int | None] = {}
    for department in departments:
        members = by_department.get(department.pk, [])
        if not members:
            continue
        head, rest = members[0], members[1:]
        department.head = head
        manager_of[head.pk] = None
        for start in range(0, len(rest), TEAM_SIZE + 1):
            team_manager, team = rest[start], rest[start + 1 : start + TEAM_SIZE + 1]
            manager_of[team_manager.pk] = head.pk
            for member in team:
                manager_of[member.pk] = team_manager.pk
    for person in people:
        person.manager_id = manager_of[person.pk]
    Employee.objects.bulk_update(people, ["manager"], batch_size=BATCH_SIZE)
    Department.objects.bulk_update(departments, ["head"], batch_size=BATCH_SIZE)

    contracts = bulk_create_with_history(contracts, Contract, batch_size=BATCH_SIZE)
    salaries = []
    for contract, pay in zip(contracts, pays, strict=True):
        salaries.extend(_salaries(dataset, contract, pay))
    salaries = bulk_create_with_history(salaries, SalaryRecord, batch_size=5000)

    # The role logins: the manager leads the second team of the first service, the
    # employee is in it; the others are members of other teams.
    leaders = set(manager_of.values())
    manager = next(p for p in people if p.pk in leaders and manager_of[p.pk] is not None)
    team = [p for p in people if manager_of[p.pk] == manager.pk]
    chosen = {Role.MANAGER: manager, Role.EMPLOYEE: team[0]}
    others = (p for p in people if p.pk not in leaders and p not in chosen.values())
    for role in Role:
        chosen.setdefault(role, next(others))
    bench_users = {}
    for role, person in chosen.items():
        user = User.objects.get(pk=person.user_id)
        user.email = bench_email(role)
        user.first_name, user.last_name = person.first_name, f"{person.last_name} ({role.label})"
        user.save(update_fields=["email", "first_name", "last_name"])
        if role in GROUP_ROLES:
            user.groups.add(Group.objects.get(name=role.value))
        bench_users[role.value] = user
    TalentDeveloper.objects.create(
        employee=chosen[Role.TALENT_DEVELOPER], trained_on=date(dataset.today.year - 2, 6, 1)
    )
    dataset.shared.update(
        employee_ids=[p.pk for p in people],
        manager_of=manager_of,
        user_of={p.pk: p.user_id for p in people},
        bench_users=bench_users,
        bench_employees={role.value: person for role, person in chosen.items()},
        department_ids=[d.pk for d in departments],
    )
    return {
        "services": len(departments),
        "agents": len(people),
        "comptes": len(users),
        "contrats": len(contracts),
        "salaires": len(salaries),
    }
