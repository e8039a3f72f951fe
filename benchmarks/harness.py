"""Benchmark of imtsocial in its production shape, on loopback.

    ./scripts/benchmark [--employees 10000] [--duration 10] [--pages REGEX] [--skip-jobs]
                        [--output docs/benchmarks.md]

(or ``python -m benchmarks.harness …`` with DATABASE_URL and REDIS_URL set). Steps:

1. the production settings (``benchmarks.settings``: ``imtsocial.settings`` plus the floor
   view), migrations, ``collectstatic`` into a temporary folder (like the image);
2. the dataset: ``manage.py bench_dataset --employees N`` when the database has no
   benchmark logins (its output gives each app's builder and its time);
3. one session per role (Django's ``login()`` into the session store gunicorn reads;
   MFA is off for the benchmark: ``IMTSOCIAL_MFA_REQUIRED=0``);
4. gunicorn with the image's workers (``scripts/serve web``: 3) and a Celery worker
   (``scripts/serve worker``: concurrency 2); once the worker answers, ``VACUUM
   (ANALYZE)`` and a pause, so that the first pages meet a quiet machine;
5. per page: SQL queries (one in-process request through Django's test client,
   ``CaptureQueriesContext``), sequential p50/p95 over HTTP (``--runs`` requests), then
   ``wrk`` with 10 connections for ``--duration`` seconds: p50/p95 and requests/s;
   the floor view (``bench-floor/``) is measured the same way and every page is given
   as a ratio to it;
6. jobs (unless ``--skip-jobs``): the N-row employees import (analysis, confirmation),
   the yearly DD&RS chapter and a DUERP edition of 5,000 entries, in the Celery worker.

Writes a Markdown report (``--output``) with the machine's description. Not a test: CI
never runs it. Use a disposable database: the benchmark rows are kept for reruns.
"""

import argparse
import http.client
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB_WORKERS = int(os.environ.get("WEB_WORKERS", "3"))  # scripts/serve web, the image's default
WORKER_CONCURRENCY = int(os.environ.get("WORKER_CONCURRENCY", "2"))  # scripts/serve worker
CONNECTIONS = 10
BENCH_DOMAIN = "bench.example"
DEMO_DOMAIN = "demo.imtsocial.fr"


def production_environment() -> dict[str, str]:
    """The environment of the production settings on loopback (set before Django)."""
    scratch = Path(tempfile.mkdtemp(prefix="imtsocial-bench-"))
    return {
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain http on loopback
        "IMTSOCIAL_MFA_REQUIRED": "0",  # sessions opened without a second factor
        "IMTSOCIAL_EMBEDDED": "0",
        "DJANGO_DEBUG": "0",
        # Invitations of the imported logins are not sent anywhere.
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "STATIC_ROOT": str(scratch / "static"),
        "MEDIA_ROOT": str(scratch / "media"),
        "IMTSOCIAL_BENCH_SCRATCH": str(scratch),
    }


# Pages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """A measured page: ``kwargs`` maps URL arguments to keys of the run's context
    (``employee``: an employee's pk, ``year``: the report's last year)."""

    app: str
    label: str
    role: str
    name: str
    kwargs: dict = field(default_factory=dict)
    query: str = ""

    def url(self, context: dict) -> str:
        from django.urls import reverse

        kwargs = {arg: context[key] for arg, key in self.kwargs.items()}
        return reverse(self.name, kwargs=kwargs) + self.query


FLOOR = Page("bench", "Plancher (vue Django nue)", "employee", "bench_floor")
# Measured again after the pages: the ratios use the mean of both (a shared machine's
# load drifts during a run).
FLOOR_AGAIN = Page("bench", "Plancher (fin de la série)", "employee", "bench_floor")

MYSPACE_ROLES = (
    "employee", "manager", "hr", "it", "social_action", "prevention",
    "talent_developer", "director", "dpo",
)  # fmt: skip

PAGES = [
    Page("hr", "Annuaire (page 1)", "hr", "hr:employee_list"),
    Page("hr", "Annuaire (recherche)", "hr", "hr:employee_list", query="?q=Nom42"),
    Page("hr", "Annuaire (dernière page)", "hr", "hr:employee_list", query="?page=last"),
    Page("hr", "Fiche agent", "hr", "hr:employee_detail", {"pk": "employee"}),
    Page("hr", "Statistiques RH", "hr", "hr:statistics"),
    Page("hr", "Alertes rémunération", "hr", "hr:pay_alerts"),
    Page("hr", "Mon équipe", "manager", "hr:team"),
    Page("platform", "Journal d'audit", "dpo", "audit:journal"),
    *(Page("home", f"Mon espace ({role})", role, "home") for role in MYSPACE_ROLES),
    Page("telework", "Télétravail : file des demandes", "manager", "telework:request_list"),
    Page("telework", "Télétravail : calendrier d'équipe", "manager", "telework:team_calendar"),
    Page("telework", "Inventaire des équipements", "it", "telework:asset_list"),
    Page("telework", "Prêts", "it", "telework:loan_list"),
    Page("safety", "DUERP : registre", "prevention", "safety:entry_list"),
    Page(
        "safety",
        "DUERP : registre (priorité 1)",
        "prevention",
        "safety:entry_list",
        query="?priority=1",
    ),
    Page("safety", "DUERP : plan d'action", "prevention", "safety:action_list"),
    Page("social_action", "Aides : file d'instruction", "social_action", "social_action:queue"),
    Page("reports", "Rapport : page des indicateurs", "hr", "reports:figures", {"year": "year"}),
    # HR2
    Page("hr2", "Entretiens : campagnes", "hr", "evaluations:campaign_list"),
    Page("hr2", "Entretiens : suivi", "hr", "evaluations:follow_up"),
    Page("hr2", "Entretiens : statistiques", "hr", "evaluations:statistics"),
    Page("hr2", "Entretiens : à conduire", "manager", "evaluations:team_list"),
    Page("hr2", "Formation : catalogue", "employee", "training:catalogue"),
    Page("hr2", "Formation : plan", "hr", "training:plan"),
    Page("hr2", "Dialogue social : calendrier", "hr", "dialogue:calendar"),
    Page("hr2", "Développeurs de talents : chiffres", "hr", "coaching:counts"),
    Page("hr2", "Compétences critiques", "hr", "skills:critical"),
    Page("hr2", "Accueil des arrivants", "hr", "onboarding:list"),
    # S2
    Page("s2", "Réseau de prévention", "prevention", "prevention_network:index"),
    Page("s2", "Habilitations", "prevention", "qualifications:list"),
    Page("s2", "Contrôles périodiques", "prevention", "inspections:index"),
    Page("s2", "Expositions : campagnes", "prevention", "exposure:campaign_list"),
    Page("s2", "Amiante : localisations", "prevention", "asbestos:location_list"),
    Page("s2", "Registres de sécurité", "prevention", "registers:index"),
    Page("s2", "Formations sécurité : sessions", "prevention", "safety_trainings:session_list"),
]

PLACEHOLDER_CONTEXT = {"employee": 1, "year": 2024}


# Measurements ------------------------------------------------------------------------


def fr(number: float) -> str:
    """A whole number the French way: 10 000 (narrow no-break space)."""
    return f"{number:,.0f}".replace(",", "\u202f")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def http_get(port: int, url: str, cookie: str) -> tuple[int, float]:
    started = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("GET", url, headers={"Cookie": cookie})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (time.perf_counter() - started) * 1000


def warm_up(port: int, url: str, cookie: str) -> None:
    """Concurrent requests, so that every gunicorn worker has imported the page's code
    and compiled its templates (cached loaders) before the measures."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        list(pool.map(lambda _: http_get(port, url, cookie), range(3 * WEB_WORKERS)))


WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", latency:percentile(50),
    latency:percentile(95), summary.requests, summary.duration, e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


def wrk(port: int, url: str, cookie: str, duration: int, script: Path) -> dict:
    command = [
        "wrk", "-t2", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "60s",
        "-s", str(script), "-H", f"Cookie: {cookie}", f"http://127.0.0.1:{port}{url}",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    output = done.stdout
    match = re.search(r"^BENCH (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", output, re.M)
    p50, p95, requests, micros, status_errors, socket_errors = map(int, match.groups())
    return {
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "rps": requests / (micros / 1e6),
        "requests": requests,
        "errors": status_errors + socket_errors,
    }


# Services ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - fixed arguments
        command, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_for_http(port: int, seconds: int = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            status, _ = http_get(port, "/healthz", "")
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer on 127.0.0.1:{port} in {seconds} s")


def settle(seconds: int = 60) -> None:
    """Measure a quiet machine: the Celery worker has booted (its start takes both cores
    for seconds), the tables are vacuumed and analysed (a previous run's import and
    DUERP edition leave autovacuum work that landed on the first pages: the floor
    measured first was twice as slow as the same floor at the end)."""
    from django.db import connection

    from imtsocial.celery import app

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not app.control.ping(timeout=1):
        time.sleep(1)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    time.sleep(5)


# Dataset and sessions ----------------------------------------------------------------


def role_email(role: str, domain: str) -> str:
    return f"bench-{role}@{domain}" if domain == BENCH_DOMAIN else f"{role}@{domain}"


def ensure_dataset(employees: int) -> str:
    """The e-mail domain of the role logins, building the dataset when missing
    (``manage.py bench_dataset``: the demo, then every app's builder)."""
    from imtsocial.accounts.models import User

    if not User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").exists():
        print(f"==> manage.py bench_dataset --employees {employees}", flush=True)
        subprocess.run(  # noqa: S603 - fixed arguments
            [sys.executable, "manage.py", "bench_dataset", "--employees", str(employees),
             "--force"],
            cwd=ROOT, check=True,
        )  # fmt: skip
    return BENCH_DOMAIN


def sessions(domain: str) -> dict:
    """role -> (user, Cookie header), each opened by Django's login() (force_login)."""
    from django.conf import settings
    from django.test import Client

    from imtsocial.accounts.models import User

    opened = {}
    for role in MYSPACE_ROLES:
        user = User.objects.filter(email=role_email(role, domain)).first()
        if user is None:
            continue
        client = Client()
        client.force_login(user)
        value = client.cookies[settings.SESSION_COOKIE_NAME].value
        opened[role] = (user, f"{settings.SESSION_COOKIE_NAME}={value}")
    return opened


def run_context() -> dict:
    from hr.models import Employee
    from imtsocial.reports.services import years_offered

    numbers = Employee.objects.order_by("pk").values_list("pk", flat=True)
    count = numbers.count()
    return {"employee": numbers[count // 2] if count else 0, "year": years_offered()[0]}


def count_queries(url: str, cookie: str) -> tuple[int, int]:
    """(status, SQL queries) of one in-process request, after a warm-up."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_COOKIE=cookie, HTTP_HOST="127.0.0.1")
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, len(queries)


# Jobs --------------------------------------------------------------------------------


def wait_until(predicate, seconds: int):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value is not None:
            return value
        time.sleep(0.5)
    raise TimeoutError(f"not done after {seconds} s")


def job_import(rows: int, hr_user) -> list[tuple[str, str]]:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction

    from benchmarks.imports import build_csv, timed
    from hr.enums import ImportKind
    from imtsocial.imports.services import (
        import_job_analyse,
        import_job_confirm,
        import_job_create,
    )

    content = build_csv(rows, f"BI{int(time.time()) % 100000:05d}")  # S0001-like
    results = []
    # Rolled back at the end: the benchmark's database stays at its size run after run
    # (an import kept would add its 10 000 people to the next run's pages).
    with transaction.atomic():
        job = timed(
            "create",
            lambda: import_job_create(
                kind=ImportKind.EMPLOYEES,
                uploaded_file=SimpleUploadedFile("agents.csv", content),
                by=hr_user,
            ),
            results,
        )
        job = timed("analyse", lambda: import_job_analyse(job=job), results)
        if job.status != "ready":
            raise RuntimeError(f"analysis: {job.status} {job.summary}")
        job = timed("confirm", lambda: import_job_confirm(job=job, by=hr_user), results)
        if job.status != "done":
            raise RuntimeError(f"confirmation: {job.status} {job.summary}")
        transaction.set_rollback(True)
    seconds = {label: (elapsed, queries) for label, elapsed, queries in results}
    return [
        (
            f"Import de {fr(rows)} agents : lecture et contrôle du fichier",
            f"{seconds['create'][0]:.1f} s ({seconds['create'][1]} requêtes SQL)",
        ),
        (
            f"Import de {fr(rows)} agents : analyse (essai à blanc)",
            f"{seconds['analyse'][0]:.1f} s ({fr(rows / seconds['analyse'][0])} lignes/s, "
            f"{seconds['analyse'][1]} requêtes SQL)",
        ),
        (
            f"Import de {fr(rows)} agents : confirmation (import réel)",
            f"{seconds['confirm'][0]:.1f} s ({fr(rows / seconds['confirm'][0])} lignes/s, "
            f"{seconds['confirm'][1]} requêtes SQL)",
        ),
    ]


def job_chapter(year: int, hr_user) -> list[tuple[str, str]]:
    from imtsocial.reports.models import Edition
    from imtsocial.reports.services import ACTIVE, request_edition

    started = time.perf_counter()
    edition, _ = request_edition(year, hr_user)

    def finished():
        current = Edition.objects.get(pk=edition.pk)
        return None if current.status in ACTIVE else current

    edition = wait_until(finished, 1800)
    total = time.perf_counter() - started
    built = (edition.finished_at - edition.started_at).total_seconds()
    return [
        (
            f"Chapitre DD&RS {year} (Celery)",
            f"{edition.status} : {built:.1f} s dans le worker, {total:.1f} s de la demande "
            f"au PDF, {(edition.size or 0) / 1e6:.2f} Mo",
        )
    ]


def job_duerp(prevention_user) -> list[tuple[str, str]]:
    from benchmarks.safety_edition import build
    from safety import services
    from safety.enums import EditionStatus
    from safety.models import DuerpEdition, RiskEntry

    if RiskEntry.objects.count() < 5000:
        build(300, 5000)
    started = time.perf_counter()
    # This year's edition (a new number on each run): its programme holds the open
    # actions and those closed this year, as a real publication would.
    edition = services.edition_publish(
        year=date.today().year, note="benchmark", by=prevention_user or build(300, 5000)
    )
    published = time.perf_counter() - started

    def rendered():
        current = DuerpEdition.objects.get(pk=edition.pk)
        return None if current.status == EditionStatus.RENDERING else current

    edition = wait_until(rendered, 1800)
    total = time.perf_counter() - started
    rendering = (edition.rendered_at - edition.published_at).total_seconds()
    return [
        (
            f"Édition du DUERP ({fr(edition.entry_count)} lignes, "
            f"{fr(edition.action_count)} actions)",
            f"{edition.status} : publication {published:.1f} s, PDF {rendering:.1f} s dans "
            f"le worker ({total:.1f} s en tout), {(edition.pdf_size or 0) / 1e6:.2f} Mo",
        )
    ]


# Machine -----------------------------------------------------------------------------


def machine() -> list[tuple[str, str]]:
    import django
    from django.db import connection

    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "?"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} Gio"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout  # noqa: S607
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        ("Processeur", f"{cpu}, {os.cpu_count()} cœurs"),
        ("Mémoire", memory),
        ("Système", f"{platform.system()} {platform.release()}"),
        ("PostgreSQL", postgres),
        ("Python / Django", f"{platform.python_version()} / {django.get_version()}"),
        ("gunicorn", f"{WEB_WORKERS} workers sync (scripts/serve web, comme l'image)"),
        ("Celery", f"1 worker, concurrency {WORKER_CONCURRENCY}"),
        (
            "Outil de charge",
            (wrk_version.split("[")[0].strip() or "wrk") + f", {CONNECTIONS} connexions",
        ),
        ("Charge de la machine au départ (1/5/15 min)", load),
    ]


# Report ------------------------------------------------------------------------------


def ratio(value, floor):
    return f"{value / floor:.1f}" if value and floor else "–"


def report(args, facts, dataset, rows, jobs, started) -> str:
    floors = [row for row in rows if row["page"] in (FLOOR, FLOOR_AGAIN) and "p50" in row]
    floor = {
        "p50": statistics.mean(row["p50"] for row in floors),
        "load": {
            key: statistics.mean((row.get("load") or {}).get(key, 0) for row in floors)
            for key in ("p50", "p95")
        },
    }
    lines = [
        "# Benchmarks",
        "",
        f"Produit par `./scripts/benchmark {' '.join(sys.argv[1:])}` le "
        f"{started:%Y-%m-%d %H:%M} UTC. Machine partagée avec d'autres travaux : les "
        "chiffres sont des ordres de grandeur, pas une référence absolue.",
        "",
        "Forme de production sur la boucle locale : `benchmarks.settings` (les réglages de "
        "production plus la vue plancher), gunicorn, PostgreSQL, Redis et un worker "
        "Celery. Écarts assumés : http sans TLS (`DJANGO_SECURE_SSL_REDIRECT=0`), "
        "**double facteur désactivé** (`IMTSOCIAL_MFA_REQUIRED=0`, sessions ouvertes "
        "par `login()`), courriels jetés (backend `dummy`).",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {key} | {value} |" for key, value in facts),
        f"| Jeu de données | {dataset} |",
        "",
        "## Pages",
        "",
        f"Requêtes SQL : une requête dans le processus (client de test de Django), après "
        f"un échauffement. Séquentiel : {args.runs} requêtes HTTP l'une après l'autre. "
        f"Charge : `wrk`, {CONNECTIONS} connexions pendant {args.duration} s par page. "
        "« × plancher » : le p50 (séquentiel, puis en charge) de la page divisé par celui "
        "de la vue plancher (`bench-floor/` : mêmes middlewares, une requête indexée, un "
        "gabarit minuscule), mesurée dans la même exécution avant et après les pages "
        "(moyenne des deux). « p95 × plancher (10) » : le p95 en charge divisé par celui "
        "du plancher, la cible de [PERF] (≤ 4).",
        "",
        "| App | Page | Rôle | SQL | p50 ms | p95 ms | × plancher | p50 ms (10) | "
        "p95 ms (10) | req/s (10) | × plancher (10) | p95 × plancher (10) |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        page = row["page"]
        if "error" in row:
            lines.append(
                f"| {page.app} | {page.label} | {page.role} | – | {row['error']} | | | | | | | |"
            )
            continue
        load = row.get("load") or {}
        errors = f" ({load['errors']} erreurs)" if load.get("errors") else ""
        lines.append(
            f"| {page.app} | {page.label} | {page.role} | {row['queries']} "
            f"| {row['p50']:.1f} | {row['p95']:.1f} | {ratio(row['p50'], floor['p50'])} "
            f"| {load.get('p50', 0):.1f} | {load.get('p95', 0):.1f} "
            f"| {load.get('rps', 0):.1f}{errors} "
            f"| {ratio(load.get('p50'), floor['load']['p50'])} "
            f"| {ratio(load.get('p95'), floor['load']['p95'])} |"
        )
    if jobs:
        lines += ["", "## Traitements", "", "| Traitement | Durée |", "|---|---|"]
        lines += [f"| {label} | {value} |" for label, value in jobs]
        lines += [
            "",
            "L'import appelle dans ce processus les services que ses tâches Celery "
            "exécutent (`import_job_create`, `import_job_analyse`, `import_job_confirm`) ; "
            "la confirmation crée un compte par agent et met en file une invitation par "
            "compte (boîte d'envoi transactionnelle relayée vers Celery) : ce relais est "
            "compris dans sa durée. Le chapitre et l'édition du DUERP passent par le worker.",
        ]
    lines.append("")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--employees", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--runs", type=int, default=20, help="sequential requests per page")
    parser.add_argument("--pages", default="", help="regular expression on the page labels")
    parser.add_argument("--skip-jobs", action="store_true", help="no import/chapter/DUERP")
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--output", default="docs/benchmarks.md")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL") or not os.environ.get("REDIS_URL"):
        raise SystemExit("DATABASE_URL and REDIS_URL are required (./scripts/benchmark sets them)")
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk (./scripts/benchmark does it)")
    started_at = datetime.now(UTC)
    os.environ.update(production_environment())
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    print("==> migrate, collectstatic", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    domain = ensure_dataset(args.employees)
    from hr.models import Employee

    source = (
        "`manage.py bench_dataset`"
        if domain == BENCH_DOMAIN
        else "démo + école synthétique de benchmarks/stats.py (contrats, salaires)"
    )
    dataset = f"{fr(Employee.objects.count())} agents (`--employees {args.employees}`), {source}"
    opened = sessions(domain)
    context = run_context()
    facts = machine()
    selected = [
        FLOOR,
        *(p for p in PAGES if re.search(args.pages, p.label, re.I) and p.role in opened),
        FLOOR_AGAIN,
    ]
    missing = sorted({p.role for p in PAGES} - set(opened))
    if missing:
        print(f"no login for: {', '.join(missing)} (their pages are skipped)", flush=True)

    scratch = Path(os.environ["IMTSOCIAL_BENCH_SCRATCH"])
    script = scratch / "wrk.lua"
    script.write_text(WRK_SCRIPT)
    port = free_port()
    web = start(
        [sys.executable, "-m", "gunicorn", "imtsocial.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(WEB_WORKERS), "--timeout", "60",
         "--access-logfile", str(scratch / "access.log")],
        scratch / "gunicorn.log",
    )  # fmt: skip
    worker = start(
        [sys.executable, "-m", "celery", "-A", "imtsocial", "worker", "--loglevel", "WARNING",
         "--concurrency", str(WORKER_CONCURRENCY), "--hostname", f"bench-{port}@%h"],
        scratch / "celery.log",
    )  # fmt: skip
    rows, jobs = [], []
    try:
        wait_for_http(port)
        settle()
        for page in selected:
            _user, cookie = opened.get(page.role) or next(iter(opened.values()))
            url = page.url(context)
            row = {"page": page}
            rows.append(row)
            status, row["queries"] = count_queries(url, cookie)
            if status != 200:
                row["error"] = f"HTTP {status} (en processus)"
                print(f"{page.label}: {row['error']}", flush=True)
                continue
            warm_up(port, url, cookie)
            timings = []
            for _ in range(args.runs):
                status, ms = http_get(port, url, cookie)
                if status != 200:
                    row["error"] = f"HTTP {status}"
                    break
                timings.append(ms)
            if "error" in row:
                continue
            row["p50"], row["p95"] = percentile(timings, 50), percentile(timings, 95)
            if args.duration > 0:
                row["load"] = wrk(port, url, cookie, args.duration, script)
            print(
                f"{page.label}: {row['queries']} SQL, p50 {row['p50']:.1f} ms, "
                f"p95 {row['p95']:.1f} ms, load {row.get('load')}",
                flush=True,
            )
        if not args.skip_jobs:
            hr_user = opened["hr"][0]
            # The import last: its confirmation queues one invitation per new login,
            # which would keep the worker busy under the chapter and the DUERP.
            for label, function in (
                ("chapter", lambda: job_chapter(context["year"], hr_user)),
                ("duerp", lambda: job_duerp(opened.get("prevention", (None,))[0])),
                ("import", lambda: job_import(args.import_rows, hr_user)),
            ):
                print(f"==> {label}", flush=True)
                try:
                    jobs += function()
                except Exception as exc:  # reported in the table, the run goes on
                    jobs.append((label, f"échec : {type(exc).__name__}: {str(exc)[:300]}"))
                print(jobs[-1], flush=True)
    finally:
        stop(web)
        stop(worker)
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    facts.append(("Charge de la machine à la fin (1/5/15 min)", load))
    output = ROOT / args.output
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report(args, facts, dataset, rows, jobs, started_at))
    print(f"==> {output}")
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
