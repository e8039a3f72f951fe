from django.db import models
from django.utils.translation import gettext_lazy as _


class Function(models.TextChoices):
    """The functions of the prevention network (décret 82-453, articles 4 and 4-1): the
    assistants and the advisor are both « agents de prévention »; the experts advise on
    one field."""

    AGENT = "agent", _("Assistant de prévention")
    ADVISOR = "advisor", _("Conseiller de prévention")
    EXPERT = "expert", _("Expert")


class Expertise(models.TextChoices):
    RADIATION = "radiation", _("Radioprotection")
    LAB_WASTE = "lab_waste", _("Déchets de laboratoire")
    CHEMICAL = "chemical", _("Risque chimique")
    BIOLOGICAL = "biological", _("Risque biologique")
    LASER = "laser", _("Risque laser")


# Both functions count as « agents de prévention » in the school's figures.
PREVENTION_AGENT_FUNCTIONS = (Function.AGENT, Function.ADVISOR)
