from celery import shared_task

from imtsocial.audit.models import AuditEvent


@shared_task
def purge_expired_audit_events() -> int:
    """Apply the retention period of the access journal (RULES.md §6: 3 years)."""
    return AuditEvent.objects.purge_expired()
