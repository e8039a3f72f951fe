from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition


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


# The state machine of an action, in one table. Every move is made by a prevention agent
# who may write in the action's unit (``perms.get_action_for_edit``).
ACTION_FLOW = StateMachine(
    Transition("start", {ActionStatus.PLANNED}, ActionStatus.IN_PROGRESS, actor="agent"),
    Transition(
        "complete",
        {ActionStatus.PLANNED, ActionStatus.IN_PROGRESS},
        ActionStatus.DONE,
        actor="agent",
    ),
    Transition(
        "cancel",
        {ActionStatus.PLANNED, ActionStatus.IN_PROGRESS},
        ActionStatus.CANCELLED,
        actor="agent",
    ),
    # reopened when the action proved insufficient
    Transition("reopen", {ActionStatus.DONE}, ActionStatus.IN_PROGRESS, actor="agent"),
    Transition("replan", {ActionStatus.CANCELLED}, ActionStatus.PLANNED, actor="agent"),
    choices=ActionStatus,
)
# Open actions: those that can still be completed (late when past their due date).
OPEN_ACTION_STATUSES = tuple(s for s in ActionStatus if s in ACTION_FLOW.sources("complete"))


class EditionStatus(models.TextChoices):
    """State of an edition's PDF (the snapshot itself is frozen at publication)."""

    RENDERING = "rendering", _("PDF en préparation")
    READY = "ready", _("Disponible")
    FAILED = "failed", _("Échec du rendu PDF")
