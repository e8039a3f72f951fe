from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, **kwargs):
    from imtsocial.accounts.roles import sync_group_permissions

    sync_group_permissions()


def _remember_active(sender, instance, **kwargs):
    instance._imtsocial_was_active = instance.is_active


def _end_sessions_when_disabled(sender, instance, created, raw=False, **kwargs):
    """A disabled account loses its open sessions, once the change is committed."""
    if raw or created:
        return
    was_active = getattr(instance, "_imtsocial_was_active", True)
    instance._imtsocial_was_active = instance.is_active
    if was_active and not instance.is_active:
        from django.db import transaction

        from imtsocial.accounts.sessions import end_sessions_of

        transaction.on_commit(lambda: end_sessions_of(instance))


class AccountsConfig(AppConfig):
    name = "imtsocial.accounts"
    label = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        # Not bound to this app: permissions of apps migrated after it must exist.
        post_migrate.connect(_sync_roles, dispatch_uid="imtsocial.sync_roles")
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_init, post_save

        from imtsocial.accounts.mfa import remember_at_login
        from imtsocial.accounts.models import User
        from imtsocial.accounts.roles import in_role_admin_group
        from imtsocial.navigation import NavEntry, entries

        entries.register(
            NavEntry(
                _("Rôles"),
                "accounts:people",
                frozenset(),
                shown_to=lambda user: user.is_superuser or in_role_admin_group(user),
            ),
            order=900,
        )
        user_logged_in.connect(remember_at_login, dispatch_uid="imtsocial.mfa_at_login")
        post_init.connect(_remember_active, sender=User, dispatch_uid="imtsocial.was_active")
        post_save.connect(
            _end_sessions_when_disabled, sender=User, dispatch_uid="imtsocial.end_sessions"
        )
