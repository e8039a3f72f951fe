"""The import kit itself: limits of every importer, and the sweeper."""

import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hr.enums import ImportKind
from imtsocial.accounts.roles import Role
from imtsocial.imports.files import ImportFileError
from imtsocial.imports.models import ImportJob, ImportStatus
from imtsocial.imports.services import import_job_create, import_jobs_sweep

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _bomb(size: int) -> bytes:
    """A workbook whose one sheet inflates to ``size`` bytes (blank padding: tiny zipped)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * size)
    return buffer.getvalue()


def test_a_workbook_that_inflates_too_much_is_refused_before_reading(make_user, settings):
    settings.IMPORT_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    content = _bomb(5 * 1024 * 1024)
    assert len(content) < 50 * 1024  # small on the wire
    with pytest.raises(ImportFileError, match="une fois décompressé"):
        import_job_create(
            kind=ImportKind.EMPLOYEES,
            uploaded_file=SimpleUploadedFile("agents.xlsx", content),
            by=make_user(Role.HR),
        )
    assert not ImportJob.objects.exists()


def test_blank_lines_count_towards_the_row_limit(make_user, settings):
    settings.IMPORT_MAX_ROWS = 10
    content = ("matricule;nom\nN1;A\n" + "\n" * 50 + "N2;B\n").encode()
    with pytest.raises(ImportFileError, match="dépasse 10 lignes"):
        import_job_create(
            kind=ImportKind.EMPLOYEES,
            uploaded_file=SimpleUploadedFile("agents.csv", content),
            by=make_user(Role.HR),
        )


def test_an_importer_of_another_role_is_refused(make_user):
    with pytest.raises(ImportFileError, match="inconnu"):
        import_job_create(
            kind="telework.assets",
            uploaded_file=SimpleUploadedFile("inventaire.csv", b"inventaire\nPC\n"),
            by=make_user(Role.HR),
        )


def _job(user, status, **fields) -> ImportJob:
    job = ImportJob(kind=ImportKind.EMPLOYEES, original_name="a.csv", created_by=user)
    job.file.save("a.csv", ContentFile(b"matricule\nN1\n"), save=False)
    job.status = status
    job.save()
    ImportJob.objects.filter(pk=job.pk).update(**fields)
    job.refresh_from_db()
    return job


def test_the_sweeper_fails_jobs_whose_worker_died_and_says_so(make_user, settings, client):
    hr = make_user(Role.HR)
    now = timezone.now()
    limit = timedelta(seconds=settings.IMPORT_STALE_AFTER_SECONDS)
    dead = _job(hr, ImportStatus.IMPORTING, started_at=now - limit - timedelta(minutes=1))
    alive = _job(hr, ImportStatus.ANALYSING, started_at=now - limit + timedelta(minutes=1))
    never_started = _job(hr, ImportStatus.PENDING, created_at=now - limit - timedelta(minutes=1))
    assert import_jobs_sweep(now=now)["failed"] == 2
    for job in (dead, alive, never_started):
        job.refresh_from_db()
    assert (dead.status, alive.status, never_started.status) == (
        ImportStatus.FAILED,
        ImportStatus.ANALYSING,
        ImportStatus.FAILED,
    )
    client.force_login(hr)
    page = client.get(f"/imports/{dead.pk}/").content.decode()
    assert "le traitement s&#x27;est interrompu" in page
    assert import_jobs_sweep(now=now)["failed"] == 0  # idempotent


def test_the_sweeper_deletes_old_files_and_expires_forgotten_previews(make_user, settings):
    hr = make_user(Role.HR)
    now = timezone.now()
    old = now - timedelta(days=settings.IMPORT_FILE_RETENTION_DAYS + 1)
    done = _job(hr, ImportStatus.DONE, finished_at=old)
    recent = _job(hr, ImportStatus.DONE, finished_at=now - timedelta(days=1))
    forgotten = _job(hr, ImportStatus.READY, analysed_at=old)
    path = done.file.path
    result = import_jobs_sweep(now=now)
    assert result == {"failed": 0, "expired": 1, "files_deleted": 1}
    for job in (done, recent, forgotten):
        job.refresh_from_db()
    assert done.file.name == "" and done.file_deleted_at == now
    assert not Path(path).exists()
    assert recent.file.name != ""
    assert forgotten.status == ImportStatus.CANCELLED
    # the summary and the history of the job stay
    assert ImportJob.objects.count() == 3
