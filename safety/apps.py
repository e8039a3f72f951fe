from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "safety"
    verbose_name = _("Prévention des risques professionnels")

    def ready(self):
        from imtsocial.gdpr import registry as platform_gdpr
        from safety import gdpr

        for rule in gdpr.RULES:
            platform_gdpr.retention_rules.register(rule, order=30)
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import PREVENTION, NavEntry
        from safety import dataset, demo, myspace, reference, stats

        stats.PLAN_READS.connect()

        platform_myspace.providers.register(myspace.sections, order=30)
        for order, (label, url_name) in enumerate(
            [
                (_("Statistiques des registres"), "registers:stats"),
                (_("Statistiques des expositions"), "exposure:stats"),
                (_("Statistiques amiante"), "asbestos:stats"),
            ],
            start=30,
        ):
            platform_myspace.statistics_pages.register(
                platform_myspace.StatisticsPage(label, url_name), order=order
            )
        platform_demo.builders.register(demo.build, order=30)
        platform_datasets.builders.register(dataset.build, order=30)
        reference.register_tables()
        navigation.entries.register(
            NavEntry(
                _("Document unique (DUERP)"),
                "safety:index",
                frozenset({Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR}),
                group=PREVENTION,
            ),
            order=30,
        )
