"""Yearly evaluation campaigns and their interviews (entretien professionnel).

Confidential: an interview is seen by the employee, the evaluator (their direct
manager), the endorsing manager (the evaluator's own manager) and HR only — never by a
talent developer, a colleague or the director, who see aggregates (``stats.py``).
Every fetch goes through ``perms.get_interview_for``.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.evaluations.enums import (
    NOTIFIED_STATUSES,
    STATUS_BADGES,
    Committee,
    InterviewStatus,
    ReviewStatus,
)
from hr.evaluations.parameters import (
    COMMITTEE_REFERRAL_MONTHS,
    NOTICE_DAYS,
    REVIEW_ANSWER_CLEAR_DAYS,
    REVIEW_REQUEST_CLEAR_DAYS,
)
from hr.models import Employee
from imtsocial.delays import clear_days_deadline
from imtsocial.formats import elide
from imtsocial.history import HistoricalRecords

REPORT_FIELDS = ("results", "objectives", "way_of_working", "training_needs", "career_wishes")
TEXT_MAX_LENGTH = 5000


class EvaluationCampaign(models.Model):
    year = models.PositiveSmallIntegerField(_("année évaluée"), unique=True)
    opened_on = models.DateField(_("ouverte le"), default=timezone.localdate)
    deadline = models.DateField(
        _("date limite"), help_text=_("Les comptes rendus doivent être notifiés avant cette date.")
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ouverte par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("campagne d'entretiens")
        verbose_name_plural = _("campagnes d'entretiens")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gte=models.F("opened_on")),
                name="evaluations_campaign_deadline_after_opening",
                violation_error_message=_("La date limite précède l'ouverture de la campagne."),
            )
        ]

    def __str__(self):
        return _("Campagne d'entretiens %(year)s") % {"year": self.year}

    def get_absolute_url(self):
        return reverse("evaluations:campaign_detail", kwargs={"pk": self.pk})

    def is_late(self, at: date | None = None) -> bool:
        return (at or timezone.localdate()) > self.deadline


class InterviewQuerySet(models.QuerySet):
    def done(self):
        return self.filter(status__in=NOTIFIED_STATUSES)

    def not_done(self):
        return self.exclude(status__in=NOTIFIED_STATUSES)

    def late(self, at: date):
        """Not notified although the campaign's deadline has passed."""
        return self.not_done().filter(campaign__deadline__lt=at)


class EvaluationInterview(models.Model):
    campaign = models.ForeignKey(
        EvaluationCampaign,
        verbose_name=_("campagne"),
        on_delete=models.PROTECT,
        related_name="interviews",
    )
    employee = models.ForeignKey(
        Employee, verbose_name=_("agent"), on_delete=models.PROTECT, related_name="interviews"
    )
    evaluator = models.ForeignKey(
        Employee,
        verbose_name=_("évaluateur (responsable direct)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interviews_as_evaluator",
    )
    endorser = models.ForeignKey(
        Employee,
        verbose_name=_("autorité qui vise (N+2)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="interviews_as_endorser",
    )
    committee = models.CharField(
        _("commission paritaire compétente"), max_length=3, choices=Committee.choices
    )
    status = models.CharField(
        _("état"), max_length=16, choices=InterviewStatus.choices, default=InterviewStatus.TO_PLAN
    )
    convened_on = models.DateField(_("convocation envoyée le"), null=True, blank=True)
    scheduled_for = models.DateField(_("date de l'entretien"), null=True, blank=True)
    held_on = models.DateField(_("entretien tenu le"), null=True, blank=True)
    results = models.TextField(_("résultats professionnels"), blank=True)
    objectives = models.TextField(_("objectifs pour l'année à venir"), blank=True)
    way_of_working = models.TextField(_("manière de servir"), blank=True)
    training_needs = models.TextField(_("besoins de formation"), blank=True)
    career_wishes = models.TextField(_("perspectives d'évolution professionnelle"), blank=True)
    notified_on = models.DateField(_("notifié le"), null=True, blank=True)
    employee_comments = models.TextField(_("observations de l'agent"), blank=True)
    signed_on = models.DateField(_("signé le"), null=True, blank=True)
    endorsed_on = models.DateField(_("visé le"), null=True, blank=True)
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("visé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    review_status = models.CharField(
        _("révision"), max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.NONE
    )
    review_requested_on = models.DateField(_("révision demandée le"), null=True, blank=True)
    review_request = models.TextField(_("demande de révision"), blank=True)
    review_answered_on = models.DateField(_("réponse donnée le"), null=True, blank=True)
    review_answer = models.TextField(_("réponse à la demande de révision"), blank=True)
    referred_on = models.DateField(_("commission saisie le"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="evaluations/%Y/", blank=True)
    pdf_checksum = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64, blank=True)
    pdf_of_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["pdf", "pdf_checksum", "pdf_of_version"])
    objects = InterviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("entretien professionnel")
        verbose_name_plural = _("entretiens professionnels")
        ordering = ["employee__last_name", "employee__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "employee"],
                name="evaluations_one_interview_per_campaign",
                violation_error_message=_("Cet agent a déjà un entretien dans cette campagne."),
            ),
            models.CheckConstraint(
                condition=~Q(evaluator=models.F("employee")),
                name="evaluations_not_own_evaluator",
                violation_error_message=_("Un agent ne peut pas être son propre évaluateur."),
            ),
        ]
        indexes = [
            models.Index(fields=["campaign", "status"], name="evaluations_campaign_status"),
            models.Index(fields=["evaluator", "status"], name="evaluations_evaluator_status"),
            models.Index(fields=["endorser", "status"], name="evaluations_endorser_status"),
        ]

    def __str__(self):
        name = self.employee.full_name
        text = _("Entretien %(year)s de %(name)s") % {"year": self.campaign.year, "name": name}
        return elide(text, name)

    def get_absolute_url(self):
        return reverse("evaluations:interview_detail", kwargs={"pk": self.pk})

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "info")

    @property
    def report_locked(self) -> bool:
        return self.status in NOTIFIED_STATUSES

    @property
    def pdf_ready(self) -> bool:
        return bool(self.pdf) and self.pdf_of_version == self.version

    # Deadlines (clear days, from the parameters in force on the day of the event).
    @staticmethod
    def earliest_date(convened_on: date) -> date:
        """The earliest interview date for a convocation sent on ``convened_on``."""
        return convened_on + timedelta(days=NOTICE_DAYS.at(convened_on))

    @property
    def review_request_deadline(self) -> date | None:
        if self.notified_on is None:
            return None
        days = REVIEW_REQUEST_CLEAR_DAYS.at(self.notified_on)
        return clear_days_deadline(self.notified_on, days=days)

    @property
    def review_answer_deadline(self) -> date | None:
        if self.review_requested_on is None:
            return None
        days = REVIEW_ANSWER_CLEAR_DAYS.at(self.review_requested_on)
        return clear_days_deadline(self.review_requested_on, days=days)

    @property
    def committee_referral_deadline(self) -> date | None:
        """One month from the answer; with no answer, from the end of the answer delay."""
        start = self.review_answered_on or self.review_answer_deadline
        if start is None:
            return None
        return clear_days_deadline(start, months=COMMITTEE_REFERRAL_MONTHS.at(start))
