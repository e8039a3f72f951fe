from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "hr.dialogue"
    label = "dialogue"
    verbose_name = _("Dialogue social")

    def ready(self):
        from hr.dialogue import dataset, demo, reference
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PEOPLE_DEVELOPMENT, NavEntry

        platform_demo.builders.register(demo.build, order=16)
        platform_datasets.builders.register(dataset.build, order=16)
        reference.register_tables()
        navigation.entries.register(
            NavEntry(
                _("Dialogue social"),
                "dialogue:calendar",
                frozenset({Role.EMPLOYEE, Role.HR, Role.DIRECTOR}),
                group=PEOPLE_DEVELOPMENT,
            ),
            order=16,
        )
