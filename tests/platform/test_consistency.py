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
