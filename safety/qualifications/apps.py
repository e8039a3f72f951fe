from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualificationsConfig(AppConfig):
    name = "safety.qualifications"
    label = "qualifications"
    verbose_name = _("Habilitations et secourisme")

    def ready(self):
        from hr import panels as hr_panels
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety.qualifications import dataset, demo, myspace, panels, reference

        hr_panels.file_panels.register(panels.qualifications_panel, order=30)
        platform_myspace.providers.register(myspace.sections, order=32)
        myspace.VALIDITY_READS.connect()
        platform_demo.builders.register(demo.build, order=32)
        platform_datasets.builders.register(dataset.build, order=32)
        reference.register_tables()
        navigation.entries.register(
            NavEntry(
                _("Habilitations"),
                "qualifications:list",
                frozenset({Role.PREVENTION, Role.MANAGER}),
                group=PREVENTION,
            ),
            order=32,
        )
        navigation.entries.register(
            NavEntry(
                _("Mes habilitations"),
                "qualifications:mine",
                frozenset({Role.EMPLOYEE}),
                group=PREVENTION,
            ),
            order=33,
        )
        navigation.entries.register(
            NavEntry(
                _("Habilitations : synthèse"),
                "qualifications:summary",
                frozenset({Role.DIRECTOR}),
                group=PREVENTION,
            ),
            order=34,
        )
