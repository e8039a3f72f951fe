from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeleworkConfig(AppConfig):
    name = "telework"
    verbose_name = _("Télétravail et équipement")

    def ready(self):
        from imtsocial.gdpr import registry as platform_gdpr
        from telework import gdpr

        platform_gdpr.subject_providers.register(gdpr.subject_sections, order=20)
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role, register_admin_permissions
        from imtsocial.navigation import NavEntry
        from telework import dataset, demo, imports, myspace, reference

        platform_myspace.providers.register(myspace.sections, order=20)
        platform_myspace.statistics_pages.register(
            platform_myspace.StatisticsPage(
                _("Statistiques du télétravail"), "telework:statistics"
            ),
            order=20,
        )
        platform_demo.builders.register(demo.build, order=20)
        platform_datasets.builders.register(dataset.build, order=20)
        reference.register_tables()
        imports.register_importers()
        register_admin_permissions(
            Role.HR, ["telework.view_teleworkrule", "telework.view_exceptionalregime"]
        )
        navigation.entries.register(
            NavEntry(
                _("Télétravail et équipement"),
                "telework:index",
                frozenset({Role.EMPLOYEE, Role.HR, Role.IT}),
            ),
            order=20,
        )
