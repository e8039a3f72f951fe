"""The production shape, started for real: the processes of docker-compose.yml.

``scripts/serve`` is the one source of the web, worker and beat commands (compose and
the image run it too). This test starts the three of them as separate processes with
the production settings (debug off, hashed static files collected by ``collectstatic``)
on the test PostgreSQL and Redis, talks HTTP to gunicorn as a TLS-terminating proxy
would (``X-Forwarded-Proto: https``), logs in, publishes a DUERP edition — its PDF is
rendered by a Celery task that only the worker process can run, since production
settings never run tasks in-process — downloads that PDF and checks ``/healthz``.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from imtsocial.accounts.roles import Role
from safety.models import DuerpEdition
from tests.factories import PASSWORD, totp_code
from tests.safety.factories import PreventionAdvisorFactory

pytestmark = [pytest.mark.services, pytest.mark.production_shape]

ROOT = Path(__file__).resolve().parents[2]
SERVE = ROOT / "scripts" / "serve"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _database_url() -> str:
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


class Proxy:
    """What a TLS-terminating proxy in front of gunicorn sends: the forwarded scheme, the
    cookies of the browser (secure cookies: the browser speaks HTTPS to the proxy) and, on
    a form, the HTTPS origin. Redirects are returned, not followed."""

    def __init__(self, port: int):
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, method, path, form=None, *, forwarded=True):
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if forwarded:
            headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
            headers["Referer"] = self.origin + path
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return response.status, response.headers, content

    def csrf_token(self, path) -> str:
        status, _headers, content = self.request("GET", path)
        assert status == 200, (path, status)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)[1].decode()


def _wait_for(predicate, *, timeout: float, what: str, processes):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, process in processes.items():
            assert process.poll() is None, f"{name} exited early: see {process.args}"
        try:
            if predicate():
                return
        except (ConnectionError, OSError):
            pass
        time.sleep(0.5)
    pytest.fail(f"{what} did not happen within {timeout:.0f} s")


@pytest.fixture
def production(transactional_db, tmp_path):
    """The three processes of compose, on the test database and broker."""
    from imtsocial.celery import app

    app.control.purge()  # messages left by earlier tests are not this worker's business
    port = _free_port()
    python_dir = str(Path(sys.executable).parent)
    env = {
        "PATH": f"{python_dir}:/usr/bin:/bin",
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "imtsocial.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "production-shape-" + "s3cr3t-" * 8,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_CSRF_TRUSTED_ORIGINS": f"https://127.0.0.1:{port}",
        "SITE_URL": f"https://127.0.0.1:{port}",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "IMTSOCIAL_VAR_DIR": str(tmp_path / "var"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "PORT": str(port),
        "BIND_ADDRESS": "127.0.0.1",
        "WEB_WORKERS": "2",
        "WORKER_CONCURRENCY": "1",
        "WORKER_NAME": f"production-shape-{port}",
        "BEAT_SCHEDULE_FILE": str(tmp_path / "beat-schedule"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    logs, processes = {}, {}
    for name in ("web", "worker", "beat"):
        logs[name] = tmp_path / f"{name}.log"
        with logs[name].open("wb") as log:
            processes[name] = subprocess.Popen(  # noqa: S603 - fixed arguments
                [str(SERVE), name],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
    proxy = Proxy(port)
    try:
        _wait_for(
            lambda: proxy.request("GET", "/healthz")[0] == 200,
            timeout=90,
            what="gunicorn answering /healthz",
            processes=processes,
        )
        yield proxy, processes, logs, tmp_path
    finally:
        for process in processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def test_gunicorn_worker_and_beat_serve_the_intranet_as_in_production(production, make_user):
    proxy, processes, logs, tmp_path = production
    advisor = make_user(Role.PREVENTION)
    PreventionAdvisorFactory(user=advisor)
    # The tests hash with MD5 for speed; production only knows its own hashers.
    advisor.password = PBKDF2PasswordHasher().encode(PASSWORD, PBKDF2PasswordHasher().salt())
    advisor.save(update_fields=["password"])

    # Plain HTTP that did not come through the proxy is sent to HTTPS (debug is off).
    status, headers, _ = proxy.request("GET", "/comptes/login/", forwarded=False)
    assert status == 301
    assert headers["Location"].startswith("https://127.0.0.1")

    status, _headers, content = proxy.request("GET", "/healthz")
    assert status == 200
    assert b'"status": "ok"' in content or b'"status":"ok"' in content

    # The login page links the collected, hashed static files, and WhiteNoise serves them.
    status, _headers, page = proxy.request("GET", "/comptes/login/")
    assert status == 200
    stylesheet = re.search(rb'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page)
    assert stylesheet, "no hashed stylesheet on the login page"
    assert proxy.request("GET", stylesheet[1].decode())[0] == 200

    token = proxy.csrf_token("/comptes/login/")
    status, headers, _ = proxy.request(
        "POST",
        "/comptes/login/",
        {"csrfmiddlewaretoken": token, "login": advisor.email, "password": PASSWORD},
    )
    assert status == 302, "the login was refused"
    # The prevention advisor's role requires the second factor: the TOTP code next.
    assert headers["Location"] == "/comptes/2fa/authenticate/"
    token = proxy.csrf_token("/comptes/2fa/authenticate/")
    status, headers, _ = proxy.request(
        "POST", "/comptes/2fa/authenticate/", {"csrfmiddlewaretoken": token, "code": totp_code()}
    )
    assert status == 302, "the second factor was refused"
    assert proxy.request("GET", "/")[0] == 200

    token = proxy.csrf_token("/prevention/editions/publier/")
    status, headers, _ = proxy.request(
        "POST",
        "/prevention/editions/publier/",
        {"csrfmiddlewaretoken": token, "year": "2026", "note": "Production shape"},
    )
    assert status == 302
    edition = DuerpEdition.objects.get()
    download = f"/prevention/editions/{edition.pk}/pdf/"

    def pdf_served():
        status, _headers, content = proxy.request("GET", download)
        return status == 200 and content.startswith(b"%PDF-")

    _wait_for(pdf_served, timeout=120, what="the worker rendering the PDF", processes=processes)
    edition.refresh_from_db()
    assert edition.pdf_checksum
    assert "render_edition_pdf" in logs["worker"].read_text()

    _wait_for(
        lambda: "beat: Starting" in logs["beat"].read_text(),
        timeout=30,
        what="beat starting",
        processes=processes,
    )
    assert list(tmp_path.glob("beat-schedule*")), "beat wrote no schedule file"
