"""Inspections background tasks (daily, in Celery beat)."""

from celery import shared_task
from django.utils import timezone

from safety.inspections import notifications


@shared_task
def remind_due_inspections() -> int:
    """Daily: remind advisors and units' agents of overdue and due-soon equipment."""
    return notifications.remind_due(at=timezone.localdate())
