from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeleworkConfig(AppConfig):
    name = "telework"
    verbose_name = _("Télétravail et équipement")
