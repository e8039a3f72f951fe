from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "hr.training"
    label = "training"
    verbose_name = _("Formation")

    def ready(self):
        from hr import panels as hr_panels
        from hr.training import dataset, demo, imports, myspace, panels, reference, stats
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PEOPLE_DEVELOPMENT, NavEntry

        stats.PLAN_READS.connect()
        hr_panels.file_panels.register(panels.cpf_panel, order=10)
        platform_myspace.providers.register(myspace.sections, order=13)
        platform_demo.builders.register(demo.build, order=14)
        platform_datasets.builders.register(dataset.build, order=14)
        reference.register_tables()
        imports.register_importers()
        navigation.entries.register(
            NavEntry(
                _("Formation"),
                "training:catalogue",
                frozenset({Role.EMPLOYEE, Role.HR}),
                group=PEOPLE_DEVELOPMENT,
            ),
            order=15,
        )
