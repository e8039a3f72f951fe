"""Social-action background tasks: thin, idempotent, queued after commit.

The e-mails say only that something changed and invite the person to log in:
no scheme, no amount, no message content ever leaves the intranet."""

from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

REMINDER_HOURS = 24


def _site_url() -> str:
    return getattr(settings, "SITE_URL", "") or ""


def _changed_mail(recipients: list[str]) -> int:
    if not recipients:
        return 0
    subject = _("[imtsocial] Un dossier d'action sociale a changé")
    body = _(
        "Bonjour,\n\nUn dossier d'action sociale qui vous concerne a changé.\n"
        "Connectez-vous à l'intranet pour le consulter.\n%(url)s\n"
    ) % {"url": _site_url()}
    return send_mail(subject, body, None, recipients)


@shared_task
def notify_requester(request_id: int) -> int:
    from social_action.models import AidRequest

    request = AidRequest.objects.select_related("requester__user").filter(pk=request_id).first()
    if request is None:
        return 0
    user = request.requester.user
    address = (user.email if user and user.is_active else "") or request.requester.work_email
    return _changed_mail([address] if address else [])


@shared_task
def notify_correspondents(request_id: int) -> int:
    from imtsocial.accounts.roles import Role, members_of
    from social_action.models import AidRequest

    if not AidRequest.objects.filter(pk=request_id).exists():
        return 0
    return _changed_mail([user.email for user in members_of(Role.SOCIAL_ACTION)])


@shared_task
def send_appointment_reminders() -> int:
    """Remind each person of tomorrow's appointments. A reminder is sent once."""
    from social_action.models import Booking

    now = timezone.now()
    due = Booking.objects.filter(
        cancelled_at__isnull=True,
        reminder_sent_at__isnull=True,
        slot__cancelled=False,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + timedelta(hours=REMINDER_HOURS),
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update(of=("self",))
                .select_related("slot", "employee__user")
                .filter(pk=pk, reminder_sent_at__isnull=True)
                .first()
            )
            if booking is None:
                continue
            user = booking.employee.user
            address = user.email if user else booking.employee.work_email
            if address:
                when = timezone.localtime(booking.slot.starts_at)
                send_mail(
                    _("[imtsocial] Rappel de votre rendez-vous"),
                    _(
                        "Bonjour,\n\nVous avez un rendez-vous le %(date)s à %(time)s (%(place)s).\n"
                        "Pour l'annuler, connectez-vous à l'intranet.\n"
                    )
                    % {
                        "date": when.strftime("%d/%m/%Y"),
                        "time": when.strftime("%H:%M"),
                        "place": booking.slot.location,
                    },
                    None,
                    [address],
                )
                sent += 1
            booking.reminder_sent_at = now
            booking.save(update_fields=["reminder_sent_at"])
    return sent
