from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistersConfig(AppConfig):
    name = "safety.registers"
    label = "registers"
    verbose_name = _("Registres de santé et sécurité")

    def ready(self):
        pass
