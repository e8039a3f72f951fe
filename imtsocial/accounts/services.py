"""Account services: invitations (set-your-password e-mails), roles granted and removed."""

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


class SelfGrantError(Exception):
    """Nobody grants or removes their own roles."""


def user_roles_update(*, user: User, roles, by) -> tuple[list, list]:
    """Set the group roles of ``user`` to ``roles`` (of ``GROUP_ROLES``), as ``by``.

    Each role granted and each role removed is one line of the audit journal (who, to
    whom, which role); the person and the DPO(s) get a content-free e-mail. Refused when
    ``by`` is ``user``. Returns ``(granted, removed)``.
    """
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils.translation import gettext

    from imtsocial.accounts.roles import GROUP_ROLES, Role, forget_roles
    from imtsocial.accounts.tasks import notify_roles_changed
    from imtsocial.audit.models import AuditEvent

    if user.pk == by.pk:
        raise SelfGrantError
    wanted = {Role(r) for r in roles} & set(GROUP_ROLES)
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        held = set(
            locked.groups.filter(name__in=[r.value for r in GROUP_ROLES]).values_list(
                "name", flat=True
            )
        )
        held = {Role(name) for name in held}
        granted = [r for r in GROUP_ROLES if r in wanted - held]
        removed = [r for r in GROUP_ROLES if r in held - wanted]
        if not granted and not removed:
            return [], []
        groups = {g.name: g for g in Group.objects.filter(name__in=[r.value for r in GROUP_ROLES])}
        if granted:
            locked.groups.add(*(groups[r.value] for r in granted))
        if removed:
            locked.groups.remove(*(groups[r.value] for r in removed))
        # The journal is written in French, whatever the language of the page.
        with translation.override(settings.LANGUAGE_CODE):
            for role in granted:
                AuditEvent.log_change(
                    actor=by,
                    obj=locked,
                    subject=locked,
                    detail=gettext("Rôle accordé : %(role)s") % {"role": role.label},
                )
            for role in removed:
                AuditEvent.log_change(
                    actor=by,
                    obj=locked,
                    subject=locked,
                    detail=gettext("Rôle retiré : %(role)s") % {"role": role.label},
                )
        notify_roles_changed.delay_on_commit(locked.pk)
    forget_roles(user)
    return granted, removed
