"""Social-action e-mails. They say only that something changed and invite the
person to log in: no scheme, no amount, no message content ever leaves the intranet.

Called by ``social_action.tasks`` with records reloaded by primary key.
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, members_of
from imtsocial.notifications import absolute_url, email_of, send_email
from social_action.models import AidRequest, Booking

REMINDER_HOURS = 24  # appointments starting within this many hours are reminded


def _file_changed(recipients: list[str]) -> int:
    return send_email(
        recipients,
        _("[imtsocial] Un dossier d'action sociale a changé"),
        _(
            "Bonjour,\n\nUn dossier d'action sociale qui vous concerne a changé.\n"
            "Connectez-vous à l'intranet pour le consulter."
        ),
        link=absolute_url("/"),
    )


def aid_request_changed_for_requester(*, request: AidRequest) -> int:
    return _file_changed([email_of(request.requester)])


def aid_request_changed_for_correspondents(*, request: AidRequest) -> int:
    return _file_changed([user.email for user in members_of(Role.SOCIAL_ACTION)])


BOOKED, CANCELLED = "booked", "cancelled"


def booking_changed(*, booking: Booking, event: str) -> int:
    """Content-free: an appointment was booked or cancelled — to the person and to the
    correspondents (no kind of appointment, no name: a psychologist's slot is sensitive)."""
    if event == BOOKED:
        subject = _("[imtsocial] Un rendez-vous de l'action sociale est réservé")
        body = _("Bonjour,\n\nUn rendez-vous de l'action sociale vient d'être réservé.\n")
    else:
        subject = _("[imtsocial] Un rendez-vous de l'action sociale est annulé")
        body = _("Bonjour,\n\nUn rendez-vous de l'action sociale vient d'être annulé.\n")
    body += _("Connectez-vous à l'intranet pour consulter vos rendez-vous.")
    link = absolute_url(reverse("social_action:slot_list"))
    person = send_email([email_of(booking.employee)], subject, body, link=link)
    correspondents = [user.email for user in members_of(Role.SOCIAL_ACTION)]
    return person + send_email(correspondents, subject, body, link=link)


def appointments_remind(*, now: datetime | None = None) -> int:
    """Remind each person of the appointments starting within ``REMINDER_HOURS``.

    A reminder is sent once (marked under a row lock, so two runs at once send one)."""
    now = now or timezone.now()
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
            when = timezone.localtime(booking.slot.starts_at)
            sent += send_email(
                [email_of(booking.employee)],
                _("[imtsocial] Rappel de votre rendez-vous"),
                _(
                    "Bonjour,\n\nVous avez un rendez-vous le %(date)s à %(time)s (%(place)s).\n"
                    "Pour l'annuler, connectez-vous à l'intranet."
                )
                % {
                    "date": when.strftime("%d/%m/%Y"),
                    "time": when.strftime("%H:%M"),
                    "place": booking.slot.location,
                },
            )
            booking.reminder_sent_at = now
            booking.save(update_fields=["reminder_sent_at"])
    return sent
