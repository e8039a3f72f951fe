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


class ContractKind(models.TextChoices):
    TITULAIRE = "titulaire", _("Fonctionnaire titulaire")
    CDI = "cdi", _("CDI")
    CDD = "cdd", _("CDD")
    DOCTORANT = "doctorant", _("Contrat doctoral")
    APPRENTI = "apprenti", _("Contrat d'apprentissage")


# « Permanent » staff, as in the DD&RS chapter: civil servants and CDI.
PERMANENT_KINDS = frozenset({ContractKind.TITULAIRE, ContractKind.CDI})
# Contracts that must have an end date.
FIXED_TERM_KINDS = frozenset({ContractKind.CDD, ContractKind.DOCTORANT, ContractKind.APPRENTI})


class ImportKind(models.TextChoices):
    """hr's importers (``imtsocial.imports``), by key."""

    EMPLOYEES = "hr.employees", _("Agents")
    CONTRACTS = "hr.contracts", _("Contrats")
    SALARIES = "hr.salaries", _("Salaires")
