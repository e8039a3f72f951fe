from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialActionConfig(AppConfig):
    name = "social_action"
    verbose_name = _("Action sociale")

    def ready(self):
        from imtsocial.gdpr import registry as platform_gdpr
        from social_action import gdpr

        for rule in gdpr.RULES:
            platform_gdpr.retention_rules.register(rule, order=40)
        platform_gdpr.subject_providers.register(gdpr.subject_sections, order=40)
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import NavEntry
        from social_action import dataset, demo, myspace, parameters, reference  # noqa: F401

        platform_myspace.providers.register(myspace.sections, order=40)
        platform_myspace.statistics_pages.register(
            platform_myspace.StatisticsPage(
                _("Chiffres de l'action sociale"), "social_action:statistics"
            ),
            order=40,
        )
        platform_demo.builders.register(demo.build, order=40)
        platform_datasets.builders.register(dataset.build, order=40)
        reference.register_tables()
        navigation.entries.register(
            NavEntry(
                _("Action sociale"),
                "social_action:index",
                frozenset({Role.EMPLOYEE, Role.SOCIAL_ACTION}),
            ),
            order=40,
        )
