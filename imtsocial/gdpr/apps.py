from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GdprConfig(AppConfig):
    name = "imtsocial.gdpr"
    label = "gdpr"
    verbose_name = _("Protection des données")

    def ready(self):
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.accounts.roles import Role
        from imtsocial.gdpr import myspace, parameters, platform_rules, registry  # noqa: F401
        from imtsocial.navigation import NavEntry
        from imtsocial.refdata.tables import register_parameters

        for rule in platform_rules.rules():
            registry.retention_rules.register(rule, order=90)
        registry.subject_providers.register(platform_rules.subject_sections, order=90)
        platform_myspace.providers.register(myspace.sections, order=95)
        register_parameters(
            owner=Role.DPO,
            slug="conservation",
            title=_("Durées de conservation"),
            description=_("RULES §6 : durées par catégorie de données, fixées par le DPO."),
        )
        navigation.entries.register(
            NavEntry(_("Conservation des données"), "gdpr:retention", frozenset({Role.DPO})),
            order=91,
        )
