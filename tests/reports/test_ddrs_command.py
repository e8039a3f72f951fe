"""``manage.py ddrs_report``: the same chapter, synchronously, for operators; a clear
French message and a non-zero exit code on failure."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.reports.models import Edition
from tests.reports.chapter_data import pdf_text, small_school

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_the_command_writes_the_chapter_of_the_year(tmp_path, make_user):
    small_school(make_user(Role.HR))
    target = tmp_path / "chapter.pdf"
    out = StringIO()
    call_command("ddrs_report", "--year", "2020", "--output", str(target), stdout=out)
    content = target.read_bytes()
    assert content.startswith(b"%PDF-")
    # (3 000 + 4 000 + 5 500) / 3 = 4 166,67 → 4 167 €: the same rendering as the editions.
    assert "est de 4 167 € bruts (pour rappel le SMIC est de 1 555 €)" in pdf_text(content)
    assert f"Chapitre 2020 écrit dans {target} ({len(content)} octets, pdf/a-3a)." in (
        out.getvalue()
    )
    assert not Edition.objects.exists()  # operators' copy: no edition recorded
    assert not (tmp_path / "chapter.pdf.part").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", str(timezone.localdate().year + 1)], "n'est pas terminée"),
        (["--year", "2020", "--output", "/nonexistent-dir/chapter.pdf"], "le dossier n'existe"),
    ],
)
def test_a_future_year_or_an_unwritable_output_is_refused_clearly(tmp_path, args, message):
    if "--output" not in args:
        args = [*args, "--output", str(tmp_path / "chapter.pdf")]
    with pytest.raises(CommandError, match=message):
        call_command("ddrs_report", *args)
    assert not (tmp_path / "chapter.pdf").exists()


def test_the_command_exits_non_zero_with_the_message_on_stderr(tmp_path):
    future = str(timezone.localdate().year + 1)
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "ddrs_report", "--year", future, "--output",
         str(tmp_path / "c.pdf")],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert f"L'année {future} n'est pas terminée" in result.stderr
