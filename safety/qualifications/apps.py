from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualificationsConfig(AppConfig):
    name = "safety.qualifications"
    label = "qualifications"
    verbose_name = _("Habilitations et secourisme")

    def ready(self):
        pass
