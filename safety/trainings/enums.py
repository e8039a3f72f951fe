"""Safety trainings: the kinds of learners, the families of training kinds, and the
kinds of people in the list of newcomers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LearnerKind(models.TextChoices):
    STUDENT = "eleve", _("Élève")
    APPRENTICE = "apprenti", _("Apprenti")
    INTERN = "stagiaire", _("Stagiaire")


class KindFamily(models.TextChoices):
    """What the application does with a kind: the induction feeds the list of newcomers,
    the road-risk training the list of exposed people; one kind of each at most."""

    INDUCTION = "induction", _("Formation d'accueil")
    ROAD_RISK = "road_risk", _("Risque routier")
    RISK = "risk", _("Risque spécifique")


EMPLOYEE_KIND = "agent"
NEWCOMER_KINDS = [(EMPLOYEE_KIND, _("Agent")), *LearnerKind.choices]
