"""E-mails of the accounts app: content-free (no role, no name of a file), a link only."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, members_of
from imtsocial.notifications import absolute_url, email_of, send_email


def dpo_addresses() -> list[str]:
    """The data-protection officers' addresses (the DPO group, else ``DPO_EMAIL``)."""
    addresses = [email_of(user) for user in members_of(Role.DPO)]
    return [a for a in addresses if a] or [settings.DPO_EMAIL]


def roles_changed(*, user) -> int:
    """Tell ``user`` and the DPO(s) that the roles of a login changed (no detail)."""
    sent = 0
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        sent += send_email(
            [email_of(user)],
            _("Vos rôles sur l'intranet ont changé"),
            _(
                "Les rôles de votre compte sur l'intranet ont été modifiés. Connectez-vous "
                "pour les consulter ; si vous n'attendiez pas ce changement, écrivez au "
                "délégué à la protection des données."
            ),
            link=absolute_url(reverse("home")),
        )
    sent += send_email(
        dpo_addresses(),
        _("Les rôles d'un compte ont changé"),
        _("Les rôles d'un compte de l'intranet ont été modifiés : le détail est au journal."),
        link=absolute_url(reverse("audit:journal")),
    )
    return sent
