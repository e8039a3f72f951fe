"""Import tasks: thin, idempotent, queued after commit by the views."""

from celery import shared_task

from imtsocial.accounts.models import User
from imtsocial.imports import services
from imtsocial.imports.models import ImportJob


@shared_task
def analyse_import(job_id: int) -> str | None:
    """Dry run of an uploaded file. A job already analysed is left as it is."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None:
        return None
    try:
        job = services.import_job_analyse(job=job)
    except services.ImportStateError:
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
        job = services.import_job_confirm(job=job, by=user)
    except services.ImportStateError:
        job.refresh_from_db()
    return job.status


@shared_task
def sweep_import_jobs() -> dict:
    """Every few minutes: fail the jobs whose worker died, delete old uploaded files."""
    return services.import_jobs_sweep()
