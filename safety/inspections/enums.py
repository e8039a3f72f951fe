"""Choices and the state machine of controlled equipment and inspections."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition


class InspectionResult(models.TextChoices):
    COMPLIANT = "compliant", _("Conforme")
    REMARKS = "remarks", _("Conforme avec remarques")
    NON_COMPLIANT = "non_compliant", _("Non conforme")


RESULT_BADGES = {
    InspectionResult.COMPLIANT: "success",
    InspectionResult.REMARKS: "info",
    InspectionResult.NON_COMPLIANT: "error",
}


class EquipmentStatus(models.TextChoices):
    IN_SERVICE = "in_service", _("En service")
    WITHDRAWN = "withdrawn", _("Retiré du service")


class DueState(models.TextChoices):
    """Where an in-service piece of equipment stands against its next due date."""

    UP_TO_DATE = "up_to_date", _("À jour")
    DUE_SOON = "due_soon", _("À échéance proche")
    OVERDUE = "overdue", _("En retard")


DUE_BADGES = {
    DueState.UP_TO_DATE: "success",
    DueState.DUE_SOON: "warning",
    DueState.OVERDUE: "error",
}

EQUIPMENT_FLOW = StateMachine(
    Transition(
        "withdraw", {EquipmentStatus.IN_SERVICE}, EquipmentStatus.WITHDRAWN, actor="advisor"
    ),
    Transition(
        "reinstate", {EquipmentStatus.WITHDRAWN}, EquipmentStatus.IN_SERVICE, actor="advisor"
    ),
    choices=EquipmentStatus,
)
