"""Benchmark of the HR statistics (hr/stats.py) and of their two pages on a large dataset.

    DATABASE_URL=postgres://… uv run python benchmarks/stats.py [--employees 10000]

Builds (once) the benchmark dataset in the configured database (``manage.py
bench_dataset --employees N``: the demo school, then N employees with their contracts
and ten years of pay, and every module at scale). Then times ``hr_statistics``, its
parts, the pay-alert count and the two pages at the last 31 December: median of 5 runs
after a warm-up, with the SQL query count. Prints Markdown tables. Use a disposable
database: the rows are kept for reruns.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from hr.models import (  # noqa: E402
    Contract,
    Employee,
    SalaryRecord,
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

AT = date(date.today().year - 1, 12, 31)


def build(n: int) -> User:
    """The benchmark dataset, built when the database has none; its HR login."""
    from django.core.management import call_command

    from imtsocial import datasets

    if not datasets.is_built():
        call_command("bench_dataset", employees=n, force=True)
    return User.objects.get(email=datasets.bench_email(Role.HR))


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
