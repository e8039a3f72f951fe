"""The training catalogue, its sessions, enrolments with the hours really attended,
and the CPF rule rows (compte personnel de formation, RULES §4).

An employee's training record is seen by the person, their direct manager (the team's
trainings) and HR."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from hr.training.enums import HOLDS_A_PLACE, STATUS_BADGES, EnrolmentStatus, Mode, Theme
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective

HOURS = {"max_digits": 5, "decimal_places": 1, "validators": [MinValueValidator(Decimal("0"))]}


class Course(models.Model):
    title = models.CharField(_("intitulé"), max_length=200)
    provider = models.CharField(_("organisme"), max_length=150)
    theme = models.CharField(_("thème"), max_length=16, choices=Theme.choices)
    mode = models.CharField(_("modalité"), max_length=8, choices=Mode.choices)
    hours = models.DecimalField(_("durée (heures)"), **HOURS)
    description = models.TextField(_("description"), blank=True, max_length=3000)
    active = models.BooleanField(_("au catalogue"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("formation")
        verbose_name_plural = _("formations")
        ordering = ["title"]
        indexes = [models.Index(fields=["theme", "mode"], name="training_course_theme_mode")]
        constraints = [
            models.CheckConstraint(
                condition=Q(hours__gt=0),
                name="training_course_hours_positive",
                violation_error_message=_("La durée doit être positive."),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("training:course_detail", kwargs={"pk": self.pk})


class TrainingSession(models.Model):
    course = models.ForeignKey(
        Course, verbose_name=_("formation"), on_delete=models.PROTECT, related_name="sessions"
    )
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"))
    capacity = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    location = models.CharField(_("lieu ou lien"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("session de formation")
        verbose_name_plural = _("sessions de formation")
        ordering = ["starts_on", "pk"]
        indexes = [models.Index(fields=["starts_on"], name="training_session_start")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="training_session_ends_after_start",
                violation_error_message=_("La fin de la session précède son début."),
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=1),
                name="training_session_capacity_positive",
                violation_error_message=_("Une session a au moins une place."),
            ),
        ]

    def __str__(self):
        return _("%(course)s, le %(date)s") % {
            "course": self.course.title,
            "date": self.starts_on.strftime("%d/%m/%Y"),
        }

    def get_absolute_url(self):
        return reverse("training:session_detail", kwargs={"pk": self.pk})


class Enrolment(models.Model):
    session = models.ForeignKey(
        TrainingSession,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        related_name="enrolments",
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("agent"), on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("état"), max_length=16, choices=EnrolmentStatus.choices, default=EnrolmentStatus.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inscrit par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décidée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    refusal_reason = models.CharField(_("motif du refus"), max_length=500, blank=True)
    uses_cpf = models.BooleanField(_("au titre du CPF"), default=False)
    attended_hours = models.DecimalField(_("heures suivies"), null=True, blank=True, **HOURS)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["session__starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "employee"],
                condition=Q(status__in=sorted(HOLDS_A_PLACE)),
                name="training_one_place_per_person",
                violation_error_message=_("Cet agent est déjà inscrit à cette session."),
            )
        ]
        indexes = [
            models.Index(fields=["employee", "status"], name="training_enrolment_person"),
            models.Index(fields=["session", "status"], name="training_enrolment_session"),
        ]

    def __str__(self):
        return _("%(name)s — %(session)s") % {
            "name": self.employee.full_name,
            "session": self.session,
        }

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "")


class CpfRule(DateEffective):
    """Hours credited per year of service, and the ceiling (RULES §4): 25 h a year up to
    150 h; for category C staff without a level-3 diploma, 50 h up to 400 h."""

    low_qualification = models.BooleanField(_("catégorie C sans diplôme de niveau 3"))
    yearly_hours = models.PositiveSmallIntegerField(_("heures acquises par an"))
    ceiling_hours = models.PositiveSmallIntegerField(_("plafond (heures)"))

    key_fields = ("low_qualification",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("règle du compte personnel de formation")
        verbose_name_plural = _("règles du compte personnel de formation")

    def __str__(self):
        return _("%(yearly)s h par an, plafond %(ceiling)s h") % {
            "yearly": self.yearly_hours,
            "ceiling": self.ceiling_hours,
        }
