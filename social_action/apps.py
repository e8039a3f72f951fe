from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialActionConfig(AppConfig):
    name = "social_action"
    verbose_name = _("Action sociale")
