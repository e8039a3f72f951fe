"""Telework requests and the rules they follow; IT equipment and its loans."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.formats import elide
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from telework.enums import (
    CONFIDENTIAL_REASONS,
    DEROGATION_REASONS,
    STATUS_BADGES,
    AssessmentPeriod,
    AssetKind,
    AssetState,
    FloatingPeriod,
    Reason,
    RequestStatus,
    ReturnCondition,
    Weekday,
)


class TeleworkRule(DateEffective):
    """The thresholds of RULES §2, date-effective: pre-filled by a data migration, kept by
    HR in « Référentiels » when a text changes. Never constants in code."""

    max_days_per_week = models.PositiveSmallIntegerField(_("jours de télétravail maximum"))
    min_onsite_days_per_week = models.PositiveSmallIntegerField(
        _("jours de présence sur site minimum")
    )
    working_days_per_week = models.PositiveSmallIntegerField(
        _("jours travaillés par semaine (temps plein)"), default=5
    )
    assessment_period = models.CharField(
        _("période d'appréciation des seuils"),
        max_length=8,
        choices=AssessmentPeriod.choices,
        default=AssessmentPeriod.WEEK,
    )
    weeks_per_month = models.PositiveSmallIntegerField(
        _("semaines par mois (jours flottants mensuels)"), default=4
    )
    weeks_per_year = models.PositiveSmallIntegerField(
        _("semaines travaillées par an (jours flottants annuels)"),
        default=45,
        help_text=_("Paramètre non vérifié dans un texte officiel (?)."),
    )
    health_max_months = models.PositiveSmallIntegerField(
        _("dérogation santé : durée maximale (mois)")
    )
    carer_max_months = models.PositiveSmallIntegerField(
        _("dérogation proche aidant : durée maximale (mois)")
    )
    adaptation_max_months = models.PositiveSmallIntegerField(
        _("période d'adaptation maximale (mois)")
    )
    answer_within_days = models.PositiveSmallIntegerField(_("délai de réponse (jours)"))
    daily_allowance = models.DecimalField(
        _("forfait télétravail par jour (€)"), max_digits=6, decimal_places=2, default=0
    )
    yearly_allowance_cap = models.DecimalField(
        _("plafond annuel du forfait (€)"), max_digits=8, decimal_places=2, default=0
    )

    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("règle de télétravail")
        verbose_name_plural = _("règles de télétravail")

    def __str__(self):
        return _("Règles en vigueur du %(date)s") % {"date": self.valid_from.strftime("%d/%m/%Y")}


class ExceptionalRegimeQuerySet(models.QuerySet):
    def in_force(self, at):
        """The regimes covering ``at`` (declarations never overlap: one at most)."""
        return self.filter(start__lte=at, end__gte=at)


class ExceptionalRegime(models.Model):
    """A dated, bulk decision: during it a transitional regime applies to all staff
    (exceptional situation disturbing access to the site, e.g. the 2020 health crisis)."""

    name = models.CharField(_("intitulé"), max_length=200)
    start = models.DateField(_("du"))
    end = models.DateField(_("au"))
    description = models.TextField(_("modalités"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déclaré par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    declared_at = models.DateTimeField(_("déclaré le"), default=timezone.now)

    history = HistoricalRecords()
    objects = ExceptionalRegimeQuerySet.as_manager()

    class Meta:
        verbose_name = _("régime exceptionnel")
        verbose_name_plural = _("régimes exceptionnels")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="telework_regime_end_after_start",
                violation_error_message=_("La date de fin précède la date de début."),
            ),
        ]

    def __str__(self):
        return self.name


class TeleworkRequestQuerySet(models.QuerySet):
    def in_force(self, at):
        return self.filter(status=RequestStatus.APPROVED, start__lte=at, end__gte=at)

    def overlapping(self, start, end):
        return self.filter(start__lte=end, end__gte=start)


class TeleworkRequest(models.Model):
    """A written telework request and, once approved, the authorisation."""

    employee = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        related_name="telework_requests",
    )
    # Fixed weekdays as digits 0 (Monday) … 4 (Friday), e.g. "1,3".
    fixed_days = models.CharField(_("jours fixes"), max_length=20, blank=True)
    floating_days = models.PositiveSmallIntegerField(_("jours flottants"), default=0)
    floating_period = models.CharField(
        _("période des jours flottants"),
        max_length=8,
        choices=FloatingPeriod.choices,
        default=FloatingPeriod.WEEK,
    )
    days_per_week = models.PositiveSmallIntegerField(
        _("jours par semaine"), default=0, editable=False
    )
    start = models.DateField(_("début"))
    end = models.DateField(_("fin"))
    reason = models.CharField(_("motif"), max_length=16, choices=Reason.choices)
    physician_opinion_received = models.BooleanField(
        _("avis du médecin du travail reçu"), default=False
    )
    physician_opinion_date = models.DateField(
        _("date de l'avis du médecin du travail"), null=True, blank=True
    )
    status = models.CharField(
        _("état"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    manager = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("responsable chargé du premier avis"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="telework_requests_to_review",
    )
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    manager_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("avis du responsable donné par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    manager_decided_at = models.DateTimeField(_("avis du responsable le"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("décision finale prise par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("décision finale le"), null=True, blank=True)
    refusal_reason = models.TextField(_("motif du refus"), blank=True)
    interview_on = models.DateField(_("date de l'entretien préalable"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    renewed_from = models.ForeignKey(
        "self",
        verbose_name=_("renouvellement de"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renewals",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = TeleworkRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande de télétravail")
        verbose_name_plural = _("demandes de télétravail")
        ordering = ["-start", "-pk"]
        indexes = [
            models.Index(fields=["status", "start"], name="telework_req_status_idx"),
            models.Index(fields=["employee", "start"], name="telework_req_employee_idx"),
            models.Index(fields=["reason"], name="telework_req_reason_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")),
                name="telework_request_end_after_start",
                violation_error_message=_("La date de fin précède la date de début."),
            ),
        ]

    def __str__(self):
        text = _("Télétravail de %(name)s du %(start)s au %(end)s") % {
            "name": self.employee,
            "start": self.start.strftime("%d/%m/%Y"),
            "end": self.end.strftime("%d/%m/%Y"),
        }
        return elide(text, self.employee)

    def get_absolute_url(self):
        return reverse("telework:request_detail", kwargs={"pk": self.pk})

    @property
    def weekdays(self) -> list[int]:
        return [int(d) for d in self.fixed_days.split(",") if d != ""]

    @property
    def weekday_labels(self) -> list[str]:
        return [Weekday(d).label for d in self.weekdays]

    @property
    def is_derogation(self) -> bool:
        return self.reason in DEROGATION_REASONS

    @property
    def reason_is_confidential(self) -> bool:
        return self.reason in CONFIDENTIAL_REASONS

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "new")


class Asset(models.Model):
    """An item of the IT inventory."""

    tag = models.CharField(_("numéro d'inventaire"), max_length=30, unique=True)
    serial = models.CharField(_("numéro de série"), max_length=60, blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=AssetKind.choices)
    model_name = models.CharField(_("modèle"), max_length=120, blank=True)
    site = models.ForeignKey("hr.Site", verbose_name=_("site"), on_delete=models.PROTECT)
    state = models.CharField(
        _("état"), max_length=12, choices=AssetState.choices, default=AssetState.IN_STOCK
    )
    vpn_configured = models.BooleanField(_("VPN configuré"), default=False)
    videoconf_configured = models.BooleanField(_("visioconférence configurée"), default=False)
    notes = models.TextField(_("remarques"), blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("équipement")
        verbose_name_plural = _("équipements")
        ordering = ["tag"]
        indexes = [
            models.Index(fields=["kind", "state"], name="telework_asset_kind_idx"),
            models.Index(fields=["state"], name="telework_asset_state_idx"),
            models.Index(fields=["site", "kind"], name="telework_asset_site_idx"),
        ]

    def __str__(self):
        return f"{self.tag} — {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("telework:asset_detail", kwargs={"pk": self.pk})


class LoanQuerySet(models.QuerySet):
    def open(self):
        return self.filter(returned_on__isnull=True)

    def overdue(self, at):
        return self.open().filter(due_on__lt=at)


class Loan(models.Model):
    """An asset lent to an employee. At most one open loan per asset (database)."""

    asset = models.ForeignKey(
        Asset, verbose_name=_("équipement"), on_delete=models.PROTECT, related_name="loans"
    )
    employee = models.ForeignKey(
        "hr.Employee", verbose_name=_("agent"), on_delete=models.PROTECT, related_name="loans"
    )
    out_on = models.DateField(_("prêté le"))
    due_on = models.DateField(_("à rendre le"))
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("prêté par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    agreement_accepted_at = models.DateTimeField(
        _("convention de prêt acceptée le"), null=True, blank=True
    )
    agreement_accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("convention acceptée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    returned_on = models.DateField(_("rendu le"), null=True, blank=True)
    return_condition = models.CharField(
        _("état au retour"), max_length=10, choices=ReturnCondition.choices, blank=True
    )
    return_notes = models.TextField(_("remarques au retour"), blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reçu par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_reminder_on = models.DateField(_("dernière relance le"), null=True, blank=True)

    history = HistoricalRecords()
    objects = LoanQuerySet.as_manager()

    class Meta:
        verbose_name = _("prêt d'équipement")
        verbose_name_plural = _("prêts d'équipement")
        ordering = ["-out_on", "-pk"]
        indexes = [
            models.Index(fields=["due_on"], name="telework_loan_due_idx"),
            models.Index(fields=["employee", "out_on"], name="telework_loan_employee_idx"),
            # IT's list of current loans, ordered by the date they are due back.
            models.Index(
                fields=["due_on", "id"],
                condition=Q(returned_on__isnull=True),
                name="telework_loan_open_due_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["asset"],
                condition=Q(returned_on__isnull=True),
                name="telework_one_open_loan_per_asset",
                violation_error_message=_("Cet équipement est déjà prêté."),
            ),
            models.CheckConstraint(
                condition=Q(due_on__gte=models.F("out_on")),
                name="telework_loan_due_after_out",
                violation_error_message=_("La date de retour prévue précède la date de prêt."),
            ),
            models.CheckConstraint(
                condition=Q(returned_on__isnull=True) | Q(returned_on__gte=models.F("out_on")),
                name="telework_loan_returned_after_out",
                violation_error_message=_("La date de retour précède la date de prêt."),
            ),
        ]

    def __str__(self):
        return _("%(asset)s prêté à %(name)s") % {"asset": self.asset, "name": self.employee}

    def get_absolute_url(self):
        return reverse("telework:loan_detail", kwargs={"pk": self.pk})

    @property
    def is_open(self) -> bool:
        return self.returned_on is None

    def is_overdue(self, at=None) -> bool:
        return self.is_open and self.due_on < (at or timezone.localdate())
