"""DUERP background tasks: thin, idempotent, queued after commit."""

from celery import shared_task
from django.utils import timezone

from safety import notifications, pdf


@shared_task
def render_edition_pdf(edition_id: int) -> str:
    """Render and store an edition's PDF; an edition already rendered is left as is."""
    return pdf.edition_render(edition_id=edition_id).pdf_checksum


@shared_task
def remind_late_actions() -> int:
    """Daily: one e-mail per owner of late actions (at most one a day per action)."""
    return notifications.late_actions_remind(at=timezone.localdate())
