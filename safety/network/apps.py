from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreventionNetworkConfig(AppConfig):
    name = "safety.network"
    label = "prevention_network"
    verbose_name = _("Réseau de prévention")

    def ready(self):
        pass
