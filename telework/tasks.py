"""Telework background tasks: thin, idempotent, queued after commit."""

from celery import shared_task
from django.utils import timezone

from telework import notifications
from telework.models import Loan, TeleworkRequest


@shared_task
def notify_telework_request(request_id: int, event: str) -> int:
    """E-mail the people concerned by a step of a request (nothing if it changed since)."""
    request = (
        TeleworkRequest.objects.select_related("employee__user", "manager__user")
        .filter(pk=request_id, status=event)
        .first()
    )
    if request is None:
        return 0
    return notifications.telework_request_step(request=request, event=event)


@shared_task
def remind_overdue_loans() -> int:
    """Weekly: remind the borrowers of overdue loans (at most once a week per loan)."""
    return notifications.loans_remind_overdue(at=timezone.localdate())


@shared_task
def notify_loan_recorded(loan_id: int) -> int:
    """E-mail the borrower that a loan was recorded (nothing if it is closed since)."""
    loan = Loan.objects.open().select_related("employee__user").filter(pk=loan_id).first()
    if loan is None:
        return 0
    return notifications.loan_recorded(loan=loan)
