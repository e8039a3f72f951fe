from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "imtsocial.audit"
    label = "audit"
    verbose_name = _("Journal d'audit")

    def ready(self):
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.audit import myspace
        from imtsocial.navigation import NavEntry

        platform_myspace.providers.register(myspace.sections, order=90)
        navigation.entries.register(
            NavEntry(_("Journal d'audit"), "audit:journal", frozenset({Role.DPO})), order=90
        )
