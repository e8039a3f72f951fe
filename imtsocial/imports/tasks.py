"""Import tasks: thin, idempotent, queued after commit by the views."""

from celery import shared_task
from django.conf import settings

from imtsocial.accounts.models import User
from imtsocial.imports import services
from imtsocial.imports.models import ImportJob

# Analysing or importing a file stops after IMPORT_TASK_TIME_LIMIT seconds: the service
# checks its deadline as it reads and before each row, and fails the job with a French
# message. Celery's limits are the backstop: the soft one, 30 s later, raises in the task
# (same message); the hard one kills a worker stuck in C code (the sweeper then fails the
# job, IMPORT_STALE_AFTER_SECONDS).
TIME_LIMITS = {
    "soft_time_limit": settings.IMPORT_TASK_TIME_LIMIT + 30,
    "time_limit": settings.IMPORT_TASK_TIME_LIMIT + 90,
}


@shared_task(**TIME_LIMITS)
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


@shared_task(**TIME_LIMITS)
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
