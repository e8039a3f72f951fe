from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RefdataConfig(AppConfig):
    name = "imtsocial.refdata"
    label = "refdata"
    verbose_name = _("Référentiels")

    def ready(self):
        from imtsocial import navigation
        from imtsocial.navigation import NavEntry
        from imtsocial.refdata import tables

        navigation.entries.register(
            NavEntry(
                _("Référentiels"),
                "refdata:index",
                frozenset(),
                shown_to=lambda user: bool(tables.tables_for(user)),
            ),
            order=80,
        )
