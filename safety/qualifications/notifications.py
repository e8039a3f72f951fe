"""Qualification e-mails: an expiry is near or passed. They name neither the person nor
the qualification; they invite to log in."""

from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.notifications import absolute_url, email_of, send_email


def expiry_reminder(*, qualification) -> int:
    """One message to the holder, one to their manager; returns the number sent."""
    sent = send_email(
        [email_of(qualification.holder)],
        _("[imtsocial] Une de vos habilitations est à renouveler"),
        _(
            "Bonjour,\n\nUne de vos habilitations ou l'un de vos certificats arrive à échéance "
            "ou est échu.\nConnectez-vous à l'intranet pour voir lequel et préparer son "
            "renouvellement."
        ),
        link=absolute_url(reverse("qualifications:mine")),
    )
    manager = qualification.holder.manager
    if manager is not None:
        sent += send_email(
            [email_of(manager)],
            _("[imtsocial] Une habilitation de votre équipe est à renouveler"),
            _(
                "Bonjour,\n\nUne habilitation d'un membre de votre équipe arrive à échéance "
                "ou est échue.\nConnectez-vous à l'intranet pour la consulter."
            ),
            link=absolute_url(reverse("qualifications:expiring")),
        )
    return sent
