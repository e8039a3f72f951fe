"""Skills: a list of skills, the employees' skills with a level, and the skills marked
critical by the critical-skills study (the recruitment priorities)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from imtsocial.history import HistoricalRecords


class Level(models.IntegerChoices):
    NOTIONS = 1, _("Notions")
    PRACTICE = 2, _("Pratique")
    MASTERY = 3, _("Maîtrise")
    EXPERT = 4, _("Expertise")


class Skill(models.Model):
    name = models.CharField(_("compétence"), max_length=150, unique=True)
    domain = models.CharField(_("domaine"), max_length=100, blank=True)
    critical = models.BooleanField(
        _("critique"), default=False, help_text=_("Retenue par l'étude des compétences critiques.")
    )
    study_note = models.CharField(_("motif (étude)"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("compétence")
        verbose_name_plural = _("compétences")
        ordering = ["name"]
        indexes = [models.Index(fields=["critical", "name"], name="skills_critical_name")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("skills:skill_detail", kwargs={"pk": self.pk})


class EmployeeSkill(models.Model):
    employee = models.ForeignKey(
        Employee, verbose_name=_("agent"), on_delete=models.CASCADE, related_name="skills"
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("compétence"), on_delete=models.PROTECT, related_name="holders"
    )
    level = models.PositiveSmallIntegerField(_("niveau"), choices=Level.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("compétence d'un agent")
        verbose_name_plural = _("compétences des agents")
        ordering = ["skill__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "skill"],
                name="skills_one_level_per_skill",
                violation_error_message=_("Cet agent a déjà cette compétence."),
            )
        ]

    def __str__(self):
        return f"{self.employee} — {self.skill} ({self.get_level_display()})"
