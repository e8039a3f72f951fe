"""The three registers open to every employee: kinds, states and the state machines.

RSST (registre santé et sécurité au travail): an employee writes an observation or a
suggestion (submitted); prevention answers it (answered); the author's manager — or
the head of the department of the work unit — acknowledges it with a comment
(acknowledged); prevention closes it (closed). The author edits it while it is still
submitted.

DGI (danger grave et imminent): any employee reports; prevention or the director records
the investigation, then the decision and its date.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition

AUTHOR, PREVENTION, ACKNOWLEDGER, FOLLOWER = "author", "prevention", "acknowledger", "follower"


class RsstKind(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    SUGGESTION = "suggestion", _("Suggestion")


class RsstStatus(models.TextChoices):
    SUBMITTED = "submitted", _("En attente de réponse")
    ANSWERED = "answered", _("Répondue, en attente du visa du responsable")
    ACKNOWLEDGED = "acknowledged", _("Visée par le responsable")
    CLOSED = "closed", _("Close")


RSST_FLOW = StateMachine(
    Transition("edit", {RsstStatus.SUBMITTED}, None, actor=AUTHOR),
    Transition("answer", {RsstStatus.SUBMITTED}, RsstStatus.ANSWERED, actor=PREVENTION),
    Transition("acknowledge", {RsstStatus.ANSWERED}, RsstStatus.ACKNOWLEDGED, actor=ACKNOWLEDGER),
    Transition("close", {RsstStatus.ACKNOWLEDGED}, RsstStatus.CLOSED, actor=PREVENTION),
    Transition(
        "open_action",
        {RsstStatus.SUBMITTED, RsstStatus.ANSWERED, RsstStatus.ACKNOWLEDGED},
        None,
        actor=PREVENTION,
    ),
    choices=RsstStatus,
)

RSST_BADGES = {
    RsstStatus.SUBMITTED: "info",
    RsstStatus.ANSWERED: "warning",
    RsstStatus.ACKNOWLEDGED: "success",
    RsstStatus.CLOSED: "",
}


class DgiStatus(models.TextChoices):
    REPORTED = "reported", _("Signalé, enquête à mener")
    INVESTIGATED = "investigated", _("Enquête faite, décision à prendre")
    DECIDED = "decided", _("Décision prise")


class DgiDecision(models.TextChoices):
    CONFIRMED = "confirmed", _("Danger confirmé : mesures prises")
    NOT_CONFIRMED = "not_confirmed", _("Danger non confirmé")
    DISAGREEMENT = (
        "disagreement",
        _("Désaccord sur la réalité du danger ou les mesures : instance saisie"),
    )


DGI_FLOW = StateMachine(
    Transition(
        "investigate",
        {DgiStatus.REPORTED, DgiStatus.INVESTIGATED},
        DgiStatus.INVESTIGATED,
        actor=FOLLOWER,
    ),
    Transition("decide", {DgiStatus.INVESTIGATED}, DgiStatus.DECIDED, actor=FOLLOWER),
    choices=DgiStatus,
)

DGI_BADGES = {DgiStatus.REPORTED: "error", DgiStatus.INVESTIGATED: "warning", DgiStatus.DECIDED: ""}


class AccidentKind(models.TextChoices):
    WORK = "work", _("Accident de service ou du travail")
    COMMUTING = "commuting", _("Accident de trajet")
