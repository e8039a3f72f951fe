from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HrConfig(AppConfig):
    name = "hr"
    verbose_name = _("Ressources humaines")

    def ready(self):
        from hr import gdpr
        from imtsocial.gdpr import registry as platform_gdpr

        for rule in gdpr.RULES:
            platform_gdpr.retention_rules.register(rule, order=10)
        platform_gdpr.subject_providers.register(gdpr.subject_sections, order=10)
        from hr import (  # noqa: F401
            access_panel,
            dataset,
            demo,
            imports,
            myspace,
            panels,
            parameters,
            reference,
            roles,
            stats,
        )
        from imtsocial import datasets as platform_datasets
        from imtsocial import demo as platform_demo
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts import roles as platform_roles
        from imtsocial.accounts.roles import Role
        from imtsocial.navigation import NavEntry

        panels.file_panels.register(access_panel.access_panel, order=90)
        platform_roles.person_lookups.register(roles.employee_of_user)
        platform_roles.derived_role_providers.register(roles.derived_roles)
        platform_roles.register_admin_permissions(Role.HR, roles.ADMIN_PERMISSIONS)
        platform_myspace.providers.register(myspace.sections, order=10)
        platform_myspace.statistics_pages.register(
            platform_myspace.StatisticsPage(_("Statistiques RH"), "hr:statistics"), order=10
        )
        platform_demo.builders.register(demo.build, order=10)
        platform_datasets.builders.register(dataset.build, order=10)
        stats.PAY_READS.connect()
        reference.register_tables()
        imports.register_importers()
        for order, entry in enumerate(
            [
                NavEntry(_("Mon dossier"), "hr:my_file", frozenset({Role.EMPLOYEE})),
                NavEntry(_("Mon équipe"), "hr:team", frozenset({Role.MANAGER})),
                NavEntry(_("Personnel"), "hr:employee_list", frozenset({Role.HR})),
                NavEntry(
                    _("Statistiques RH"), "hr:statistics", frozenset({Role.HR, Role.DIRECTOR})
                ),
            ],
            start=10,
        ):
            navigation.entries.register(entry, order=order)
