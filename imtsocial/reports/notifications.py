"""E-mails of the report: content-free (the chapter is read on the intranet)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, members_of
from imtsocial.notifications import absolute_url, email_of, send_email


def edition_ready(*, edition) -> int:
    """The chapter is ready: to the person who asked and to the director(s)."""
    recipients = [email_of(user) for user in members_of(Role.DIRECTOR)]
    if edition.requested_by is not None:
        recipients.insert(0, email_of(edition.requested_by))
    return send_email(
        recipients,
        _("Le chapitre du rapport DD&RS est prêt"),
        _("Une nouvelle édition du chapitre du rapport DD&RS est disponible sur l'intranet."),
        link=absolute_url(reverse("reports:index") + f"?annee={edition.year}"),
    )
