from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "imtsocial.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self):
        from imtsocial import myspace as platform_myspace
        from imtsocial import navigation
        from imtsocial.imports import myspace, registry
        from imtsocial.navigation import NavEntry

        platform_myspace.providers.register(myspace.sections, order=85)

        navigation.entries.register(
            NavEntry(
                _("Imports"),
                "imports:list",
                frozenset(),
                shown_to=lambda user: bool(registry.importers_for(user)),
            ),
            order=15,
        )
