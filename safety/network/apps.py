from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionNetworkConfig(AppConfig):
    name = "safety.network"
    label = "prevention_network"
    verbose_name = _("Réseau de prévention")

    def ready(self):
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.network import dataset, demo, myspace

        platform_myspace.providers.register(myspace.sections, order=31)
        platform_demo.builders.register(demo.build, order=31)
        platform_datasets.builders.register(dataset.build, order=31)
        navigation.entries.register(
            NavEntry(
                _("Réseau de prévention"),
                "prevention_network:index",
                frozenset({Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR}),
                group=PREVENTION,
            ),
            order=31,
        )
