"""The registers open to every employee (RULES §5): the health-and-safety register (RSST),
the serious-and-imminent-danger register (DGI) and the work and commuting accidents.

No health data (RULES §6): an accident records where and how it happened and the days
of leave (an administrative consequence), never a diagnosis nor any medical detail.
"""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.history import HistoricalRecords
from safety.registers.enums import (
    DGI_BADGES,
    RSST_BADGES,
    AccidentKind,
    DgiDecision,
    DgiStatus,
    RsstKind,
    RsstStatus,
)

TEXT_MAX = 4000
COMMENT_MAX = 2000


def _text(label, *, max_length=TEXT_MAX, blank=False, help_text=""):
    return models.TextField(
        label,
        max_length=max_length,
        blank=blank,
        help_text=help_text,
        validators=[MaxLengthValidator(max_length)],
    )


def _user(label, related_name="+"):
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
    )


class RsstEntry(models.Model):
    """One line of the registre santé et sécurité au travail."""

    author = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("auteur"),
        on_delete=models.PROTECT,
        related_name="rsst_entries",
    )
    kind = models.CharField(_("nature"), max_length=16, choices=RsstKind.choices)
    place = models.CharField(_("lieu"), max_length=200)
    work_unit = models.ForeignKey(
        "safety.WorkUnit",
        verbose_name=_("unité de travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rsst_entries",
    )
    occurred_on = models.DateField(_("date des faits"))
    text = _text(_("observation ou suggestion"))
    status = models.CharField(
        _("état"), max_length=16, choices=RsstStatus.choices, default=RsstStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("écrite le"), auto_now_add=True)
    answer = _text(_("réponse de la prévention"), blank=True)
    answered_by = _user(_("réponse de"))
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True)
    acknowledgement = _text(_("visa du responsable"), max_length=COMMENT_MAX, blank=True)
    acknowledged_by = _user(_("visée par"))
    acknowledged_at = models.DateTimeField(_("visée le"), null=True, blank=True)
    closed_by = _user(_("close par"))
    closed_at = models.DateTimeField(_("close le"), null=True, blank=True)
    action = models.ForeignKey(
        "safety.ActionItem",
        verbose_name=_("action du plan de prévention"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="rsst_entries",
    )
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("observation du registre santé et sécurité")
        verbose_name_plural = _("registre santé et sécurité au travail")
        ordering = ["-occurred_on", "-pk"]
        indexes = [
            models.Index(fields=["status", "occurred_on"], name="registers_rsst_status"),
            models.Index(fields=["kind", "occurred_on"], name="registers_rsst_kind"),
            models.Index(fields=["work_unit", "occurred_on"], name="registers_rsst_unit"),
            models.Index(fields=["author", "status"], name="registers_rsst_author"),
            models.Index(fields=["occurred_on"], name="registers_rsst_date"),
        ]

    def __str__(self):
        return _("%(kind)s du %(date)s") % {
            "kind": self.get_kind_display(),
            "date": self.occurred_on.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self):
        return reverse("registers:rsst_detail", kwargs={"pk": self.pk})

    @property
    def status_badge(self) -> str:
        return RSST_BADGES.get(self.status, "")


class DgiReport(models.Model):
    """A report of a serious and imminent danger (danger grave et imminent)."""

    reported_by = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("signalé par"),
        on_delete=models.PROTECT,
        related_name="dgi_reports",
    )
    occurred_at = models.DateTimeField(_("date et heure"))
    place = models.CharField(_("lieu"), max_length=200)
    work_unit = models.ForeignKey(
        "safety.WorkUnit",
        verbose_name=_("unité de travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="dgi_reports",
    )
    danger = _text(_("danger constaté"))
    people_exposed = models.CharField(
        _("personnes exposées"),
        max_length=300,
        help_text=_("Leur nombre ou leur fonction ; aucun nom n'est nécessaire."),
    )
    immediate_measures = _text(_("mesures prises immédiatement"))
    status = models.CharField(
        _("état"), max_length=16, choices=DgiStatus.choices, default=DgiStatus.REPORTED
    )
    created_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    investigation = _text(_("enquête"), blank=True)
    investigated_by = _user(_("enquête par"))
    decision = models.CharField(
        _("décision"), max_length=16, choices=DgiDecision.choices, blank=True
    )
    decision_measures = _text(_("mesures décidées"), blank=True)
    decided_on = models.DateField(_("date de la décision"), null=True, blank=True)
    decided_by = _user(_("décision de"))
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("signalement de danger grave et imminent")
        verbose_name_plural = _("registre des dangers graves et imminents")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "occurred_at"], name="registers_dgi_status"),
            models.Index(fields=["work_unit", "occurred_at"], name="registers_dgi_unit"),
            models.Index(fields=["occurred_at"], name="registers_dgi_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=DgiStatus.DECIDED)
                | (~Q(decision="") & Q(decided_on__isnull=False)),
                name="registers_dgi_decided_has_decision",
                violation_error_message=_("Une décision a une nature et une date."),
            )
        ]

    def __str__(self):
        return _("Danger grave et imminent du %(date)s") % {
            "date": self.occurred_at.strftime("%d/%m/%Y")
        }

    def get_absolute_url(self):
        return reverse("registers:dgi_detail", kwargs={"pk": self.pk})

    @property
    def status_badge(self) -> str:
        return DGI_BADGES.get(self.status, "")


class WorkAccident(models.Model):
    """A work or commuting accident: never a diagnosis nor any medical detail."""

    victim = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("agent concerné"),
        on_delete=models.PROTECT,
        related_name="work_accidents",
    )
    kind = models.CharField(_("nature"), max_length=16, choices=AccidentKind.choices)
    occurred_on = models.DateField(_("date de l'accident"))
    place = models.CharField(_("lieu"), max_length=200)
    work_unit = models.ForeignKey(
        "safety.WorkUnit",
        verbose_name=_("unité de travail"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="work_accidents",
    )
    circumstances = _text(
        _("circonstances"),
        max_length=3000,
        help_text=_(
            "Ce qui s'est passé (activité, lieu, matériel). N'écrivez jamais de diagnostic "
            "ni aucune information médicale (nature des lésions, soins, arrêt prescrit…)."
        ),
    )
    leave_days = models.PositiveIntegerField(
        _("jours d'arrêt"),
        null=True,
        blank=True,
        help_text=_("Nombre de jours d'absence ; peut être complété plus tard."),
    )
    follow_up = _text(_("suites données"), max_length=COMMENT_MAX, blank=True)
    action = models.ForeignKey(
        "safety.ActionItem",
        verbose_name=_("action du plan de prévention"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_accidents",
    )
    recorded_by = _user(_("enregistré par"))
    created_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("accident du travail ou de trajet")
        verbose_name_plural = _("accidents du travail et de trajet")
        ordering = ["-occurred_on", "-pk"]
        indexes = [
            models.Index(fields=["kind", "occurred_on"], name="registers_acc_kind"),
            models.Index(fields=["work_unit", "occurred_on"], name="registers_acc_unit"),
            models.Index(fields=["victim", "occurred_on"], name="registers_acc_victim"),
            models.Index(fields=["occurred_on"], name="registers_acc_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(leave_days__isnull=True) | Q(leave_days__gte=0),
                name="registers_acc_leave_days_positive",
                violation_error_message=_("Le nombre de jours d'arrêt ne peut pas être négatif."),
            )
        ]

    def __str__(self):
        return _("%(kind)s du %(date)s") % {
            "kind": self.get_kind_display(),
            "date": self.occurred_on.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self):
        return reverse("registers:accident_detail", kwargs={"pk": self.pk})
