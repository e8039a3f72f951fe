from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AsbestosConfig(AppConfig):
    name = "safety.asbestos"
    label = "asbestos"
    verbose_name = _("Dossier technique amiante")

    def ready(self):
        pass
