from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AsbestosConfig(AppConfig):
    name = "safety.asbestos"
    label = "asbestos"
    verbose_name = _("Dossier technique amiante")

    def ready(self):
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.asbestos import demo, myspace, perms, reference, rules

        platform_myspace.providers.register(myspace.sections, order=35)
        platform_demo.builders.register(demo.build, order=35)
        reference.register_tables()
        rules.RULE_READS.connect()
        navigation.entries.register(
            NavEntry(
                _("Dossier technique amiante"),
                "asbestos:location_list",
                frozenset({Role.PREVENTION, Role.MANAGER, Role.DIRECTOR}),
                group=PREVENTION,
            ),
            order=35,
        )
        navigation.entries.register(
            NavEntry(
                _("Amiante : avant d'intervenir"),
                "asbestos:sheet_list",
                frozenset({Role.EMPLOYEE}),
                shown_to=lambda user: not perms.can_read(user),
                group=PREVENTION,
            ),
            order=36,
        )
