"""Benchmark of the HR statistics (hr/stats.py) and of their two pages on a large dataset.

    DATABASE_URL=postgres://… uv run python benchmarks/stats.py [--employees 10000]

Creates (once) a synthetic school of N employees in the configured database (employee
numbers prefixed STATS-, never touching other rows): one contract in force at the
reference date per person (civil servants, CDI, CDD short and long, PhD students,
apprentices), an ended earlier contract for some, and a salary record every two years
of each contract. Then times ``hr_statistics``, its parts, the pay-alert count and the
two pages: median of 5 runs after a warm-up, with the SQL query count. Prints
Markdown tables. Use a disposable database: the rows are kept for reruns.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from hr.enums import ContractKind  # noqa: E402
from hr.models import (  # noqa: E402
    Contract,
    Department,
    Employee,
    PayBenchmark,
    SalaryRecord,
    Site,
)
from hr.stats import (  # noqa: E402
    contract_mix,
    headcount_by_contract_kind,
    hr_statistics,
    pay_distribution,
    permanent_pay,
    salaries_below_benchmark,
)
from imtsocial.accounts.models import User  # noqa: E402
from imtsocial.accounts.roles import Role  # noqa: E402

PREFIX = "STATS-"
AT = date(2020, 12, 31)
BATCH = 2000
# kind, weight, (start range), planned length in years (None: open-ended)
PROFILES = [
    (ContractKind.TITULAIRE, 60, (1995, 2020), None),
    (ContractKind.CDI, 20, (2005, 2020), None),
    (ContractKind.CDD, 3, (2020, 2020), 1),
    (ContractKind.CDD, 6, (2019, 2020), 3),
    (ContractKind.DOCTORANT, 9, (2018, 2020), 3),
    (ContractKind.APPRENTI, 2, (2019, 2020), 2),
]
BASE_PAY = {"A": 3600, "B": 2600, "C": 2000}
BENCHMARKS = {"A": Decimal(2500), "B": Decimal(2000), "C": Decimal(1700)}


def _contract_for(rng: random.Random, employee: Employee) -> tuple[Contract, Decimal]:
    kinds = [p for p in PROFILES for _ in range(p[1])]
    kind, _weight, (first, last), years = rng.choice(kinds)
    start = date(rng.randint(first, last), rng.choice((1, 9)), 1)
    end = None
    if years:
        # The day before the anniversary: 01/09/2019 + 3 years → 31/08/2022.
        end = date.fromordinal(date(start.year + years, start.month, 1).toordinal() - 1)
    category = "" if kind == ContractKind.DOCTORANT else rng.choice("AAABBC")
    ratio = rng.choices((100, 80, 50), weights=(87, 10, 3))[0]
    if kind == ContractKind.DOCTORANT:
        pay = Decimal(rng.randint(1750, 2100))
    else:
        pay = Decimal(BASE_PAY[category] + rng.randint(-600, 3500)) * ratio / 100
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


def build(n: int) -> User:
    site, _ = Site.objects.get_or_create(code="stats", defaults={"name": "Stats site"})
    departments = [
        Department.objects.get_or_create(
            code=f"stats{i}", defaults={"name": f"Stats department {i}", "site": site}
        )[0]
        for i in range(20)
    ]
    for category, amount in BENCHMARKS.items():
        # The demo's benchmarks (when built first) are kept: periods may not overlap.
        if not PayBenchmark.objects.filter(category=category).exists():
            PayBenchmark.objects.create(
                category=category,
                valid_from=date(2019, 1, 1),
                minimum_gross_monthly=amount,
                source="benchmark",
            )
    existing = Employee.objects.filter(employee_number__startswith=PREFIX).count()
    rng = random.Random(existing)  # noqa: S311 - synthetic data, not security
    for offset in range(existing, n, BATCH):
        with transaction.atomic():
            employees = Employee.objects.bulk_create(
                Employee(
                    employee_number=f"{PREFIX}{i:06d}",
                    first_name=f"Prénom{i}",
                    last_name=f"Nom{i % 997}",
                    site=site,
                    department=departments[i % len(departments)],
                    hire_date=date(1995, 1, 1),
                )
                for i in range(offset, min(offset + BATCH, n))
            )
            contracts, pays = [], []
            for employee in employees:
                contract, pay = _contract_for(rng, employee)
                if rng.random() < 0.3 and contract.start.year > 2003:
                    # An earlier, ended CDD of the same person (never in force at AT).
                    earlier_end = date(contract.start.year - 1, 12, 31)
                    contracts.append(
                        Contract(
                            employee=employee,
                            kind=ContractKind.CDD,
                            start=date(earlier_end.year - 2, 1, 1),
                            end=earlier_end,
                            category=contract.category or "B",
                        )
                    )
                    pays.append(pay * Decimal("0.9"))
                contracts.append(contract)
                pays.append(pay)
            contracts = Contract.objects.bulk_create(contracts)
            salaries = []
            for contract, pay in zip(contracts, pays, strict=True):
                if rng.random() < 0.02:
                    continue  # a few people without any salary record
                last_year = contract.end.year if contract.end else 2025
                for step, year in enumerate(range(contract.start.year, last_year + 1, 2)):
                    effective = contract.start if step == 0 else date(year, 1, 1)
                    if contract.end and effective > contract.end:
                        break
                    # Raises of 1.5 % every two years, up to the pay of the profile.
                    amount = pay * Decimal("1.015") ** (step - 3)
                    salaries.append(
                        SalaryRecord(
                            contract=contract,
                            effective_date=effective,
                            gross_monthly=amount.quantize(Decimal("0.01")),
                        )
                    )
            SalaryRecord.objects.bulk_create(salaries, batch_size=5000)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE")
    user, _ = User.objects.get_or_create(email="bench-stats@bench.invalid")
    user.groups.set(Group.objects.filter(name__in=[Role.HR, Role.DIRECTOR]))
    return user


def median_ms(function, runs: int = 5) -> tuple[float, int, object]:
    function()  # warm-up
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            result = function()
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), len(queries), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()
    started = time.perf_counter()
    user = build(args.employees)
    print(
        f"dataset: {Employee.objects.count()} employees, {Contract.objects.count()} contracts, "
        f"{SalaryRecord.objects.count()} salary records ({connection.vendor}), "
        f"built in {time.perf_counter() - started:.1f} s\n"
    )

    print(f"## Functions at {AT:%d/%m/%Y}\n")
    print("| function | median ms | SQL queries | result |")
    print("|---|---:|---:|---|")
    functions = [
        ("headcount_by_contract_kind", lambda: headcount_by_contract_kind(at=AT).total),
        ("contract_mix", lambda: contract_mix(at=AT).permanent_pct),
        ("permanent_pay", lambda: permanent_pay(at=AT).average),
        ("pay_distribution", lambda: len(pay_distribution(at=AT).buckets)),
        ("hr_statistics (all)", lambda: hr_statistics(at=AT).pay.counted),
        ("salaries_below_benchmark().count()", salaries_below_benchmark(at=AT).count),
    ]
    for label, function in functions:
        ms, queries, result = median_ms(function)
        print(f"| {label} | {ms:.1f} | {queries} | {result} |")

    client = Client()
    client.force_login(user)
    stats_url = reverse("hr:statistics")
    alerts_url = reverse("hr:pay_alerts")
    pages = [
        ("Statistiques RH", f"{stats_url}?at={AT:%Y-%m-%d}"),
        ("Alertes de rémunération (page 1)", f"{alerts_url}?at={AT:%Y-%m-%d}"),
        ("Alertes (catégorie A, CDI)", f"{alerts_url}?at={AT:%Y-%m-%d}&category=A&kind=cdi"),
        ("Alertes (dernière page)", f"{alerts_url}?at={AT:%Y-%m-%d}&page=last"),
    ]
    print("\n## Pages\n")
    print("| page | median ms | SQL queries |")
    print("|---|---:|---:|")
    for label, url in pages:

        def get(url=url):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        ms, queries, _response = median_ms(get)
        print(f"| {label} | {ms:.1f} | {queries} |")


if __name__ == "__main__":
    main()
