"""E-mail helpers shared by every app's ``notifications.py``.

An app composes its messages in ``<app>/notifications.py`` (subject and text, in
French, never the content of a confidential file); its tasks reload the record
by primary key and call those functions. This module gives them the pieces::

    def aid_request_changed(*, request):
        return send_email(
            [email_of(request.requester)],
            _("Un dossier d'action sociale a changé"),
            _("Connectez-vous à l'intranet pour le consulter."),
            link=absolute_url(reverse("social_action:request_list")),
        )
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail


def absolute_url(path: str) -> str:
    """``SITE_URL`` + ``path``: links in e-mails point to the intranet's public address."""
    return settings.SITE_URL.rstrip("/") + path


def email_of(person) -> str:
    """The address to write to: the active login's e-mail, else the work e-mail of a staff
    record (``person`` is a User, an Employee-like object with ``user``/``work_email``, or
    None)."""
    if person is None:
        return ""
    if hasattr(person, "work_email"):
        user = getattr(person, "user", None)
        if user is not None and user.is_active and user.email:
            return user.email
        return person.work_email or ""
    return person.email if getattr(person, "is_active", True) else ""


def send_email(recipients: Iterable[str], subject: str, body: str, *, link: str = "") -> int:
    """Send one message to the non-empty ``recipients``; returns the number of messages sent."""
    recipients = list(dict.fromkeys(address for address in recipients if address))
    if not recipients:
        return 0
    text = f"{body}\n\n{link}\n" if link else f"{body}\n"
    return send_mail(str(subject), text, None, recipients)
