"""The repository is consistent: no pending migration, complete catalogues, lint-clean."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

ROOT = Path(settings.BASE_DIR)


@pytest.mark.django_db
def test_no_pending_migration():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def _catalogues():
    return sorted((ROOT / "locale").glob("*/LC_MESSAGES/django.po"))


def test_there_is_an_english_catalogue():
    assert [p.parent.parent.name for p in _catalogues()] == ["en"]


@pytest.mark.parametrize("path", _catalogues(), ids=lambda p: p.parent.parent.name)
def test_catalogues_have_no_untranslated_or_fuzzy_entry(path):
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


def test_catalogues_are_up_to_date_with_the_code(tmp_path):
    """Every translatable string of the code is in the catalogue: a fresh
    ``makemessages`` in a scratch copy of the repository finds nothing new."""
    import shutil

    scratch = tmp_path / "repo"
    shutil.copytree(
        ROOT,
        scratch,
        ignore=shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.mo"),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--ignore=tests", "-v0"],
        cwd=scratch,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    committed = {e.msgid for e in polib.pofile(str(ROOT / "locale/en/LC_MESSAGES/django.po"))}
    fresh = {e.msgid for e in polib.pofile(str(scratch / "locale/en/LC_MESSAGES/django.po"))}
    assert fresh - committed == set()


def test_ruff_finds_nothing():
    ruff = Path(sys.executable).parent / "ruff"
    lint = subprocess.run([ruff, "check", "."], cwd=ROOT, capture_output=True, text=True)  # noqa: S603
    fmt = subprocess.run(  # noqa: S603
        [ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert lint.returncode == 0, lint.stdout
    assert fmt.returncode == 0, fmt.stdout


def test_an_undefined_variable_in_our_templates_fails_the_test():
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    with pytest.raises(pytest.fail.Exception, match="Undefined template variable 'label'"):
        render_to_string("components/badge.html", {"level": "info"}, request=request)
    # a template of a library keeps its own defaults
    render_to_string("admin/widgets/clearable_file_input.html", {"widget": {}})


def test_the_error_pages_render_without_a_request_context(rf):
    """Django renders 500.html with no context at all: it must not need one."""
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Erreur" in response.content.decode() or "erreur" in response.content.decode()


DOMAIN_APPS = ("hr", "telework", "safety", "social_action")


def _python_files(folder: str):
    return [p for p in (ROOT / folder).rglob("*.py") if "migrations" not in p.parts]


def test_the_platform_imports_no_domain_app():
    """The kit knows no app. The yearly report (imtsocial/reports/) is the one exception
    by design: it composes the apps' statistics — and no app imports it (below)."""
    import re

    pattern = re.compile(rf"^\s*(from|import) ({'|'.join(DOMAIN_APPS)})(\.| |$)", re.MULTILINE)
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files("imtsocial")
        if "reports" not in p.relative_to(ROOT / "imtsocial").parts[:1]
        and pattern.search(p.read_text())
    ]
    assert offenders == []


def test_no_app_imports_the_report():
    import re

    pattern = re.compile(r"^\s*(from|import) imtsocial\.reports", re.MULTILINE)
    offenders = [
        str(p.relative_to(ROOT))
        for app in DOMAIN_APPS
        for p in _python_files(app)
        if pattern.search(p.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_services_and_tasks_do_not_import_each_other(app):
    services, tasks = ROOT / app / "services.py", ROOT / app / "tasks.py"
    if not (services.exists() and tasks.exists()):
        return
    imports = {
        "services": f"from {app} import" in services.read_text()
        and "tasks" in services.read_text(),
        "tasks": "services" in tasks.read_text(),
    }
    assert not (imports["services"] and imports["tasks"])


def test_no_module_is_over_600_lines():
    long = {
        str(p.relative_to(ROOT)): n
        for folder in ("imtsocial", *DOMAIN_APPS)
        for p in _python_files(folder)
        if (n := len(p.read_text().splitlines())) > 600
    }
    assert long == {}
