from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RefdataConfig(AppConfig):
    name = "imtsocial.refdata"
    label = "refdata"
    verbose_name = _("Référentiels")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from imtsocial import navigation
        from imtsocial.refdata.models import Parameter as ParameterRow
        from imtsocial.refdata.parameters import PARAMETER_READS, clear_request_values

        # a parameter changed during a request is read again (not from the request's memo)
        post_save.connect(clear_request_values, sender=ParameterRow, dispatch_uid="param-memo")
        post_delete.connect(clear_request_values, sender=ParameterRow, dispatch_uid="param-memo-d")
        PARAMETER_READS.connect()
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
