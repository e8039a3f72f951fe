"""Qualifications (« habilitations ») and first-aid certificates, with their expiry.

« Différentes habilitations sont détenues par le personnel de laboratoire : gaz,
opérations d'ordre électrique, travail en hauteur, équipements sous pression. » —
« 26 sauveteurs-secouristes du travail sont mobilisables dans les 3 laboratoires. »

A type's validity (months) and notice period (days before expiry when the holder and
their manager are told) are date-effective rows (``QualificationValidity``): the expiry
of a qualification is computed with the row in force at the date it was obtained."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.formats import elide
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from safety.qualifications.enums import STATE_BADGES, Kind, State, Threshold


class QualificationType(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("intitulé"), max_length=150)
    kind = models.CharField(_("nature"), max_length=12, choices=Kind.choices)
    levels = models.CharField(
        _("niveaux possibles"),
        max_length=300,
        blank=True,
        help_text=_("Séparés par des virgules (par exemple B0, B1V, BR, H0) ; vide : sans niveau."),
    )
    active = models.BooleanField(_("proposée"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("type d'habilitation")
        verbose_name_plural = _("types d'habilitation")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def level_list(self) -> list[str]:
        return [level.strip() for level in self.levels.split(",") if level.strip()]


class QualificationValidity(DateEffective):
    """How long a qualification of a type is valid, and how many days before its expiry
    the holder and their manager are reminded (RULES §5: SST 24 months, electrical
    36 months recommended; gas, height, pressure equipment: configurable)."""

    qualification_type = models.ForeignKey(
        QualificationType,
        verbose_name=_("type d'habilitation"),
        on_delete=models.PROTECT,
        related_name="validities",
    )
    validity_months = models.PositiveSmallIntegerField(
        _("durée de validité (mois)"), validators=[MinValueValidator(1), MaxValueValidator(240)]
    )
    notice_days = models.PositiveSmallIntegerField(
        _("préavis de renouvellement (jours)"),
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Nombre de jours avant l'échéance où l'agent et son responsable sont prévenus."
        ),
    )

    key_fields = ("qualification_type",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("durée de validité d'une habilitation")
        verbose_name_plural = _("durées de validité des habilitations")
        indexes = [
            models.Index(fields=["qualification_type", "valid_from"], name="qualif_validity_from")
        ]

    def __str__(self):
        return _("%(type)s : %(months)s mois") % {
            "type": self.qualification_type,
            "months": self.validity_months,
        }


def certificate_path(instance, filename):
    return f"prevention/habilitations/{instance.obtained_on:%Y}/{filename}"


class Qualification(models.Model):
    holder = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("titulaire"),
        on_delete=models.PROTECT,
        related_name="qualifications",
    )
    qualification_type = models.ForeignKey(
        QualificationType,
        verbose_name=_("type d'habilitation"),
        on_delete=models.PROTECT,
        related_name="qualifications",
    )
    level = models.CharField(_("niveau"), max_length=20, blank=True)
    obtained_on = models.DateField(_("obtenue le"))
    expires_on = models.DateField(_("valable jusqu'au"))
    certificate = models.FileField(
        _("attestation (PDF)"), upload_to=certificate_path, blank=True, max_length=200
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enregistrée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "certificate"])

    class Meta:
        verbose_name = _("habilitation")
        verbose_name_plural = _("habilitations")
        ordering = ["expires_on", "pk"]
        indexes = [
            models.Index(fields=["qualification_type", "expires_on"], name="qualif_type_expiry"),
            models.Index(fields=["expires_on"], name="qualif_expiry"),
            models.Index(fields=["holder", "expires_on"], name="qualif_holder"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gte=models.F("obtained_on")),
                name="qualif_expires_after_obtained",
                violation_error_message=_("L'échéance précède la date d'obtention."),
            )
        ]

    def __str__(self):
        label = self.qualification_type.name
        if self.level:
            label = f"{label} {self.level}"
        name = self.holder.full_name
        return elide(_("%(type)s de %(name)s") % {"type": label, "name": name}, name)

    def get_absolute_url(self):
        return reverse("qualifications:detail", kwargs={"pk": self.pk})

    @property
    def label(self) -> str:
        name = self.qualification_type.name
        return f"{name} ({self.level})" if self.level else name

    def state_at(self, at, notice_days: int) -> str:
        if self.expires_on < at:
            return State.EXPIRED
        if self.expires_on <= at + relativedelta(days=notice_days):
            return State.EXPIRING
        return State.VALID

    @staticmethod
    def badge_of(state) -> str:
        return STATE_BADGES.get(state, "")


class QualificationReminder(models.Model):
    """A reminder sent (at most one per qualification and threshold)."""

    qualification = models.ForeignKey(
        Qualification, on_delete=models.CASCADE, related_name="reminders"
    )
    threshold = models.CharField(_("seuil"), max_length=8, choices=Threshold.choices)
    expires_on = models.DateField(_("échéance rappelée"))
    sent_on = models.DateField(_("envoyé le"))

    class Meta:
        verbose_name = _("rappel d'échéance")
        verbose_name_plural = _("rappels d'échéance")
        constraints = [
            models.UniqueConstraint(
                fields=["qualification", "threshold", "expires_on"],
                name="qualif_one_reminder_per_threshold",
            )
        ]

    def __str__(self):
        return f"{self.qualification} — {self.get_threshold_display()} ({self.sent_on})"
