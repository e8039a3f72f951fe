"""Backup and restore, as an operator runs them: ``scripts/backup`` dumps the database
and the private files, ``scripts/restore`` brings them back into a fresh database and
media folder — where the data and the files are found again."""

import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from hr.models import Employee
from tests.factories import EmployeeFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.services


def _url(name: str) -> str:
    s = connection.settings_dict
    return f"postgresql://{s['USER']}@{s['HOST']}:{s['PORT']}/{name}"


def _run(script, *args, **env):
    return subprocess.run(  # noqa: S603 - fixed arguments
        [str(ROOT / "scripts" / script), *map(str, args)],
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def fresh_database():
    name = f"imtsocial_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_a_backup_restored_into_a_fresh_database_gives_back_the_data_and_files(
    transactional_db, tmp_path, fresh_database
):
    EmployeeFactory(first_name="Hélène", last_name="Sauvegarde")
    media = tmp_path / "media"
    (media / "social_action" / "documents").mkdir(parents=True)
    (media / "social_action" / "documents" / "avis.pdf").write_bytes(b"%PDF-1.7 avis")
    backup = tmp_path / "backup"

    made = _run(
        "backup", backup, DATABASE_URL=_url(connection.settings_dict["NAME"]), MEDIA_ROOT=media
    )
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in backup.iterdir()) == [
        "SHA256SUMS",
        "database.dump",
        "media.tar.gz",
    ]

    restored_media = tmp_path / "restored-media"
    done = _run("restore", backup, DATABASE_URL=_url(fresh_database), MEDIA_ROOT=restored_media)
    assert done.returncode == 0, done.stderr
    with psycopg.connect(_url(fresh_database)) as restored:
        names = restored.execute(
            f"SELECT first_name, last_name FROM {Employee._meta.db_table}"  # noqa: S608
        ).fetchall()
    assert ("Hélène", "Sauvegarde") in names
    assert (restored_media / "social_action" / "documents" / "avis.pdf").read_bytes() == (
        b"%PDF-1.7 avis"
    )


def test_a_damaged_backup_is_refused_before_anything_is_written(
    transactional_db, tmp_path, fresh_database
):
    media = tmp_path / "media"
    media.mkdir()
    backup = tmp_path / "backup"
    url = _url(connection.settings_dict["NAME"])
    assert _run("backup", backup, DATABASE_URL=url, MEDIA_ROOT=media).returncode == 0
    with (backup / "database.dump").open("ab") as dump:
        dump.write(b"corrupted")
    done = _run(
        "restore", backup, DATABASE_URL=_url(fresh_database), MEDIA_ROOT=tmp_path / "restored"
    )
    assert done.returncode != 0
    assert "FAILED" in done.stdout + done.stderr
    with psycopg.connect(_url(fresh_database)) as restored:
        tables = restored.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()[0]
    assert tables == 0
    assert not (tmp_path / "restored").exists()
