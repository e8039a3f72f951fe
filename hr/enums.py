from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    A = "A", _("Catégorie A")
    B = "B", _("Catégorie B")
    C = "C", _("Catégorie C")


class DepartmentKind(models.TextChoices):
    SERVICE = "service", _("Service")
    LABORATORY = "laboratory", _("Laboratoire")
    TEACHING = "teaching", _("Département d'enseignement")
