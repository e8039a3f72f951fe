"""Benchmark of the DUERP at the size of a large school: 300 work units, 5,000 entries.

    bash -c 'source scripts/lib.sh && ensure_python_env && start_services &&
      export DJANGO_SETTINGS_MODULE=tests.settings &&
      uv run --frozen --no-sync python manage.py migrate -v0 &&
      uv run --frozen --no-sync python benchmarks/safety_edition.py'

Creates (once) the units, entries and actions (prefix BENCH-) in the configured
database, times the register pages as a prevention agent (median of 5 runs, SQL
query count), then publishes an edition and lets a real Celery worker (started here,
stopped at the end) render its PDF: prints the rendering time and the PDF size.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from hr.models import Department, Employee, Site  # noqa: E402
from imtsocial.accounts.models import User  # noqa: E402
from safety import services  # noqa: E402
from safety.enums import ActionStatus, EditionStatus  # noqa: E402
from safety.models import (  # noqa: E402
    ActionItem,
    DuerpEdition,
    Hazard,
    PreventionAdvisor,
    RiskEntry,
    WorkUnit,
    rate,
)

PREFIX = "BENCH-"


def build(units: int, entries: int) -> User:
    site, _ = Site.objects.get_or_create(code="bench", defaults={"name": "Bench site"})
    department, _ = Department.objects.get_or_create(
        code="bench-hs", defaults={"name": "Bench prévention", "site": site}
    )
    user, _ = User.objects.get_or_create(email="bench-advisor@bench.invalid")
    user.groups.add(Group.objects.get(name="prevention"))
    Employee.objects.get_or_create(
        employee_number=f"{PREFIX}ADV",
        defaults={"first_name": "Conseil", "last_name": "Bench", "site": site,
                  "department": department, "user": user},
    )  # fmt: skip
    PreventionAdvisor.objects.get_or_create(user=user)
    existing = WorkUnit.objects.filter(code__startswith=PREFIX).count()
    WorkUnit.objects.bulk_create(
        WorkUnit(
            code=f"{PREFIX}{i:04d}",
            name=f"Unité de travail {i}",
            site=site,
            department=department,
            headcount_exposed=5 + i % 40,
        )
        for i in range(existing, units)
    )
    bench_units = list(WorkUnit.objects.filter(code__startswith=PREFIX).order_by("code"))
    for unit in bench_units[:50]:
        unit.agents.add(user)
    method = services.current_method()
    hazards = list(Hazard.objects.all())
    existing = RiskEntry.objects.filter(work_unit__code__startswith=PREFIX).count()
    new = []
    for i in range(existing, entries):
        g, p, c = 1 + i % 4, 1 + (i // 4) % 4, 1 + (i // 16) % 3
        rating = rate(method, g, p, c)
        new.append(
            RiskEntry(
                work_unit=bench_units[i % len(bench_units)],
                hazard=hazards[i % len(hazards)],
                situation=f"Situation de travail n° {i} : manipulation, stockage et nettoyage.",
                people_exposed="Chercheurs, techniciens, doctorants",
                exposed_count=3 + i % 20,
                existing_measures="Mesure collective\nÉquipement de protection individuelle",
                gravity=g,
                probability=p,
                control_level=c,
                method=method,
                score=rating.score,
                priority=rating.priority,
            )
        )
    RiskEntry.objects.bulk_create(new, batch_size=1000)
    if not ActionItem.objects.filter(entry__work_unit__code__startswith=PREFIX).exists():
        bench_entries = RiskEntry.objects.filter(work_unit__code__startswith=PREFIX, priority__lt=3)
        ActionItem.objects.bulk_create(
            (
                ActionItem(
                    entry=entry,
                    title=f"Action de prévention {n}",
                    owner=user,
                    due_date=date(2026, 1, 1) + timedelta(days=n % 365),
                    budget=Decimal(100 * (n % 50)),
                    status=ActionStatus.PLANNED,
                )
                for n, entry in enumerate(bench_entries.iterator())
            ),
            batch_size=1000,
        )
    return user


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


def render_in_worker(user: User) -> DuerpEdition:
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "imtsocial",
            "worker",
            "-P",
            "solo",
            "-l",
            "warning",
        ],
        cwd=ROOT,
    )
    try:
        started = time.perf_counter()
        edition = services.edition_publish(year=date.today().year, note="benchmark", by=user)
        published = time.perf_counter() - started
        while True:
            edition = DuerpEdition.objects.get(pk=edition.pk)
            if edition.status != EditionStatus.RENDERING:
                break
            time.sleep(1)
        total = time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    print(f"\npublication (snapshot of {edition.entry_count} entries, "
          f"{edition.action_count} actions): {published:.1f} s")  # fmt: skip
    rendered = (edition.rendered_at - edition.published_at).total_seconds()
    print(f"PDF in the worker: {edition.status}, rendered in {rendered:.1f} s "
          f"(publication → ready {total:.1f} s), {edition.pdf_size / 1e6:.2f} MB")  # fmt: skip
    return edition


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=300)
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args()
    started = time.perf_counter()
    user = build(args.units, args.entries)
    print(f"dataset: {WorkUnit.objects.count()} units, {RiskEntry.objects.count()} entries, "
          f"{ActionItem.objects.count()} actions ({connection.vendor}), "
          f"built in {time.perf_counter() - started:.1f} s\n")  # fmt: skip
    client = Client()
    client.force_login(user)
    pages = [
        ("Registre (page 1)", reverse("safety:entry_list")),
        ("Registre (priorité 1)", reverse("safety:entry_list") + "?priority=1"),
        ("Registre (recherche)", reverse("safety:entry_list") + "?q=n°+42"),
        ("Registre (dernière page)", reverse("safety:entry_list") + "?page=last"),
        ("Unités de travail", reverse("safety:unit_list")),
        ("Plan d'action", reverse("safety:action_list")),
        ("Plan d'action (en retard)", reverse("safety:action_list") + "?late=on"),
    ]
    print("| page | median ms | SQL queries |")
    print("|---|---:|---:|")
    for label, url in pages:
        ms, queries = measure(client, url)
        print(f"| {label} | {ms:.1f} | {queries} |")
    render_in_worker(user)


if __name__ == "__main__":
    main()
