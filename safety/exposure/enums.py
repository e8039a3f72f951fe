from django.db import models
from django.utils.translation import gettext_lazy as _


class ConcentrationUnit(models.TextChoices):
    MG_M3 = "mg_m3", _("mg/m³")
    PPM = "ppm", _("ppm")


class Kind(models.TextChoices):
    EIGHT_HOURS = "8h", _("Moyenne sur 8 heures (VLEP-8h)")
    SHORT_TERM = "15min", _("Court terme, 15 minutes (VLCT)")


class Verdict(models.TextChoices):
    COMPLIANT = "compliant", _("Conforme")
    OVER = "over", _("Dépassement")
    NO_LIMIT = "no_limit", _("Sans valeur limite")


VERDICT_BADGES = {
    Verdict.COMPLIANT: "success",
    Verdict.OVER: "error",
    Verdict.NO_LIMIT: "info",
}
