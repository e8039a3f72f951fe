"""Talent developers' coaching (« Développeur de talents »).

The person chooses their coach among the active talent developers; a coach never
coaches someone they manage, evaluate or endorse (their direct report, or the report of
their report) — checked when the person chooses, and again when the hierarchy changes
(the relationship then ends). Sessions and notes are private to the pair: not HR, not the
director, who see counts only. The role gives no access to evaluations, pay or
advancement anywhere."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.models import Employee, TalentDeveloper


class EndReason(models.TextChoices):
    COACHEE = "coachee", _("Fin demandée par l'agent")
    COACH = "coach", _("Fin demandée par le développeur de talents")
    HIERARCHY = "hierarchy", _("Lien hiérarchique apparu entre eux")


class CoachingRelationship(models.Model):
    coachee = models.ForeignKey(
        Employee,
        verbose_name=_("agent accompagné"),
        on_delete=models.PROTECT,
        related_name="coachings",
    )
    coach = models.ForeignKey(
        TalentDeveloper,
        verbose_name=_("développeur de talents"),
        on_delete=models.PROTECT,
        related_name="coachings",
    )
    started_on = models.DateField(_("début"))
    ended_on = models.DateField(_("fin"), null=True, blank=True)
    end_reason = models.CharField(
        _("motif de fin"), max_length=12, choices=EndReason.choices, blank=True
    )
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("accompagnement")
        verbose_name_plural = _("accompagnements")
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["coachee"],
                condition=Q(ended_on__isnull=True),
                name="coaching_one_coach_at_a_time",
                violation_error_message=_("Cet agent a déjà un développeur de talents."),
            )
        ]
        indexes = [models.Index(fields=["coach", "ended_on"], name="coaching_coach_open")]

    def __str__(self):
        return _("Accompagnement de %(coachee)s par %(coach)s") % {
            "coachee": self.coachee.full_name,
            "coach": self.coach.employee.full_name,
        }

    def get_absolute_url(self):
        return reverse("coaching:relationship_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.ended_on is None


class CoachingSession(models.Model):
    relationship = models.ForeignKey(
        CoachingRelationship,
        verbose_name=_("accompagnement"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes (visibles du binôme seulement)"), max_length=5000, blank=True)

    class Meta:
        verbose_name = _("séance d'accompagnement")
        verbose_name_plural = _("séances d'accompagnement")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return _("Séance du %(date)s") % {"date": self.date.strftime("%d/%m/%Y")}
