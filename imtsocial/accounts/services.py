"""Account services: invitations (set-your-password e-mails)."""

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from imtsocial.accounts.models import User


def user_invitation_url(*, user: User) -> str:
    path = reverse(
        "account_reset_password_from_key",
        kwargs={
            "uidb36": user_pk_to_url_str(user),
            "key": default_token_generator.make_token(user),
        },
    )
    return settings.SITE_URL.rstrip("/") + path


def user_send_invitation(*, user: User) -> None:
    """E-mail ``user`` a link to choose their password (the allauth reset flow).

    The link is valid until the password is set (token bound to the password hash)
    and for ``PASSWORD_RESET_TIMEOUT`` seconds at most.
    """
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {"user": user, "url": user_invitation_url(user=user)}
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_message.txt", context)
    send_mail(subject, body, None, [user.email])
