from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "safety.registers"
    label = "registers"
    verbose_name = _("Registres de santé et sécurité")

    def ready(self):
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.registers import dataset, demo, myspace, parameters  # noqa: F401 - declares

        platform_myspace.providers.register(myspace.sections, order=36)
        platform_demo.builders.register(demo.build, order=36)
        platform_datasets.builders.register(dataset.build, order=36)
        navigation.entries.register(
            NavEntry(
                _("Registres santé et sécurité"),
                "registers:index",
                frozenset({Role.EMPLOYEE, Role.PREVENTION}),
                group=PREVENTION,
            ),
            order=36,
        )
