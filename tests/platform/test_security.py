import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from imtsocial.accounts.roles import Role

ROOT = Path(settings.BASE_DIR)


def _run_manage(*args, **env):
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    full_env.update({"DJANGO_SETTINGS_MODULE": "imtsocial.settings", **env})
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_without_any_warning():
    result = _run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY="k" * 20 + "production-like-secret-0123456789abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="intranet.example.fr",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _run_manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_check_deploy_refuses_the_placeholder_secret_of_env_example():
    placeholder = re.search(
        r"^DJANGO_SECRET_KEY=(.+)$", (ROOT / ".env.example").read_text(), re.MULTILINE
    )[1]
    result = _run_manage(
        "check",
        "--deploy",
        DJANGO_SECRET_KEY=placeholder,
        DJANGO_ALLOWED_HOSTS="intranet.example.fr",
        DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
        REDIS_URL="redis://127.0.0.1:1/0",
    )
    assert result.returncode != 0
    assert "imtsocial.E001" in result.stderr


@pytest.mark.parametrize("missing", ["DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_its_database_or_broker(missing):
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "intranet.example.fr",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "REDIS_URL": "redis://127.0.0.1:1/0",
    }
    result = _run_manage("check", **{**env, missing: ""})
    assert result.returncode != 0
    assert f"{missing} required outside the embedded mode" in result.stderr


def test_debug_mode_starts_on_the_embedded_default(tmp_path):
    result = _run_manage(
        "check", DJANGO_DEBUG="1", DATABASE_URL="", REDIS_URL="", IMTSOCIAL_VAR_DIR=str(tmp_path)
    )
    assert result.returncode == 0, result.stderr


def test_a_typo_in_a_boolean_variable_stops_the_start():
    result = _run_manage("check", DJANGO_DEBUG="flase")
    assert result.returncode != 0
    assert "DJANGO_DEBUG='flase' is not a boolean" in result.stderr


def test_the_planner_cost_is_sent_to_postgresql_and_a_typo_stops_the_start(db):
    """Every connection tells PostgreSQL that random reads are cheap (SSD storage), so
    that it joins a page's rows by index instead of hashing whole tables."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
    result = _run_manage(
        "check",
        DATABASE_URL="postgres://imtsocial@127.0.0.1:1/imtsocial",
        REDIS_URL="redis://127.0.0.1:1/0",
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_RANDOM_PAGE_COST="rapide",
    )
    assert result.returncode != 0
    assert "DATABASE_RANDOM_PAGE_COST='rapide' is not a number" in result.stderr


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
STYLE_ATTR = re.compile(r"\sstyle=", re.IGNORECASE)
EVENT_ATTR = re.compile(r"\son[a-z]+=", re.IGNORECASE)
STYLE_TAG = re.compile(r"<style", re.IGNORECASE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url_name",
    [
        "home",
        "hr:my_file",
        "hr:team",
        "hr:employee_list",
        "telework:index",
        "safety:index",
        "social_action:index",
        "audit:journal",
        "account_change_password",
        "mfa_index",
    ],
)
def test_pages_have_a_strict_csp_and_no_inline_script_or_style(client, make_user, url_name):
    user = make_user(Role.EMPLOYEE, Role.MANAGER, Role.HR, Role.DPO)
    client.force_login(user)
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    html = response.content.decode()
    for pattern in (INLINE_SCRIPT, STYLE_ATTR, EVENT_ATTR, STYLE_TAG):
        assert not pattern.search(html), f"{pattern.pattern} in {url_name}"


@pytest.mark.django_db
def test_login_page_has_no_inline_script_or_style(client):
    html = client.get(reverse("account_login")).content.decode()
    for pattern in (INLINE_SCRIPT, STYLE_ATTR, EVENT_ATTR, STYLE_TAG):
        assert not pattern.search(html)


def test_nothing_is_loaded_from_another_host():
    """The intranet works with no internet: templates reference no CDN."""
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        text = template.read_text()
        if re.search(r"(src|href)=\"(https?:)?//", text):
            offenders.append(str(template))
    assert offenders == []


PRODUCTION_RESPONSE = """
import json
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="intranet.example.fr")
response = client.get("/comptes/login/", secure=True)
plain = client.get("/comptes/login/")
cookies = {
    name: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"]), "samesite": m["samesite"]}
    for name, m in response.cookies.items()
}
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "cookies": cookies,
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
}))
"""


def test_a_response_of_the_production_settings_carries_every_security_header():
    import json

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="imtsocial.settings",
        DJANGO_SECRET_KEY="k" * 20 + "production-like-secret-0123456789abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="intranet.example.fr",
        IMTSOCIAL_EMBEDDED="0",
        STATIC_USE_FINDERS="1",  # no collectstatic manifest in a test run
    )
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", PRODUCTION_RESPONSE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["status"] == 200
    headers = {k.lower(): v for k, v in seen["headers"].items()}
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-content-type-options"] == "nosniff"
    policy = headers["permissions-policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    # the session-free login page sets the CSRF cookie: secure, HttpOnly, same-site
    assert seen["cookies"]["csrftoken"] == {"secure": True, "httponly": True, "samesite": "Lax"}
    # plain HTTP is redirected to HTTPS
    assert seen["plain_status"] == 301
    assert seen["plain_location"].startswith("https://intranet.example.fr/")


def test_production_session_cookie_is_secure_and_http_only():
    """The session cookie's flags, as the production settings set them."""
    result = _run_manage(
        "shell",
        "-c",
        "from django.conf import settings as s; print(s.SESSION_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, "
        "s.IMTSOCIAL_MFA_REQUIRED, s.DJANGO_ADMIN_PATH)",
        DJANGO_SECRET_KEY="k" * 20 + "production-like-secret-0123456789abcdefghijklmnop",
        DJANGO_ALLOWED_HOSTS="intranet.example.fr",
    )
    assert result.returncode == 0, result.stderr
    last = result.stdout.strip().splitlines()[-1]  # after the shell's own notice
    assert last.split() == ["True", "True", "True", "True", "True", "gestion-technique/"]


@pytest.mark.django_db
def test_every_page_sends_a_permissions_policy(client):
    response = client.get(reverse("account_login"))
    assert "camera=()" in response["Permissions-Policy"]
