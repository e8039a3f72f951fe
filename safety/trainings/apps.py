from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyTrainingsConfig(AppConfig):
    name = "safety.trainings"
    label = "safety_trainings"
    verbose_name = _("Formations santé et sécurité")

    def ready(self):
        pass
