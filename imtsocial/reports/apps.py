from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "imtsocial.reports"
    label = "reports"
    verbose_name = _("Rapport DD&RS")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from imtsocial import myspace as platform_myspace
        from imtsocial.demo import builders
        from imtsocial.reports import catalogue, demo, indicators, myspace

        indicators.register_all()
        catalogue.FIGURES_READS.connect()
        builders.register(demo.build, order=90)
        platform_myspace.providers.register(myspace.sections, order=15)
