from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    QUEUED = "queued", _("en attente")
    RUNNING = "running", _("en cours")
    DONE = "done", _("prête")
    FAILED = "failed", _("échec")


class Unit(models.TextChoices):
    """How an indicator's value reads: the formatter of the figures page and the chapter."""

    EUROS = "eur", _("euros")
    PEOPLE = "people", _("personnes")
    COUNT = "count", _("nombre")
    PERCENT = "percent", _("%")
    HOURS = "hours", _("heures")
    YES_NO = "yesno", _("oui / non")
