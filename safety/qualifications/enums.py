from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    GAS = "gas", _("Gaz")
    ELECTRICAL = "electrical", _("Électrique")
    HEIGHT = "height", _("Travail en hauteur")
    PRESSURE = "pressure", _("Équipements sous pression")
    FIRST_AID = "first_aid", _("Sauveteur secouriste du travail (SST)")
    RADIATION = "radiation", _("Radioprotection")
    OTHER = "other", _("Autre")


class State(models.TextChoices):
    VALID = "valid", _("Valide")
    EXPIRING = "expiring", _("À renouveler bientôt")
    EXPIRED = "expired", _("Échue")


STATE_BADGES = {State.VALID: "success", State.EXPIRING: "warning", State.EXPIRED: "error"}


class Threshold(models.TextChoices):
    """The reminders of a qualification: when its notice period starts, when it expires."""

    NOTICE = "notice", _("Échéance proche")
    EXPIRED = "expired", _("Échue")
