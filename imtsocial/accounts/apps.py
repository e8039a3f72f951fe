from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_roles(sender, **kwargs):
    from imtsocial.accounts.roles import sync_group_permissions

    sync_group_permissions()


class AccountsConfig(AppConfig):
    name = "imtsocial.accounts"
    label = "accounts"
    verbose_name = _("Comptes")

    def ready(self):
        # Not bound to this app: permissions of apps migrated after it must exist.
        post_migrate.connect(_sync_roles, dispatch_uid="imtsocial.sync_roles")
