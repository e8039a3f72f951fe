"""Social-action background tasks: thin, idempotent, queued after commit."""

from celery import shared_task

from social_action import notifications
from social_action.models import AidRequest, Booking


@shared_task
def notify_requester(request_id: int) -> int:
    request = AidRequest.objects.select_related("requester__user").filter(pk=request_id).first()
    if request is None:
        return 0
    return notifications.aid_request_changed_for_requester(request=request)


@shared_task
def notify_correspondents(request_id: int) -> int:
    request = AidRequest.objects.filter(pk=request_id).first()
    if request is None:
        return 0
    return notifications.aid_request_changed_for_correspondents(request=request)


@shared_task
def send_appointment_reminders() -> int:
    """Hourly: remind each person of tomorrow's appointments, once."""
    return notifications.appointments_remind()


@shared_task
def notify_booking(booking_id: int, event: str) -> int:
    """E-mail the person and the correspondents that an appointment was booked or cancelled."""
    booking = Booking.objects.select_related("employee__user").filter(pk=booking_id).first()
    if booking is None:
        return 0
    return notifications.booking_changed(booking=booking, event=event)
