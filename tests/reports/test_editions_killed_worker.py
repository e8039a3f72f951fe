"""A worker process killed in the middle of a build: the edition is never marked done
with a half-written file; Celery gives the task again (late acknowledgement,
``reject_on_worker_lost``) and the build starts over and publishes one complete PDF.

A real ``celery worker`` (prefork, one child) is started on the test database; each step
of the build lasts 1 s (``REPORTS_STEP_DELAY_SECONDS``) so that its child can be killed
(SIGKILL) while section A is being prepared."""

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from imtsocial.accounts.roles import Role
from imtsocial.celery import app
from imtsocial.reports import services
from imtsocial.reports.models import Edition
from tests.reports.chapter_data import read

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]


def _database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _wait(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def worker(transactional_db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    app.control.purge()
    log = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "REPORTS_STEP_DELAY_SECONDS": "1",
    }
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "imtsocial", "worker", "--pool=prefork",
             "--concurrency=1", "--without-heartbeat", "--without-gossip", "--without-mingle",
             "-Q", "celery,documents", "--loglevel=INFO"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        _wait(lambda: "ready" in log.read_text(), 60, "the worker to start")
        yield process, log
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def test_a_worker_killed_mid_build_never_marks_a_half_file_done_and_the_build_reruns(
    worker, make_user
):
    process, log = worker
    edition, _created = services.request_edition(2012, make_user(Role.DIRECTOR))

    def in_section_a():
        row = Edition.objects.get(pk=edition.pk)
        return row if row.status == "running" and row.progress >= 30 else None

    running = _wait(in_section_a, 60, "the build to reach section A")
    assert running.attempts == 1 and not running.pdf and not running.sha256
    children = _children(process.pid)
    assert len(children) == 1, children
    os.kill(children[0], signal.SIGKILL)

    # Just after the kill: not done, no file published.
    killed = Edition.objects.get(pk=edition.pk)
    assert killed.status != "done" and not killed.pdf

    def finished():
        row = Edition.objects.get(pk=edition.pk)
        return row if row.status in ("done", "failed") else None

    done = _wait(finished, 90, "the build to run again and finish")
    assert done.status == "done", done.error
    assert done.attempts == 2  # the killed attempt, then the complete one
    content = read(done)
    assert hashlib.sha256(content).hexdigest() == done.sha256 and len(content) == done.size
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    published = sorted(p.name for p in (Path(settings.MEDIA_ROOT) / "reports/2012").iterdir())
    assert published == ["ddrs-odd8-2012-1.pdf"]
    assert "WorkerLostError" in log.read_text()
