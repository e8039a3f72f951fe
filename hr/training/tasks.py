"""Training background tasks: thin, idempotent, queued after commit."""

from celery import shared_task

from hr.training import notifications
from hr.training.models import Enrolment


@shared_task
def notify_enrolment(enrolment_id: int, audience: str) -> int:
    enrolment = (
        Enrolment.objects.select_related("employee__user", "employee__manager__user")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None:
        return 0
    return notifications.enrolment_changed(enrolment=enrolment, audience=audience)
