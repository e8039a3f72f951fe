"""Single sign-on (OpenID Connect): who may sign in through it.

Rules applied (issue [SEC] item 2):

- The provider is configured by the environment only (settings.py), never in the database.
- SSO opens no account: ``is_open_for_signup`` is false, the logins are created by HR or
  by import, as for the password sign-in.
- A sign-in through the provider succeeds only for an e-mail address **that the provider
  says is verified** and that is the address of an **existing active login** (compared
  without case). The provider's account is then connected to that login (at the first
  sign-in) and must stay connected to it: an identity already connected to another login,
  or whose address changed to another login's, is refused.
- Any refusal, and any failure of the exchange with the provider (bad nonce, bad
  signature, provider down…), leads back to the sign-in page with a French message,
  never to a server error.
- The second factor is not bypassed: the sign-in goes through allauth's login stages
  (the TOTP code when the login has one) and ``MFARequiredMiddleware`` afterwards.
"""

import logging

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter, _build_apps_from_settings
from allauth.socialaccount.providers.base.constants import AuthError, AuthProcess
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return False

    def list_apps(self, request, provider=None, client_id=None):
        """The providers come from the settings only (the OIDC_* variables): no provider
        recorded in the database (nor a query for them on every sign-in page)."""
        apps = _build_apps_from_settings(provider=provider, client_id=client_id)
        return [app for provider_apps in apps.values() for app in provider_apps]

    def pre_social_login(self, request, sociallogin):
        email = verified_email(sociallogin)
        provider = sociallogin.account.provider
        if not email:
            logger.info("SSO sign-in refused (%s): no verified e-mail.", provider)
            refuse(
                request,
                _(
                    "Connexion refusée : le fournisseur d’identité n’a pas confirmé que "
                    "votre adresse e-mail est vérifiée."
                ),
            )
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            logger.info("SSO sign-in refused (%s): no active login with this e-mail.", provider)
            refuse(request, unknown_account_message())
        if sociallogin.is_existing:
            if sociallogin.user.pk != user.pk:
                logger.warning("SSO sign-in refused (%s): identity of another login.", provider)
                refuse(request, unknown_account_message())
            return
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            if request.user.pk != user.pk:
                refuse(request, unknown_account_message())
            return
        sociallogin.connect(request, user)

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ):
        super().on_authentication_error(
            request, provider, error=error, exception=exception, extra_context=extra_context
        )
        logger.warning(
            "SSO sign-in failed (%s): %s %r", getattr(provider, "id", provider), error, exception
        )
        if error == AuthError.CANCELLED:
            refuse(request, _("Connexion annulée auprès du fournisseur d’identité."))
        refuse(
            request,
            _(
                "La connexion par le fournisseur d’identité a échoué. Réessayez ou "
                "connectez-vous avec votre adresse e-mail et votre mot de passe."
            ),
        )


def verified_email(sociallogin) -> str:
    """The first address the provider gives as verified ("" when none)."""
    for address in sociallogin.email_addresses:
        if address.verified and address.email:
            return address.email.strip()
    return ""


def unknown_account_message() -> str:
    return _(
        "Connexion refusée : aucun compte actif de l’intranet ne correspond à votre adresse "
        "e-mail. Les comptes sont créés par le service des ressources humaines."
    )


def refuse(request, message):
    """Back to the sign-in page, saying why."""
    messages.error(request, message)
    raise ImmediateHttpResponse(redirect("account_login"))
