"""HR background tasks: thin, idempotent, queued after commit by the views."""

from celery import shared_task

from hr.imports import ImportStateError, import_job_analyse, import_job_confirm
from hr.models import ImportJob
from imtsocial.accounts.models import User


@shared_task
def analyse_import(job_id: int) -> str | None:
    """Dry run of an uploaded file. A job already analysed is left as it is."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return None
    try:
        job = import_job_analyse(job=job)
    except ImportStateError:
        job.refresh_from_db()
    return job.status


@shared_task
def run_import(job_id: int, user_id: int) -> str | None:
    """The confirmed import. A job already imported, cancelled or running is left alone."""
    job = ImportJob.objects.filter(pk=job_id).first()
    user = User.objects.filter(pk=user_id).first()
    if job is None or user is None:
        return None
    try:
        job = import_job_confirm(job=job, by=user)
    except ImportStateError:
        job.refresh_from_db()
    return job.status
