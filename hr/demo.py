"""Demo data of hr/: the school at 31/12/2020, as the DD&RS chapter describes it.

Idempotent: objects are matched on natural keys (codes, employee numbers,
e-mails), so a second run changes nothing.
"""

import random
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from simple_history.utils import bulk_create_with_history

from hr.enums import Category, ContractKind, DepartmentKind
from hr.models import (
    Contract,
    Department,
    Employee,
    PayBenchmark,
    SalaryRecord,
    Site,
    TalentDeveloper,
)
from imtsocial.accounts.roles import Role
from imtsocial.demo import DEMO_DOMAIN, DEMO_LOGINS, demo_email, ensure_demo_logins
from imtsocial.refdata.services import reference_row_add

STAFF_SIZE = 330
TALENT_DEVELOPERS = 23

SITES = [
    ("clavieres", "Clavières", "6 avenue de Clavières, 30100 Alès"),
    ("croupillac", "Croupillac", "7 rue Jules Renard, 30100 Alès"),
]
# code, name, kind, site, weight in the staff
DEPARTMENTS = [
    ("dir", "Direction", DepartmentKind.SERVICE, "clavieres", 8),
    ("rh", "Ressources humaines", DepartmentKind.SERVICE, "clavieres", 12),
    ("dsi", "Pôle informatique", DepartmentKind.SERVICE, "clavieres", 16),
    ("st", "Services techniques", DepartmentKind.SERVICE, "clavieres", 20),
    ("hs", "Hygiène et sécurité", DepartmentKind.SERVICE, "croupillac", 4),
    ("resto", "Restaurant collectif", DepartmentKind.SERVICE, "clavieres", 14),
    ("scol", "Scolarité et vie étudiante", DepartmentKind.SERVICE, "clavieres", 18),
    ("af", "Affaires financières", DepartmentKind.SERVICE, "clavieres", 12),
    ("com", "Communication", DepartmentKind.SERVICE, "clavieres", 8),
    ("c2ma", "C2MA – Centre des matériaux", DepartmentKind.LABORATORY, "croupillac", 70),
    (
        "lgei",
        "LGEI – Génie de l'environnement industriel",
        DepartmentKind.LABORATORY,
        "clavieres",
        60,
    ),
    (
        "lgi2p",
        "LGI2P – Génie informatique et ingénierie de production",
        DepartmentKind.LABORATORY,
        "croupillac",
        60,
    ),
]
FIRST_NAMES = [
    "Camille",
    "Léa",
    "Manon",
    "Chloé",
    "Julie",
    "Sarah",
    "Laura",
    "Marion",
    "Pauline",
    "Claire",
    "Émilie",
    "Céline",
    "Nathalie",
    "Sophie",
    "Isabelle",
    "Sandrine",
    "Hélène",
    "Anne",
    "Aurélie",
    "Lucie",
    "Thomas",
    "Nicolas",
    "Julien",
    "Maxime",
    "Alexandre",
    "Antoine",
    "Pierre",
    "Romain",
    "Guillaume",
    "Sébastien",
    "Laurent",
    "Olivier",
    "Christophe",
    "Philippe",
    "Mathieu",
    "Éric",
    "David",
    "François",
    "Jérôme",
    "Vincent",
    "Benoît",
    "Karim",
    "Yasmine",
    "Mehdi",
    "Inès",
    "Wei",
    "Mei",
    "Rahul",
    "Priya",
    "Lucas",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Legrand",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Guérin",
    "Muller",
    "Henry",
    "Roussel",
    "Nicolas",
    "Perrin",
    "Morin",
    "Mathieu",
    "Clément",
    "Gauthier",
    "Dumont",
    "Lopez",
    "Fontaine",
    "Chevalier",
    "Robin",
    "Masson",
    "Sanchez",
    "Boyer",
    "Chabrol",
    "Valette",
    "Pellet",
    "Teissier",
    "Roumieux",
    "Bastide",
    "Jourdan",
    "Rouvière",
]

# The department of each demo login's staff record.
DEMO_DEPARTMENTS = {
    Role.EMPLOYEE: "c2ma",
    Role.MANAGER: "c2ma",
    Role.HR: "rh",
    Role.IT: "dsi",
    Role.SOCIAL_ACTION: "rh",
    Role.PREVENTION: "hs",
    Role.TALENT_DEVELOPER: "lgei",
    Role.DIRECTOR: "dir",
    Role.DPO: "dir",
}


def build():
    rng = random.Random(2020)  # deterministic: a second run computes the same people
    sites = {
        code: Site.objects.update_or_create(code=code, defaults={"name": name, "address": addr})[0]
        for code, name, addr in SITES
    }
    departments = {
        code: Department.objects.update_or_create(
            code=code, defaults={"name": name, "kind": kind, "site": sites[site]}
        )[0]
        for code, name, kind, site, _weight in DEPARTMENTS
    }
    heads = _build_heads(rng, departments)
    _build_staff(rng, departments, heads)
    _build_demo_logins(departments, heads)
    _build_talent_developers(rng)
    _build_benchmarks()
    _build_contracts(rng)
    _build_recent_cohort(rng, departments, heads)


def _person(rng, number, department, **extra):
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    hire_year = rng.randint(1988, 2020)
    fields = {
        "employee_number": number,
        "first_name": first,
        "last_name": last,
        "work_email": f"{number.lower()}@{DEMO_DOMAIN}",
        "site": department.site,
        "department": department,
        "hire_date": date(hire_year, rng.randint(1, 12), 1),
        "category": rng.choice([Category.A, Category.A, Category.B, Category.C]),
    }
    return Employee(**(fields | extra))


def _build_heads(rng, departments):
    heads = {}
    director = None
    for index, (code, _name, _kind, _site, _weight) in enumerate(DEPARTMENTS):
        number = f"H{index + 1:03d}"
        # Always draw the person so that the random stream is the same on every run.
        candidate = _person(rng, number, departments[code], category=Category.A)
        employee = Employee.objects.filter(employee_number=number).first()
        if employee is None:
            employee = candidate
            employee.job_title = "Responsable"
            employee.save()
        heads[code] = employee
        if code == "dir":
            director = employee
    for code, head in heads.items():
        if code != "dir" and head.manager_id is None:
            head.manager = director
            head.save(update_fields=["manager"])
        department = departments[code]
        if department.head_id != head.pk:
            department.head = head
            department.save(update_fields=["head"])
    return heads


def _build_staff(rng, departments, heads):
    existing = set(Employee.objects.values_list("employee_number", flat=True))
    codes = [code for code, *_ in DEPARTMENTS]
    weights = [weight for *_rest, weight in DEPARTMENTS]
    new = []
    for index in range(STAFF_SIZE - len(heads)):
        code = rng.choices(codes, weights)[0]
        number = f"E{index + 1:04d}"
        person = _person(rng, number, departments[code], manager=heads[code])
        if number not in existing:
            new.append(person)
    if new:
        bulk_create_with_history(new, Employee, batch_size=500)


def _build_demo_logins(departments, heads):
    """The staff record of each demo login (created by ``imtsocial.demo``)."""
    logins = ensure_demo_logins()
    for index, (role, first, last, _groups) in enumerate(DEMO_LOGINS):
        user, code = logins[role], DEMO_DEPARTMENTS[role]
        number = f"D{index + 1:03d}"
        department = departments[code]
        employee = Employee.objects.filter(employee_number=number).first()
        if role == Role.MANAGER:
            # The demo manager heads the C2MA laboratory: reuse its head's record.
            employee = heads[code]
        elif role == Role.DIRECTOR:
            employee = heads["dir"]
        elif employee is None:
            employee = Employee(
                employee_number=number,
                site=department.site,
                department=department,
                hire_date=date(2015, 9, 1),
                category=Category.A,
            )
        desired = {
            "first_name": first,
            "last_name": last,
            "work_email": user.email,
            "user_id": user.pk,
        }
        if employee.pk is None or role not in (Role.MANAGER, Role.DIRECTOR):
            desired["manager_id"] = heads[code].pk if role != Role.DIRECTOR else None
        changed = [k for k, v in desired.items() if getattr(employee, k) != v]
        if employee.pk is None or changed:
            for key, value in desired.items():
                setattr(employee, key, value)
            if employee.manager_id is not None and employee.manager_id == employee.pk:
                employee.manager_id = None
            employee.save()


def _build_talent_developers(rng):
    tania = Employee.objects.get(user__email=demo_email(Role.TALENT_DEVELOPER))
    TalentDeveloper.objects.get_or_create(
        employee=tania, defaults={"trained_on": date(2019, 6, 14)}
    )
    missing = TALENT_DEVELOPERS - TalentDeveloper.objects.count()
    if missing <= 0:
        return
    candidates = list(
        Employee.objects.filter(talent_developer__isnull=True, user__isnull=True)
        .order_by("employee_number")
        .values_list("pk", flat=True)
    )
    chosen = rng.sample(candidates, missing)
    TalentDeveloper.objects.bulk_create(
        TalentDeveloper(employee_id=pk, trained_on=date(2019, 6, 14)) for pk in chosen
    )


# The figures of section A of the 2020 chapter, reached by the data (never written
# into a template): excluding the PhD students, 90 % permanent, 3 % CDD under two
# years, 7 % two years or more; average gross monthly pay of permanent staff 4 090 €.
REFERENCE_DATE = date(2020, 12, 31)
LAB_CODES = {"c2ma", "lgei", "lgi2p"}
PHD_STUDENTS = 60
SHORT_CDD = 8
LONG_CDD = 19
PERMANENT_AVERAGE_2020 = Decimal("4090.00")
UNDERPAID = 3  # category C staff paid below the benchmark, for the HR alert page
CENT = Decimal("0.01")

BENCHMARKS = [
    # category, valid from, minimum gross monthly (full time): above every SMIC of its period
    (Category.A, date(2020, 1, 1), "2100.00"),
    (Category.B, date(2020, 1, 1), "1700.00"),
    (Category.C, date(2020, 1, 1), "1600.00"),
    (Category.C, date(2022, 1, 1), "1700.00"),  # SMIC of 2022: 1 603,12 € then 1 678,95 €
    (Category.A, date(2023, 1, 1), "2300.00"),
    (Category.B, date(2023, 1, 1), "1850.00"),
    (Category.C, date(2023, 1, 1), "1760.00"),
    (Category.C, date(2024, 1, 1), "1800.00"),
    (Category.C, date(2024, 11, 1), "1820.00"),  # SMIC of 1 November 2024: 1 801,80 €
    (Category.A, date(2025, 1, 1), "2400.00"),
    (Category.B, date(2025, 1, 1), "1950.00"),
    (Category.C, date(2025, 1, 1), "1850.00"),
]
GRADES = {
    (ContractKind.TITULAIRE, Category.A): ["Maître-assistant", "Ingénieur d'études", "Professeur"],
    (ContractKind.TITULAIRE, Category.B): ["Technicien supérieur", "Secrétaire administratif"],
    (ContractKind.TITULAIRE, Category.C): ["Adjoint technique", "Adjoint administratif"],
    (ContractKind.CDI, Category.A): ["Ingénieur de recherche", "Chargé de mission"],
    (ContractKind.CDI, Category.B): ["Technicien", "Assistant de gestion"],
    (ContractKind.CDI, Category.C): ["Agent technique", "Agent de restauration"],
}
PAY_2020 = {Category.A: (5400, 800), Category.B: (3100, 350), Category.C: (2350, 250)}


def _build_benchmarks():
    """Each value ends the day before the next one of its category starts (each is then
    checked against the SMIC of its own period only)."""
    rows = sorted(BENCHMARKS)
    for (category, valid_from, amount), following in zip(rows, [*rows[1:], None], strict=True):
        if PayBenchmark.objects.filter(category=category, valid_from=valid_from).exists():
            continue
        same = following is not None and following[0] == category
        row = PayBenchmark(
            category=category,
            valid_from=valid_from,
            valid_to=following[1] - timedelta(days=1) if same else None,
            minimum_gross_monthly=Decimal(amount),
            source="Cadre de gestion IMT (démonstration)",
        )
        row.replaces_latest = True
        reference_row_add(row=row, by=None)


def _money(value) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def _build_contracts(rng):
    """Contract history and pay of every demo employee, built once."""
    if Contract.objects.exists():
        return
    employees = list(Employee.objects.select_related("department").order_by("employee_number"))
    ordinary = [e for e in employees if e.user_id is None and e.employee_number.startswith("E")]
    phds = rng.sample([e for e in ordinary if e.department.code in LAB_CODES], PHD_STUDENTS)
    phd_ids = {e.pk for e in phds}
    fixed = rng.sample([e for e in ordinary if e.pk not in phd_ids], SHORT_CDD + LONG_CDD)
    fixed_ids = {e.pk for e in fixed}
    permanents = [e for e in employees if e.pk not in phd_ids | fixed_ids]

    contracts: list[Contract] = []
    salaries: list[tuple[Contract, date, Decimal]] = []

    for index, employee in enumerate(phds):
        start = date(2018 + index % 3, 10, 1)
        contract = Contract(
            employee=employee,
            kind=ContractKind.DOCTORANT,
            start=start,
            end=date(start.year + 3, 9, 30),
            signed_on=start - timedelta(days=60),
            category=Category.A,
            grade="Doctorant",
        )
        contracts.append(contract)
        salaries.append((contract, start, Decimal("1758.00")))
        if contract.end >= date(2023, 1, 1):
            salaries.append((contract, date(2023, 1, 1), Decimal("2044.12")))
        employee.hire_date, employee.leave_date, employee.category = start, contract.end, Category.A

    for index, employee in enumerate(fixed):
        if index < SHORT_CDD:  # one-year contracts
            start = date(2020, 1 + index, 1)
            end = date(2020 + 1, 1 + index, 1) - timedelta(days=1)
        else:  # three-year contracts
            start = date(2019, 1 + (index % 12), 1)
            end = date(2022, 1 + (index % 12), 1) - timedelta(days=1)
        category = employee.category or Category.B
        contract = Contract(
            employee=employee,
            kind=ContractKind.CDD,
            start=start,
            end=end,
            category=category,
            grade="Contractuel",
        )
        contracts.append(contract)
        salaries.append((contract, start, _money(rng.uniform(2300, 2900))))
        employee.hire_date, employee.leave_date = start, end

    # Permanent staff: the 2020 pay drawn by category, then the whole group shifted
    # so that its average is the chapter's figure.
    pay_2020 = {}
    underpaid = [e for e in permanents if e.category == Category.C][:UNDERPAID]
    for employee in permanents:
        mean, spread = PAY_2020[employee.category or Category.B]
        pay_2020[employee.pk] = Decimal(str(round(max(rng.gauss(mean, spread), 1900), 2)))
    for employee in underpaid:
        pay_2020[employee.pk] = Decimal("1580.00")
    adjustable = [e.pk for e in permanents if e not in underpaid]
    delta = (PERMANENT_AVERAGE_2020 * len(permanents) - sum(pay_2020.values())) / len(adjustable)
    for pk in adjustable:
        pay_2020[pk] = _money(pay_2020[pk] + delta)
    # Rounding leftovers go to one person so that the average is exact to the cent.
    pay_2020[adjustable[0]] += PERMANENT_AVERAGE_2020 * len(permanents) - sum(pay_2020.values())

    for employee in permanents:
        hire = employee.hire_date or date(2010, 9, 1)
        kind = ContractKind.TITULAIRE if rng.random() < 0.65 else ContractKind.CDI
        category = employee.category or Category.B
        start = hire
        amount = pay_2020[employee.pk]
        if rng.random() < 0.25 and hire <= date(2018, 6, 1):  # began on a two-year CDD
            cdd_end = date(hire.year + 2, hire.month, 1) - timedelta(days=1)
            cdd = Contract(
                employee=employee,
                kind=ContractKind.CDD,
                start=hire,
                end=cdd_end,
                category=category,
                grade="Contractuel",
            )
            contracts.append(cdd)
            salaries.append((cdd, hire, _money(amount * Decimal("0.80"))))
            start = cdd_end + timedelta(days=1)
        contract = Contract(
            employee=employee,
            kind=kind,
            start=start,
            category=category,
            grade=rng.choice(GRADES[(kind, category)]),
        )
        contracts.append(contract)
        years_before = max(0, 2019 - start.year)
        first = amount * (1 - Decimal("0.012") * years_before) if start.year < 2019 else amount
        salaries.append((contract, start, _money(first)))
        if start < date(2019, 1, 1):
            salaries.append((contract, date(2019, 1, 1), amount))
        later = _money(amount * Decimal("1.035"))
        salaries.append((contract, date(2022, 7, 1), later))
        final = Decimal("1830.00") if employee in underpaid else _money(later * Decimal("1.02"))
        salaries.append((contract, date(2024, 1, 1), final))

    bulk_create_with_history(contracts, Contract, batch_size=500)
    bulk_create_with_history(
        [
            SalaryRecord(contract=contract, effective_date=effective, gross_monthly=amount)
            for contract, effective, amount in salaries
        ],
        SalaryRecord,
        batch_size=1000,
    )
    Employee.objects.bulk_update(
        phds + fixed, ["hire_date", "leave_date", "category"], batch_size=500
    )


RECENT_PHD_STUDENTS = 54
RECENT_CDD = 18


def _build_recent_cohort(rng, departments, heads):
    """People hired after 2020, so that today's pages show current PhD students and
    fixed-term staff too. None of them is in force at 31/12/2020."""
    if Employee.objects.filter(employee_number__startswith="R").exists():
        return
    labs = [code for code in departments if code in LAB_CODES]
    services = [code for code in departments if code not in LAB_CODES]
    people, contracts, salaries = [], [], []
    for index in range(RECENT_PHD_STUDENTS + RECENT_CDD):
        phd = index < RECENT_PHD_STUDENTS
        code = rng.choice(labs if phd else labs + services)
        employee = _person(rng, f"R{index + 1:04d}", departments[code], manager=heads[code])
        if phd:
            start = date(2023 + index % 3, 10, 1)
            end = date(start.year + 3, 9, 30)
            contract = Contract(
                employee=employee,
                kind=ContractKind.DOCTORANT,
                start=start,
                end=end,
                signed_on=start - timedelta(days=60),
                category=Category.A,
                grade="Doctorant",
            )
            amounts = [(start, Decimal("2100.00") if start.year == 2023 else Decimal("2200.00"))]
            amounts += [
                (date(y, 1, 1), a)
                for y, a in ((2025, "2200.00"), (2026, "2300.00"))
                if start < date(y, 1, 1)
            ]
        else:
            start = date(2024 + index % 2, 1 + index % 12, 1)
            months = 12 if index % 3 else 30
            end = date(
                start.year + (start.month - 1 + months) // 12,
                (start.month - 1 + months) % 12 + 1,
                1,
            ) - timedelta(days=1)
            contract = Contract(
                employee=employee,
                kind=ContractKind.CDD,
                start=start,
                end=end,
                category=employee.category or Category.B,
                grade="Contractuel",
            )
            amounts = [(start, _money(rng.uniform(2300, 3100)))]
        employee.hire_date, employee.leave_date = start, end
        employee.category = contract.category
        people.append(employee)
        contracts.append(contract)
        salaries += [(contract, when, Decimal(amount)) for when, amount in amounts]
    bulk_create_with_history(people, Employee, batch_size=500)
    for contract in contracts:
        contract.employee_id = contract.employee.pk
    bulk_create_with_history(contracts, Contract, batch_size=500)
    bulk_create_with_history(
        [SalaryRecord(contract=c, effective_date=d, gross_monthly=a) for c, d, a in salaries],
        SalaryRecord,
        batch_size=1000,
    )
