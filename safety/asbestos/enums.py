from django.db import models
from django.utils.translation import gettext_lazy as _


class Material(models.TextChoices):
    FLOOR_TILES = "floor_tiles", _("Dalles de sol et colle")
    SPANDREL = "spandrel", _("Allège en fibrociment")
    TRANSOM = "transom", _("Imposte en fibrociment")
    PIPE = "pipe", _("Tuyau d'évacuation en fibrociment")
    ROOFING = "roofing", _("Plaque de couverture en fibrociment")
    FLOCKING = "flocking", _("Flocage")
    INSULATION = "insulation", _("Calorifugeage")
    OTHER = "other", _("Autre matériau")


class State(models.TextChoices):
    PRESENT = "present", _("Présent")
    CONFINED = "confined", _("Confiné")
    REMOVED = "removed", _("Retiré (désamianté)")


class MeasureKind(models.TextChoices):
    CONFINEMENT = "confinement", _("Confinement")
    COVERING = "covering", _("Recouvrement")
    REMOVAL = "removal", _("Retrait (désamiantage)")


# the state a location is in after a measure of that kind
STATE_AFTER = {
    MeasureKind.CONFINEMENT: State.CONFINED,
    MeasureKind.COVERING: State.CONFINED,
    MeasureKind.REMOVAL: State.REMOVED,
}


class Action(models.TextChoices):
    """What the last assessment (and air measurement) asks for (RULES §5)."""

    ASSESS = "assess", _("Évaluation de l'état de conservation à faire")
    RECHECK = "recheck", _("Nouvelle évaluation dans le délai")
    AIR = "air", _("Mesure d'empoussièrement de l'air à faire")
    WORKS = "works", _("Travaux de confinement ou de retrait à faire")
    NONE = "none", _("Aucune (matériau retiré)")


ACTION_BADGES = {
    Action.ASSESS: "warning",
    Action.RECHECK: "info",
    Action.AIR: "warning",
    Action.WORKS: "error",
    Action.NONE: "success",
}
