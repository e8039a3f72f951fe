from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "safety.inspections"
    label = "inspections"
    verbose_name = _("Contrôles périodiques des équipements")

    def ready(self):
        pass
