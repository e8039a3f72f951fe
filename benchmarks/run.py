"""Benchmark of imtsocial's pages and services on a large dataset.

    DATABASE_URL=postgres://… uv run python benchmarks/run.py [--employees 10000]

Creates (once) a synthetic school of N employees in the configured database
(prefix BENCH-, never touching other rows), then times each measured page with
Django's test client: median of 5 runs after a warm-up, and the SQL query count.
Prints a Markdown table. Use a disposable database: the rows are kept for reruns.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from hr.models import Department, Employee, Site  # noqa: E402
from imtsocial.accounts.models import User  # noqa: E402
from imtsocial.accounts.roles import Role  # noqa: E402

PREFIX = "BENCH-"


def build(n: int) -> tuple[User, Employee]:
    site, _ = Site.objects.get_or_create(code="bench", defaults={"name": "Bench site"})
    departments = [
        Department.objects.get_or_create(
            code=f"bench{i}", defaults={"name": f"Bench department {i}", "site": site}
        )[0]
        for i in range(20)
    ]
    existing = Employee.objects.filter(employee_number__startswith=PREFIX).count()
    if existing < n:
        Employee.objects.bulk_create(
            Employee(
                employee_number=f"{PREFIX}{i:06d}",
                first_name=f"Prénom{i}",
                last_name=f"Nom{i % 997}",
                site=site,
                department=departments[i % len(departments)],
            )
            for i in range(existing, n)
        )
    boss = Employee.objects.get(employee_number=f"{PREFIX}000000")
    Employee.objects.filter(employee_number__startswith=PREFIX, pk__lte=boss.pk + 300).exclude(
        pk=boss.pk
    ).update(manager=boss)
    from django.contrib.auth.models import Group

    user, _ = User.objects.get_or_create(email="bench@bench.invalid")
    user.groups.set(Group.objects.filter(name__in=[Role.HR, Role.DPO, Role.DIRECTOR]))
    boss.user = user
    boss.save(update_fields=["user"])
    return user, boss


def measure(client: Client, url: str, runs: int = 5) -> tuple[float, int]:
    client.get(url)  # warm-up
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=10_000)
    args = parser.parse_args()
    started = time.perf_counter()
    user, boss = build(args.employees)
    print(
        f"dataset: {Employee.objects.count()} employees "
        f"({connection.vendor}), built in {time.perf_counter() - started:.1f} s\n"
    )
    client = Client()
    client.force_login(user)
    pages = [
        ("Mon espace", reverse("home")),
        ("Annuaire (page 1)", reverse("hr:employee_list")),
        ("Annuaire (recherche)", reverse("hr:employee_list") + "?q=Nom42"),
        ("Annuaire (dernière page)", reverse("hr:employee_list") + "?page=last"),
        ("Mon équipe (300 agents)", reverse("hr:team")),
        ("Fiche agent", reverse("hr:employee_detail", args=[boss.pk])),
        ("Journal d'audit", reverse("audit:journal")),
    ]
    print("| page | median ms | SQL queries |")
    print("|---|---:|---:|")
    for label, url in pages:
        ms, queries = measure(client, url)
        print(f"| {label} | {ms:.1f} | {queries} |")


if __name__ == "__main__":
    main()
