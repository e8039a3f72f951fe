"""Benchmark of the HR imports on a large employees file.

    DATABASE_URL=postgres://… REDIS_URL=redis://… uv run python benchmarks/imports.py [--rows 10000]

Generates an employees CSV of N rows (managers earlier and later in the file, one
e-mail, hence one new login, per row), then times the services the Celery tasks
run: ``import_job_create`` (read, check, store), ``import_job_analyse`` (dry run),
``import_job_confirm`` (the real import, one transaction) and the analysis of the
same file again (every row unchanged). Prints a Markdown table with the SQL
query counts. Use a disposable database: the rows are kept.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="imtsocial-bench-media-"))

import django

django.setup()

from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402

from hr.enums import ImportKind  # noqa: E402
from hr.imports import EMPLOYEE_COLUMNS  # noqa: E402
from hr.models import Department, Employee, Site  # noqa: E402
from imtsocial.accounts.models import User  # noqa: E402
from imtsocial.imports.services import (  # noqa: E402
    import_job_analyse,
    import_job_confirm,
    import_job_create,
)

HEADS = 20


def build_csv(rows: int, prefix: str) -> bytes:
    site, _ = Site.objects.get_or_create(code="bench", defaults={"name": "Bench site"})
    codes = []
    for i in range(HEADS):
        department, _ = Department.objects.get_or_create(
            code=f"bench{i}", defaults={"name": f"Bench department {i}", "site": site}
        )
        codes.append(department.code)
    lines = [";".join(EMPLOYEE_COLUMNS)]
    for i in range(rows):
        number = f"{prefix}{i:06d}"
        if i < HEADS:
            manager = ""
        elif i % 10 == 0 and i + 1 < rows:
            manager = f"{prefix}{i + 1:06d}"  # a manager on a later row
        else:
            manager = f"{prefix}{i % HEADS:06d}"
        day = f"{1 + i % 28:02d}/{1 + i % 12:02d}/{1990 + i % 30}"
        category = "ABC"[i % 3]
        lines.append(
            f"{number};Nom{i % 997};Prénom{i};{number.lower()}@bench.invalid;bench;"
            f"{codes[i % HEADS]};{manager};{day};;{category};;;Fonction {i % 50}"
        )
    return ("\n".join(lines) + "\n").encode()


def timed(label, function, results):
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        value = function()
        elapsed = time.perf_counter() - started
    results.append((label, elapsed, queries))
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--prefix", default=f"BI{int(time.time()) % 100000:05d}")
    args = parser.parse_args()
    content = build_csv(args.rows, args.prefix)
    hr, _ = User.objects.get_or_create(email="bench-imports@bench.invalid")
    hr.groups.add(Group.objects.get(name="hr"))  # the importer belongs to HR
    print(
        f"file: {args.rows} rows, {len(content) / 1024 / 1024:.1f} MB; database: "
        f"{connection.vendor}, {Employee.objects.count()} employees before\n"
    )
    results = []

    def upload():
        return import_job_create(
            kind=ImportKind.EMPLOYEES,
            uploaded_file=SimpleUploadedFile("agents.csv", content),
            by=hr,
        )

    job = timed("import_job_create (read, check, store)", upload, results)
    job = timed("import_job_analyse (dry run)", lambda: import_job_analyse(job=job), results)
    assert job.status == "ready", job.summary
    job = timed("import_job_confirm (import)", lambda: import_job_confirm(job=job, by=hr), results)
    assert job.status == "done", job.summary
    summary = job.summary
    again = upload()
    again = timed(
        "import_job_analyse, same file again", lambda: import_job_analyse(job=again), results
    )
    assert again.summary["skip"] == args.rows, again.summary

    print("| step | seconds | rows/s | SQL queries |")
    print("|---|---:|---:|---:|")
    for label, seconds, queries in results:
        print(f"| {label} | {seconds:.1f} | {args.rows / seconds:,.0f} | {queries} |")
    print(
        f"\nimported: {summary['new']} new employees, {summary['logins']} logins "
        f"(invitations queued); now {Employee.objects.count()} employees"
    )


if __name__ == "__main__":
    main()
