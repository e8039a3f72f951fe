"""Import services: create, analyse (dry run), confirm (one transaction), cancel.

Upload (``import_job_create``) → dry run in a Celery task (``import_job_analyse``)
→ HR reads the preview → confirmation (``import_job_confirm``, one transaction).
Nothing is written before the confirmation.
"""

import logging
import uuid
from pathlib import Path

import tablib
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hr.enums import ImportKind, ImportStatus
from hr.imports.files import ImportFileError, check_headers, read_table
from hr.imports.resources import COLUMNS, RESOURCES, progress_key, progress_note
from hr.models import ImportJob
from imtsocial.accounts.models import User
from imtsocial.audit.models import AuditEvent

logger = logging.getLogger(__name__)


class ImportStateError(Exception):
    """The job's state does not allow this action (message in French)."""


# State machine -------------------------------------------------------------------

# Allowed transitions, in one place. READY → IMPORTING happens in the worker;
# the view only records who asked (``confirmed_by``) and queues the task.
TRANSITIONS: dict[str, frozenset[str]] = {
    ImportStatus.PENDING: frozenset({ImportStatus.ANALYSING, ImportStatus.CANCELLED}),
    ImportStatus.ANALYSING: frozenset(
        {ImportStatus.READY, ImportStatus.INVALID, ImportStatus.FAILED}
    ),
    ImportStatus.READY: frozenset({ImportStatus.IMPORTING, ImportStatus.CANCELLED}),
    ImportStatus.INVALID: frozenset({ImportStatus.CANCELLED}),
    ImportStatus.IMPORTING: frozenset({ImportStatus.DONE, ImportStatus.FAILED}),
    ImportStatus.DONE: frozenset(),
    ImportStatus.FAILED: frozenset(),
    ImportStatus.CANCELLED: frozenset(),
}
RUNNING = frozenset({ImportStatus.PENDING, ImportStatus.ANALYSING, ImportStatus.IMPORTING})


def _state_error(job: ImportJob) -> ImportStateError:
    return ImportStateError(
        _("Action impossible : cet import est à l'état « %(status)s ».")
        % {"status": job.get_status_display()}
    )


def _move(job: ImportJob, to: str) -> None:
    if to not in TRANSITIONS[job.status]:
        raise _state_error(job)
    job.status = to


def _locked(job: ImportJob) -> ImportJob:
    return ImportJob.objects.select_for_update().get(pk=job.pk)


def import_job_is_running(job: ImportJob) -> bool:
    """Analysis or import queued or in progress (the page shows a progress bar)."""
    queued = job.status == ImportStatus.READY and job.confirmed_by_id is not None
    return job.status in RUNNING or queued


def import_job_can_confirm(job: ImportJob) -> bool:
    return job.status == ImportStatus.READY and job.confirmed_by_id is None


def import_job_can_cancel(job: ImportJob) -> bool:
    return ImportStatus.CANCELLED in TRANSITIONS[job.status]


def import_job_progress(job: ImportJob) -> dict:
    running = import_job_is_running(job)
    processed = job.processed_rows
    if running:
        processed = cache.get(progress_key(job.pk)) or 0
    return {
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "processed": processed,
        "total": job.total_rows,
        "done": not running,
    }


# Services ---------------------------------------------------------------------------


def import_job_create(*, kind: str, uploaded_file: UploadedFile, by: User) -> ImportJob:
    """Check and store an uploaded file; the analysis is queued by the caller."""
    if kind not in ImportKind.values:
        raise ImportFileError(_("Type d'import inconnu."))
    max_bytes = settings.IMPORT_MAX_BYTES
    if uploaded_file.size > max_bytes:
        raise ImportFileError(
            _("Le fichier dépasse la taille maximale de %(size)s.")
            % {"size": filesizeformat(max_bytes)}
        )
    content = b"".join(uploaded_file.chunks())
    name = Path(uploaded_file.name or "").name
    table = read_table(content, filename=name)
    if not table.rows:
        raise ImportFileError(_("Le fichier ne contient aucune ligne de données."))
    job = ImportJob(kind=kind, original_name=name[:255], created_by=by, total_rows=len(table.rows))
    job.file.save(
        f"{uuid.uuid4().hex}{Path(name).suffix.lower()}", ContentFile(content), save=False
    )
    job.save()
    return job


def _run(job: ImportJob, *, dry_run: bool, by: User | None) -> dict:
    with job.file.open("rb") as stored:
        content = stored.read()
    table = read_table(content, filename=job.file.name)
    expected = COLUMNS[job.kind]
    message = check_headers(table.headers, expected)
    if message:
        error = {"line": table.header_line, "column": "", "message": message}
        return {
            "total": len(table.rows),
            "new": 0,
            "update": 0,
            "skip": 0,
            "invalid": 0,
            "logins": 0,
            "errors": [error],
            "errors_total": 1,
        }
    dataset = tablib.Dataset(*table.rows, headers=table.headers)
    resource = RESOURCES[job.kind](job=job, by=by, lines=table.lines, problems=table.problems)
    result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True)
    return resource.summarise(result)


def _is_clean(summary: dict) -> bool:
    return not summary["invalid"] and not summary["errors_total"]


def import_job_analyse(*, job: ImportJob) -> ImportJob:
    """Dry run: counts and errors in ``job.summary``; READY or INVALID. Writes nothing."""
    with transaction.atomic():
        job = _locked(job)
        if job.status != ImportStatus.ANALYSING:  # ANALYSING again: a re-delivered task
            _move(job, ImportStatus.ANALYSING)
            job.save(update_fields=["status"])
    progress_note(job.pk, 0)
    try:
        with translation.override("fr"):
            summary = _run(job, dry_run=True, by=job.created_by)
        status = ImportStatus.READY if _is_clean(summary) else ImportStatus.INVALID
    except ImportFileError as exc:
        summary = {"message": str(exc), "errors": [], "errors_total": 0}
        status = ImportStatus.INVALID
    except Exception:
        logger.exception("Analysis of import job %s failed", job.pk)
        with translation.override("fr"):
            summary = {"message": _("L'analyse a échoué sur une erreur inattendue.")}
        status = ImportStatus.FAILED
    _move(job, status)
    job.summary = summary
    job.processed_rows = summary.get("total", 0)
    job.save(update_fields=["status", "summary", "processed_rows"])
    return job


def import_job_request_confirmation(*, job: ImportJob, by: User) -> ImportJob:
    """Record who confirmed a READY job; the caller queues ``run_import``. Once only."""
    with transaction.atomic():
        job = _locked(job)
        if job.status != ImportStatus.READY:
            raise _state_error(job)
        if job.confirmed_by_id is not None:
            raise ImportStateError(_("Cet import a déjà été confirmé ; il est en cours."))
        job.confirmed_by = by
        job.save(update_fields=["confirmed_by"])
    return job


class _Rejected(Exception):
    def __init__(self, summary):
        super().__init__()
        self.summary = summary


def _fail(job: ImportJob, summary: dict) -> ImportJob:
    job.refresh_from_db()
    _move(job, ImportStatus.FAILED)
    job.summary = summary
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "summary", "finished_at"])
    return job


def import_job_confirm(*, job: ImportJob, by: User) -> ImportJob:
    """The real run, in one transaction: everything is written, or nothing (FAILED)."""
    with transaction.atomic():
        job = _locked(job)  # two confirmations at once: the second one waits, then refuses
        _move(job, ImportStatus.IMPORTING)
        job.confirmed_by = by
        job.save(update_fields=["status", "confirmed_by"])
    progress_note(job.pk, 0)
    try:
        with translation.override("fr"), transaction.atomic():
            summary = _run(job, dry_run=False, by=by)
            if not _is_clean(summary):
                raise _Rejected(summary)
            _move(job, ImportStatus.DONE)
            job.summary = summary
            job.processed_rows = summary["total"]
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "summary", "processed_rows", "finished_at"])
            AuditEvent.log_change(
                actor=by,
                obj=job,
                detail=_("Import : %(new)s lignes créées, %(update)s modifiées")
                % {"new": summary["new"], "update": summary["update"]},
            )
    except _Rejected as exc:
        with translation.override("fr"):
            message = _(
                "Rien n'a été importé : le fichier contient des erreurs apparues depuis "
                "l'analyse. Corrigez-le et déposez-le à nouveau."
            )
        return _fail(job, exc.summary | {"message": message})
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        with translation.override("fr"):
            message = _("Rien n'a été importé : une erreur inattendue a interrompu l'import.")
        return _fail(job, {"message": message, "errors": [], "errors_total": 0})
    return job


def import_job_cancel(*, job: ImportJob, by: User) -> ImportJob:
    with transaction.atomic():
        job = _locked(job)
        _move(job, ImportStatus.CANCELLED)
        job.finished_at = timezone.now()
        job.summary = {**job.summary, "cancelled_by": str(by)}
        job.save(update_fields=["status", "finished_at", "summary"])
    return job
