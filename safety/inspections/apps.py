from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "safety.inspections"
    label = "inspections"
    verbose_name = _("Contrôles périodiques des équipements")

    def ready(self):
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.inspections import dataset, demo, myspace, parameters, reference, signals  # noqa: F401

        platform_myspace.providers.register(myspace.sections, order=33)
        platform_demo.builders.register(demo.build, order=33)
        platform_datasets.builders.register(dataset.build, order=33)
        reference.register_tables()
        navigation.entries.register(
            NavEntry(
                _("Contrôles des équipements"),
                "inspections:index",
                frozenset({Role.PREVENTION, Role.MANAGER, Role.DIRECTOR}),
                group=PREVENTION,
            ),
            order=33,
        )
