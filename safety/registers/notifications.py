"""Register e-mails: something was written or answered; a link, never the content
(no place, no text, no name, no circumstance — RULES §6)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, members_of
from imtsocial.notifications import absolute_url, email_of, send_email
from safety.models import PreventionAdvisor


def _advisors() -> list[str]:
    return [
        a.user.email
        for a in PreventionAdvisor.objects.filter(active=True, user__is_active=True).select_related(
            "user"
        )
    ]


def prevention_recipients(unit=None) -> list[str]:
    """The advisor(s) and the agents of the unit; every prevention agent when neither."""
    recipients = _advisors()
    if unit is not None:
        recipients += [u.email for u in unit.agents.filter(is_active=True)]
    if not recipients:
        recipients = [u.email for u in members_of(Role.PREVENTION)]
    return recipients


def rsst_written(entry) -> int:
    return send_email(
        prevention_recipients(entry.work_unit),
        _("[imtsocial] Nouvelle inscription au registre santé et sécurité"),
        _(
            "Bonjour,\n\nUne nouvelle observation ou suggestion a été inscrite au registre "
            "santé et sécurité au travail et attend votre réponse.\nConnectez-vous à "
            "l'intranet pour la consulter."
        ),
        link=absolute_url(entry.get_absolute_url()),
    )


def rsst_answered(entry) -> int:
    """To the author (an answer to read) and to the manager (a visa to give)."""
    recipients = [email_of(entry.author), email_of(entry.author.manager)]
    if entry.work_unit is not None and entry.work_unit.department.head is not None:
        recipients.append(email_of(entry.work_unit.department.head))
    return send_email(
        recipients,
        _("[imtsocial] Une observation du registre santé et sécurité a reçu une réponse"),
        _(
            "Bonjour,\n\nLa prévention a répondu à une observation du registre santé et "
            "sécurité au travail qui vous concerne.\nConnectez-vous à l'intranet pour la "
            "consulter."
        ),
        link=absolute_url(entry.get_absolute_url()),
    )


def dgi_reported(report) -> int:
    recipients = _advisors() + [u.email for u in members_of(Role.DIRECTOR)]
    if not _advisors():
        recipients += [u.email for u in members_of(Role.PREVENTION)]
    return send_email(
        recipients,
        _("[imtsocial] Signalement d'un danger grave et imminent"),
        _(
            "Bonjour,\n\nUn danger grave et imminent vient d'être signalé au registre. Il "
            "appelle une enquête immédiate.\nConnectez-vous à l'intranet pour le consulter."
        ),
        link=absolute_url(report.get_absolute_url()),
    )


def accident_recorded(accident) -> int:
    return send_email(
        prevention_recipients(accident.work_unit),
        _("[imtsocial] Nouvel accident enregistré"),
        _(
            "Bonjour,\n\nUn accident du travail ou de trajet vient d'être enregistré.\n"
            "Connectez-vous à l'intranet pour le consulter."
        ),
        link=absolute_url(reverse("registers:accident_detail", args=[accident.pk])),
    )
