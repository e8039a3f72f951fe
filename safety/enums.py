from django.db import models
from django.utils.translation import gettext_lazy as _


class Priority(models.IntegerChoices):
    """Priority band of a rated risk (1 = act first)."""

    HIGH = 1, _("Priorité 1 – élevée")
    MEDIUM = 2, _("Priorité 2 – moyenne")
    LOW = 3, _("Priorité 3 – faible")


class ControlLevel(models.IntegerChoices):
    """How well the existing measures control the risk."""

    GOOD = 1, _("Maîtrisé")
    PARTIAL = 2, _("Partiellement maîtrisé")
    POOR = 3, _("Non maîtrisé")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Réalisée")
    CANCELLED = "cancelled", _("Abandonnée")


OPEN_ACTION_STATUSES = (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS)

# The state machine of an action, in ONE table: from → allowed destinations.
ACTION_TRANSITIONS = {
    ActionStatus.PLANNED: {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.CANCELLED},
    ActionStatus.IN_PROGRESS: {ActionStatus.DONE, ActionStatus.CANCELLED},
    ActionStatus.DONE: {ActionStatus.IN_PROGRESS},  # reopened when the action proved insufficient
    ActionStatus.CANCELLED: {ActionStatus.PLANNED},
}


class EditionStatus(models.TextChoices):
    """State of an edition's PDF (the snapshot itself is frozen at publication)."""

    RENDERING = "rendering", _("PDF en préparation")
    READY = "ready", _("Disponible")
    FAILED = "failed", _("Échec du rendu PDF")
