"""The life of an import job: create (checks and stores the file), analyse (dry run, in the
worker), confirm (a person asks), import (in the worker, one transaction), cancel, and the
sweeper that fails the jobs whose worker died and deletes old files.

Nothing is written to the importer's tables before the confirmation, and nothing runs
inside a web request: views create the job and queue the tasks."""

import logging
import time
import uuid
from datetime import timedelta
from pathlib import Path

import tablib
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.models import User
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.formats import filesize
from imtsocial.imports import registry
from imtsocial.imports.files import (
    ImportFileError,
    TimeLimitReached,
    check_headers,
    inspect_file,
    read_table,
)
from imtsocial.imports.messages import recording
from imtsocial.imports.models import IMPORT_FLOW, ImportJob, ImportStatus
from imtsocial.imports.resources import progress_key, progress_note
from imtsocial.locking import lock
from imtsocial.progress import progress_state

logger = logging.getLogger(__name__)


class ImportStateError(DomainError):
    """The job's state does not allow this action."""


def _locked(job: ImportJob) -> ImportJob:
    return lock(ImportJob, job.pk)


def _move(job: ImportJob, verb: str) -> None:
    if not IMPORT_FLOW.allows(job, verb):
        raise ImportStateError(
            _("Action impossible : cet import est à l'état « %(status)s ».")
            % {"status": job.get_status_display()}
        )
    IMPORT_FLOW.apply(job, verb)


def import_job_progress(job: ImportJob) -> dict:
    running = job.is_running
    processed = job.processed_rows
    if running:
        processed = cache.get(progress_key(job.pk)) or 0
    total = job.total_rows or 0
    return progress_state(
        value=processed,
        maximum=total,
        text=_("%(processed)s lignes traitées sur %(total)s")
        % {
            "processed": number_format(processed, force_grouping=True),
            "total": number_format(total, force_grouping=True),
        },
        finished=not running,
        status=job.status,
        status_label=str(job.get_status_display()),
        processed=processed,
        total=job.total_rows,
        done=not running,
    )


def import_job_create(*, kind: str, uploaded_file: UploadedFile, by: User) -> ImportJob:
    """Check and store an uploaded file; the caller queues the analysis after commit."""
    importer = registry.get(kind)
    if importer is None or not importer.may_run(by):
        raise ImportFileError(_("Type d'import inconnu."), field="kind")
    max_bytes = settings.IMPORT_MAX_BYTES
    if uploaded_file.size > max_bytes:
        raise ImportFileError(
            _("Le fichier dépasse la taille maximale de %(size)s.") % {"size": filesize(max_bytes)},
            field="file",
        )
    content = b"".join(uploaded_file.chunks())
    name = Path(uploaded_file.name or "").name
    total = 0
    try:
        # Cheap checks only: a workbook is parsed by the worker, under a time limit; a CSV
        # (at most IMPORT_MAX_BYTES of text) is read here too, for an immediate answer.
        if inspect_file(content, filename=name) == ".csv":
            total = _row_count(read_table(content, filename=name))
    except ImportFileError as exc:
        raise ImportFileError(*exc.messages, field="file") from exc
    job = ImportJob(kind=kind, original_name=name[:255], created_by=by, total_rows=total)
    job.file.save(
        f"{uuid.uuid4().hex}{Path(name).suffix.lower()}", ContentFile(content), save=False
    )
    job.save()
    return job


def _row_count(table) -> int:
    if not table.rows:
        raise ImportFileError(_("Le fichier ne contient aucune ligne de données."))
    return len(table.rows)


def _duration(seconds: int) -> str:
    """« 10 minutes », « 90 secondes », « 1 seconde » (in the active language)."""
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        return ngettext("%(count)s minute", "%(count)s minutes", minutes) % {"count": minutes}
    return ngettext("%(count)s seconde", "%(count)s secondes", seconds) % {"count": seconds}


def _time_limit_message(*, importing: bool) -> str:
    with translation.override("fr"):
        duration = _duration(settings.IMPORT_TASK_TIME_LIMIT)
        if importing:
            return _(
                "Rien n'a été importé : l'import a dépassé la durée maximale de %(duration)s. "
                "Découpez le fichier en plusieurs fichiers plus petits."
            ) % {"duration": duration}
        return _(
            "L'analyse a dépassé la durée maximale de %(duration)s : rien n'a été "
            "enregistré. Découpez le fichier en plusieurs fichiers plus petits, ou "
            "enregistrez-le en CSV."
        ) % {"duration": duration}


def _run(job: ImportJob, *, dry_run: bool, by: User | None) -> dict:
    # the time limit runs from here (IMPORT_TASK_TIME_LIMIT), checked while reading the file
    # and before each row
    deadline = time.monotonic() + settings.IMPORT_TASK_TIME_LIMIT
    with job.file.open("rb") as stored:
        content = stored.read()
    with recording():  # the errors' msgids (the reader's too), translated for each reader
        table = read_table(content, filename=job.file.name, deadline=deadline)
        total = _row_count(table)
        if job.total_rows != total:  # a workbook is counted here, by the worker
            job.total_rows = total
            ImportJob.objects.filter(pk=job.pk).update(total_rows=total)
        resource_class = job.importer.resource
        message = check_headers(table.headers, resource_class.columns)
        if message:
            error = {"line": table.header_line, "column": "", "message": message}
            empty = dict.fromkeys(("new", "update", "skip", "invalid", "logins"), 0)
            return {"total": len(table.rows), **empty, "errors": [error], "errors_total": 1}
        dataset = tablib.Dataset(*table.rows, headers=table.headers)
        resource = resource_class(
            job=job, by=by, lines=table.lines, problems=table.problems, deadline=deadline
        )
        result = resource.import_data(dataset, dry_run=dry_run, use_transactions=True)
        return resource.summarise(result)


def _is_clean(summary: dict) -> bool:
    return not summary["invalid"] and not summary["errors_total"]


def import_job_analyse(*, job: ImportJob) -> ImportJob:
    """Dry run: counts and errors in ``job.summary``; READY or INVALID. Writes nothing."""
    with transaction.atomic():
        job = _locked(job)
        _move(job, "analyse")  # ANALYSING again: a re-delivered task
        job.started_at = timezone.now()
        job.save(update_fields=["status", "started_at"])
    progress_note(job.pk, 0)
    try:
        with translation.override("fr"):
            summary = _run(job, dry_run=True, by=job.created_by)
        verb = "accept" if _is_clean(summary) else "refuse"
    except ImportFileError as exc:
        summary = {"message": " ".join(exc.messages), "errors": [], "errors_total": 0}
        verb = "refuse"
    except (TimeLimitReached, SoftTimeLimitExceeded):
        logger.warning("Analysis of import job %s stopped by its time limit", job.pk)
        summary = {"message": _time_limit_message(importing=False), "errors": []}
        summary["errors_total"] = 0
        verb = "fail"
    except Exception:
        logger.exception("Analysis of import job %s failed", job.pk)
        with translation.override("fr"):
            summary = {"message": _("L'analyse a échoué sur une erreur inattendue.")}
        verb = "fail"
    with transaction.atomic():
        job = _locked(job)
        _move(job, verb)
        job.summary = summary
        job.processed_rows = summary.get("total", 0)
        job.analysed_at = timezone.now()
        if job.status != ImportStatus.READY:
            job.finished_at = job.analysed_at
        job.save()
    return job


def import_job_request_confirmation(*, job: ImportJob, by: User) -> ImportJob:
    """Record who confirmed a READY job; the caller queues ``run_import``. Once only."""
    with transaction.atomic():
        job = _locked(job)
        _move(job, "confirm")
        if job.confirmed_by_id is not None:
            raise ImportStateError(_("Cet import a déjà été confirmé ; il est en cours."))
        job.confirmed_by, job.confirmed_at = by, timezone.now()
        job.save(update_fields=["confirmed_by", "confirmed_at"])
    return job


class _Rejected(Exception):
    def __init__(self, summary):
        super().__init__()
        self.summary = summary


def _fail(job: ImportJob, summary: dict) -> ImportJob:
    with transaction.atomic():
        job = _locked(job)
        _move(job, "fail")
        job.summary = summary
        job.finished_at = timezone.now()
        job.save()
    return job


def import_job_confirm(*, job: ImportJob, by: User) -> ImportJob:
    """The real run, in one transaction: everything is written, or nothing (FAILED)."""
    with transaction.atomic():
        job = _locked(job)  # two confirmations at once: the second one waits, then refuses
        _move(job, "start_import")
        job.confirmed_by = by
        job.confirmed_at = job.confirmed_at or timezone.now()
        job.started_at = timezone.now()
        job.save()
    progress_note(job.pk, 0)
    try:
        with translation.override("fr"), transaction.atomic():
            summary = _run(job, dry_run=False, by=by)
            if not _is_clean(summary):
                raise _Rejected(summary)
            job = _locked(job)
            _move(job, "finish")
            job.summary = summary
            job.processed_rows = summary["total"]
            job.finished_at = timezone.now()
            job.save()
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
    except (TimeLimitReached, SoftTimeLimitExceeded):
        logger.warning("Import job %s stopped by its time limit", job.pk)
        message = _time_limit_message(importing=True)
        return _fail(job, {"message": message, "errors": [], "errors_total": 0})
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        with translation.override("fr"):
            message = _("Rien n'a été importé : une erreur inattendue a interrompu l'import.")
        return _fail(job, {"message": message, "errors": [], "errors_total": 0})
    return job


def import_job_cancel(*, job: ImportJob, by: User) -> ImportJob:
    with transaction.atomic():
        job = _locked(job)
        if job.confirmed_by_id is not None:
            raise ImportStateError(_("Cet import a déjà été confirmé ; il est en cours."))
        _move(job, "cancel")
        job.finished_at = timezone.now()
        job.summary = {**job.summary, "cancelled_by": str(by)}
        job.save()
    return job


# The sweeper ----------------------------------------------------------------------------


def _stale_message(job: ImportJob) -> str:
    with translation.override("fr"):
        if job.status == ImportStatus.IMPORTING or job.confirmed_by_id:
            return _(
                "Rien n'a été importé : le traitement s'est interrompu (le service de "
                "traitement a été arrêté). Déposez le fichier à nouveau."
            )
        return _(
            "L'analyse ne s'est pas terminée (le service de traitement a été arrêté) : "
            "rien n'a été enregistré. Déposez le fichier à nouveau."
        )


def import_jobs_sweep(*, now=None) -> dict:
    """Fail the jobs whose worker died; delete the files of jobs ended long ago.

    A job still analysing or importing after ``IMPORT_STALE_AFTER_SECONDS`` (longer than
    the tasks' hard time limit) cannot still be running: its worker stopped. Files are
    deleted ``IMPORT_FILE_RETENTION_DAYS`` after the job ended (the job and its summary
    stay); a prepared job nobody confirmed in that time is cancelled."""
    now = now or timezone.now()
    stale_before = now - timedelta(seconds=settings.IMPORT_STALE_AFTER_SECONDS)
    keep_after = now - timedelta(days=settings.IMPORT_FILE_RETENTION_DAYS)
    failed = 0
    for job in (
        ImportJob.objects.filter(
            status__in=[ImportStatus.ANALYSING, ImportStatus.IMPORTING], started_at__lt=stale_before
        )
        | ImportJob.objects.filter(status=ImportStatus.PENDING, created_at__lt=stale_before)
        | (ImportJob.objects.filter(status=ImportStatus.READY, confirmed_at__lt=stale_before))
    ):
        with transaction.atomic():
            locked = _locked(job)
            if locked.status != job.status or not IMPORT_FLOW.allows(locked, "fail"):
                continue
            IMPORT_FLOW.apply(locked, "fail")
            locked.summary = {**locked.summary, "message": _stale_message(job), "stalled": True}
            locked.finished_at = now
            locked.save()
            failed += 1
    expired = 0
    for job in ImportJob.objects.filter(
        status=ImportStatus.READY, confirmed_by__isnull=True, analysed_at__lt=keep_after
    ):
        with transaction.atomic():
            locked = _locked(job)
            if locked.status == ImportStatus.READY and locked.confirmed_by_id is None:
                IMPORT_FLOW.apply(locked, "cancel")
                locked.finished_at = now
                locked.summary = {**locked.summary, "expired": True}
                locked.save()
                expired += 1
    deleted = 0
    ended = (ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.CANCELLED, ImportStatus.INVALID)
    for job in ImportJob.objects.filter(status__in=ended, finished_at__lt=keep_after).exclude(
        file=""
    ):
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="", file_deleted_at=now)
        deleted += 1
    return {"failed": failed, "expired": expired, "files_deleted": deleted}
