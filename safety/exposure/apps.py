from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExposureConfig(AppConfig):
    name = "safety.exposure"
    label = "exposure"
    verbose_name = _("Mesures d'exposition")

    def ready(self):
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.exposure import dataset, demo, myspace, perms, reference

        platform_myspace.providers.register(myspace.sections, order=34)
        platform_demo.builders.register(demo.build, order=34)
        platform_datasets.builders.register(dataset.build, order=34)
        reference.register_tables()
        navigation.entries.register(
            NavEntry(
                _("Mesures d'exposition"),
                "exposure:campaign_list",
                frozenset({Role.PREVENTION, Role.MANAGER}),
                group=PREVENTION,
            ),
            order=34,
        )
        navigation.entries.register(
            NavEntry(
                _("Mesures d'exposition : bilan"),
                "exposure:stats",
                frozenset({Role.DIRECTOR}),
                shown_to=lambda user: not perms.can_read(user),
                group=PREVENTION,
            ),
            order=34,
        )
