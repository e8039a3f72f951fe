from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "imtsocial.outbox"
    label = "outbox"
    verbose_name = _("Messages à envoyer au service de tâches")
    default_auto_field = "django.db.models.BigAutoField"
