"""The two commands and their configuration, as a new user meets them."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SYSTEM_PATH = "/usr/bin:/bin:/usr/sbin:/sbin"


def _bash(script: str, *, cwd=ROOT, timeout=60, **env):
    env.setdefault("HOME", str(ROOT / "var"))
    return subprocess.run(  # noqa: S603 - fixed arguments
        ["/bin/bash", "-c", script],
        cwd=cwd,
        env={"PATH": SYSTEM_PATH, "LANG": "C.UTF-8", **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_env_example_loads_in_a_shell_with_the_values_compose_reads():
    result = _bash(
        'set -a; . ./.env.example; set +a; printf "%s|%s" "$DEFAULT_FROM_EMAIL" "$SITE_URL"'
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "imtsocial <no-reply@example.fr>|https://intranet.example.fr"


def test_compose_and_the_image_run_the_commands_of_scripts_serve():
    compose = (ROOT / "docker-compose.yml").read_text()
    for process in ("web", "worker", "beat"):
        assert f'command: ["scripts/serve", "{process}"]' in compose
    assert 'CMD ["scripts/serve", "web"]' in (ROOT / "Dockerfile").read_text()
    # compose takes DATABASE_URL from .env when it is set there.
    assert "DATABASE_URL: ${DATABASE_URL:-" in compose


@pytest.mark.django_db
def test_compose_runs_the_postgresql_major_version_the_tests_run_on():
    image = re.search(r"image: postgres:(\d+)", (ROOT / "docker-compose.yml").read_text())[1]
    assert int(image) == connection.pg_version // 10000


def _settings_in(env_file: Path, **extra) -> dict:
    script = (
        f"set -a; . {env_file}; set +a; "
        f"{sys.executable} -c 'import django; django.setup(); "
        "from django.conf import settings as s; "
        'print(s.DEBUG, s.EMBEDDED, s.DATABASES["default"]["ENGINE"], s.CELERY_TASK_ALWAYS_EAGER, '
        "s.VAR_DIR)'"
    )
    result = _bash(script, DJANGO_SETTINGS_MODULE="imtsocial.settings", **extra)
    assert result.returncode == 0, result.stderr
    return dict(
        zip(("debug", "embedded", "engine", "eager", "var"), result.stdout.split(), strict=True)
    )


def test_the_demo_of_scripts_run_is_embedded_without_django_debug_pages():
    shown = _settings_in(ROOT / "scripts" / "embedded.env", IMTSOCIAL_VAR_DIR="")
    assert shown["debug"] == "False"  # the intranet's own 403/404/500 pages
    assert shown["embedded"] == "True"
    assert shown["engine"] == "django.db.backends.sqlite3"
    assert shown["eager"] == "True"
    # An empty IMTSOCIAL_VAR_DIR is the default folder, not the current directory.
    assert shown["var"] == str(ROOT / "var")


def test_scripts_run_documents_its_port_and_reset_and_follows_the_port_in_links():
    run = (ROOT / "scripts" / "run").read_text()
    assert 'export SITE_URL="http://127.0.0.1:${PORT}"' in run
    assert "demo --if-missing" in run
    readme = (ROOT / "README.md").read_text()
    assert "./scripts/run [PORT]" in readme
    assert "/comptes/login/" in readme
    assert "./scripts/run --reset-demo" in readme


def _uv_cache() -> str:
    if os.environ.get("UV_CACHE_DIR"):
        return os.environ["UV_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "uv")


@pytest.mark.services
def test_the_bootstrap_works_with_only_the_system_python_on_the_path(tmp_path):
    """scripts/lib.sh on a throw-away copy, with a PATH of the system folders only and an
    empty home: uv comes from a private venv of Debian's python3, never from pip on the
    system Python (PEP 668), and the project's environment is built from uv.lock."""
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("pyproject.toml", "uv.lock", "README.md"):
        shutil.copy(ROOT / name, copy / name)
    shutil.copytree(ROOT / "scripts", copy / "scripts")
    home = tmp_path / "home"
    home.mkdir()
    result = _bash(
        "source scripts/lib.sh && ensure_python_env --no-dev && command -v uv "
        "&& .venv/bin/python -c 'import django, sys; print(django.VERSION[:2], sys.base_prefix)'",
        cwd=copy,
        timeout=600,
        HOME=home,
        UV_CACHE_DIR=_uv_cache(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    uv_path, versions = result.stdout.strip().splitlines()[-2:]
    assert uv_path.startswith(str(home / ".cache" / "imtsocial"))
    assert versions == "(5, 2) /usr"
    assert "--break-system-packages" not in (ROOT / "scripts" / "lib.sh").read_text()
