from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExposureConfig(AppConfig):
    name = "safety.exposure"
    label = "exposure"
    verbose_name = _("Mesures d'exposition")

    def ready(self):
        pass
