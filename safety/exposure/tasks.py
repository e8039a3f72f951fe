"""Exposure background tasks: thin, queued after commit."""

from celery import shared_task

from safety.exposure import notifications
from safety.exposure.models import Measurement


@shared_task
def notify_over_limit(measurement_id: int) -> int:
    measurement = Measurement.objects.filter(pk=measurement_id).first()
    if measurement is None:
        return 0
    return notifications.over_limit(measurement=measurement)
