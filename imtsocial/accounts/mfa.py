"""The second factor: who must have one, and where they are sent until they do.

A holder of a role that reads other people's files — HR, social action, director, DPO,
IT, prevention —, every role administrator and every superuser must sign in with a TOTP
code (allauth.mfa, with recovery codes), when ``IMTSOCIAL_MFA_REQUIRED`` is on
(production and tests; off in the embedded demo). allauth asks for the code at every
sign-in of a login that has an active authenticator; ``MFARequiredMiddleware`` sends
the others to the setup page until done.

Whether the login has an authenticator is remembered in the session (set at sign-in and
at the first check that finds one), so that a page costs no extra query.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, has_role, in_role_admin_group

MFA_ROLES = (Role.HR, Role.SOCIAL_ACTION, Role.DIRECTOR, Role.DPO, Role.IT, Role.PREVENTION)
SESSION_FLAG = "imtsocial.mfa_active"


def requires_mfa(user) -> bool:
    """True when ``user`` must sign in with a second factor."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or has_role(user, *MFA_ROLES) or in_role_admin_group(user)


def has_authenticator(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


def has_mfa(request) -> bool:
    """The signed-in user of ``request`` has an active second factor (cached in the session)."""
    if request.session.get(SESSION_FLAG) == str(request.user.pk):
        return True
    if has_authenticator(request.user):
        request.session[SESSION_FLAG] = str(request.user.pk)
        return True
    return False


def remember_at_login(sender, request, user, **kwargs):
    """``user_logged_in``: note in the new session whether the login has a second factor,
    and its first activity (so that the first page does not write the session again)."""
    if request is None or not hasattr(request, "session"):
        return
    from imtsocial.accounts.sessions import LAST_SEEN

    request.session[LAST_SEEN] = time.time()
    if has_authenticator(user):
        request.session[SESSION_FLAG] = str(user.pk)


def is_exempt_path(path: str) -> bool:
    """Pages reachable before the second factor is set up."""
    exempt = (
        reverse("mfa_index"),  # the MFA pages (activation, recovery codes)
        reverse("account_logout"),
        reverse("account_login"),
        reverse("account_reauthenticate"),
        reverse("healthz"),
        reverse("set_language"),
        settings.STATIC_URL,
    )
    return path.startswith(exempt)


def setup_redirect(request):
    """To the TOTP activation page, saying why (once per page shown)."""
    if request.method == "GET":
        messages.warning(
            request,
            _(
                "Votre rôle donne accès à des données personnelles : activez la double "
                "authentification (application d'authentification) pour continuer."
            ),
        )
    return redirect("mfa_activate_totp")
