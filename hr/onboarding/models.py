"""Onboarding: a checklist per newcomer with an owner per item, and the referents of
« Qui fait quoi ? » (who to contact for which topic).

A checklist is created when an employee with a recent or future hire date appears (a
form, an import); each item belongs to a role (HR, IT, prevention) or to the newcomer's
manager, and shows on their « Mon espace » until it is done."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from imtsocial.formats import elide


class Owner(models.TextChoices):
    HR = "hr", _("Ressources humaines")
    IT = "it", _("Informatique")
    PREVENTION = "prevention", _("Prévention")
    MANAGER = "manager", _("Responsable de l'agent")


class OnboardingStep(models.Model):
    """An item of every newcomer's checklist (pre-filled; kept by HR in the admin)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label = models.CharField(_("étape"), max_length=200)
    owner = models.CharField(_("qui s'en charge"), max_length=12, choices=Owner.choices)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    active = models.BooleanField(_("en usage"), default=True)

    class Meta:
        verbose_name = _("étape d'accueil")
        verbose_name_plural = _("étapes d'accueil")
        ordering = ["position", "code"]

    def __str__(self):
        return self.label


class Onboarding(models.Model):
    employee = models.OneToOneField(
        Employee,
        verbose_name=_("nouvel agent"),
        on_delete=models.CASCADE,
        related_name="onboarding",
    )
    created_on = models.DateField(_("ouvert le"), auto_now_add=True)

    class Meta:
        verbose_name = _("accueil d'un nouvel agent")
        verbose_name_plural = _("accueils des nouveaux agents")
        ordering = ["-employee__hire_date", "pk"]

    def __str__(self):
        name = self.employee.full_name
        return elide(_("Accueil de %(name)s") % {"name": name}, name)

    def get_absolute_url(self):
        return reverse("onboarding:detail", kwargs={"pk": self.pk})


class OnboardingItem(models.Model):
    onboarding = models.ForeignKey(
        Onboarding, verbose_name=_("accueil"), on_delete=models.CASCADE, related_name="items"
    )
    step = models.ForeignKey(OnboardingStep, verbose_name=_("étape"), on_delete=models.PROTECT)
    done_on = models.DateField(_("fait le"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fait par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("étape d'un accueil")
        verbose_name_plural = _("étapes des accueils")
        ordering = ["step__position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["onboarding", "step"], name="onboarding_step_once")
        ]
        indexes = [models.Index(fields=["done_on"], name="onboarding_item_done")]

    def __str__(self):
        return str(self.step)


class Topic(models.TextChoices):
    PAY = "pay", _("Paie et rémunération")
    CAREER = "career", _("Carrière et contrats")
    TRAINING = "training", _("Formation")
    TELEWORK = "telework", _("Télétravail")
    EQUIPMENT = "equipment", _("Matériel informatique et prêts")
    SOCIAL = "social", _("Action sociale")
    SAFETY = "safety", _("Santé et sécurité au travail")
    RADIATION = "radiation", _("Radioprotection")
    LAB_WASTE = "lab_waste", _("Déchets de laboratoire")
    CHEMICAL = "chemical", _("Risque chimique")
    BIOLOGICAL = "biological", _("Risque biologique")
    LASER = "laser", _("Risque laser")
    HR_HEAD = "hr_head", _("Responsable des ressources humaines")


class Referent(models.Model):
    topic = models.CharField(_("sujet"), max_length=12, choices=Topic.choices)
    employee = models.ForeignKey(
        Employee, verbose_name=_("référent"), on_delete=models.CASCADE, related_name="referent_of"
    )
    note = models.CharField(
        _("précision"),
        max_length=300,
        blank=True,
        help_text=_("Par exemple les permanences sur les campus."),
    )

    class Meta:
        verbose_name = _("référent")
        verbose_name_plural = _("référents")
        ordering = ["topic", "employee__last_name"]

    def __str__(self):
        return f"{self.get_topic_display()} : {self.employee}"
