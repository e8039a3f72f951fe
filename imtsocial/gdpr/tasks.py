from celery import shared_task

from imtsocial.gdpr import services


@shared_task
def apply_retention() -> dict:
    """Daily: the retention periods of RULES.md §6 (dry-run report, then applied unless
    ``GDPR_RETENTION_DRY_RUN``). Returns the counts treated per category."""
    report = services.retention_apply()
    return {"due": report.due, "treated": report.treated, "applied": report.applied}
