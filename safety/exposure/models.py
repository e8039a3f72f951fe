"""Exposure to chemical agents: substances, their occupational exposure limit values
(VLEP, date-effective rows kept by the prevention advisor), measurement campaigns per
work unit and the measurements they gave, each compliant or over the limit in force at
the campaign date (RULES §5: « store the source with each value »)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from safety.exposure.cas import validate_cas
from safety.exposure.enums import VERDICT_BADGES, ConcentrationUnit, Kind, Verdict

VALUE = {"max_digits": 12, "decimal_places": 4, "validators": [MinValueValidator(Decimal(0))]}


class Substance(models.Model):
    name = models.CharField(_("nom"), max_length=150)
    cas_number = models.CharField(
        _("numéro CAS"),
        max_length=12,
        unique=True,
        validators=[validate_cas],
        help_text=_("Par exemple 100-42-5 pour le styrène."),
        error_messages={"unique": _("Une substance porte déjà ce numéro CAS.")},
    )
    molar_mass = models.DecimalField(
        _("masse molaire (g/mol)"),
        max_digits=8,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text=_("Permet de convertir les ppm en mg/m³ (à 25 °C). Vide : pas de conversion."),
    )
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("substance")
        verbose_name_plural = _("substances")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.cas_number})"


class LimitValue(DateEffective):
    """A substance's 8-hour and short-term limits in one unit; binding or indicative.
    ``verified`` unchecked: a value still to be confirmed (RULES « (?) »)."""

    substance = models.ForeignKey(
        Substance, verbose_name=_("substance"), on_delete=models.PROTECT, related_name="limits"
    )
    eight_hours = models.DecimalField(_("VLEP 8 heures"), **VALUE)
    short_term = models.DecimalField(_("VLCT 15 minutes"), null=True, blank=True, **VALUE)
    unit = models.CharField(_("unité"), max_length=8, choices=ConcentrationUnit.choices)
    binding = models.BooleanField(
        _("contraignante"), default=False, help_text=_("Décoché : valeur indicative.")
    )

    key_fields = ("substance",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("valeur limite d'exposition professionnelle")
        verbose_name_plural = _("valeurs limites d'exposition professionnelle")
        indexes = [models.Index(fields=["substance", "valid_from"], name="exposure_limit_from")]

    def __str__(self):
        return _("%(substance)s : %(value)s %(unit)s sur 8 h") % {
            "substance": self.substance.name,
            "value": f"{self.eight_hours.normalize():f}".replace(".", ","),
            "unit": self.get_unit_display(),
        }

    def value_for(self, kind: str) -> Decimal | None:
        return self.eight_hours if kind == Kind.EIGHT_HOURS else self.short_term


def report_upload_to(instance, filename):
    return f"exposure/{instance.date:%Y}/{filename}"


class MeasurementCampaign(models.Model):
    work_unit = models.ForeignKey(
        "safety.WorkUnit",
        verbose_name=_("unité de travail"),
        on_delete=models.PROTECT,
        related_name="exposure_campaigns",
    )
    date = models.DateField(_("date des prélèvements"))
    laboratory = models.CharField(_("laboratoire ou organisme de mesure"), max_length=200)
    notes = models.TextField(_("remarques"), blank=True, max_length=3000)
    report = models.FileField(
        _("rapport (PDF)"), upload_to=report_upload_to, blank=True, max_length=200
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "report"])

    class Meta:
        verbose_name = _("campagne de mesures")
        verbose_name_plural = _("campagnes de mesures")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["work_unit", "date"], name="exposure_campaign_unit"),
            models.Index(fields=["date"], name="exposure_campaign_date"),
        ]

    def __str__(self):
        return _("Campagne du %(date)s en %(unit)s") % {
            "date": self.date.strftime("%d/%m/%Y"),
            "unit": self.work_unit.code,
        }

    def get_absolute_url(self):
        return reverse("exposure:campaign_detail", kwargs={"pk": self.pk})


class Measurement(models.Model):
    """A measured value; ``limit``, ``limit_value``, ``limit_unit`` and ``verdict`` are
    computed by ``services.measurement_add`` against the limit in force at the campaign
    date (at the limit: compliant)."""

    campaign = models.ForeignKey(
        MeasurementCampaign,
        verbose_name=_("campagne"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    substance = models.ForeignKey(
        Substance, verbose_name=_("substance"), on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("type de mesure"), max_length=8, choices=Kind.choices)
    duration_minutes = models.PositiveIntegerField(
        _("durée de prélèvement (minutes)"), validators=[MinValueValidator(1)]
    )
    value = models.DecimalField(_("valeur mesurée"), **VALUE)
    unit = models.CharField(_("unité"), max_length=8, choices=ConcentrationUnit.choices)
    limit = models.ForeignKey(
        LimitValue,
        verbose_name=_("valeur limite appliquée"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    limit_value = models.DecimalField(_("valeur limite"), null=True, blank=True, **VALUE)
    limit_unit = models.CharField(
        _("unité de la valeur limite"), max_length=8, choices=ConcentrationUnit.choices, blank=True
    )
    compared_value = models.DecimalField(
        _("valeur dans l'unité de la limite"), null=True, blank=True, **VALUE
    )
    verdict = models.CharField(_("résultat"), max_length=10, choices=Verdict.choices)
    reviewed_at = models.DateTimeField(_("examinée le"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("examinée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    review_note = models.TextField(_("suite donnée"), blank=True, max_length=2000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mesure d'exposition")
        verbose_name_plural = _("mesures d'exposition")
        ordering = ["campaign__date", "substance__name", "kind", "pk"]
        indexes = [
            models.Index(fields=["substance", "verdict"], name="exposure_measure_subst"),
            models.Index(
                fields=["verdict"],
                condition=Q(verdict="over", reviewed_at__isnull=True),
                name="exposure_measure_to_review",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(value__gte=0),
                name="exposure_measure_value_positive",
                violation_error_message=_("Une concentration n'est pas négative."),
            )
        ]

    def __str__(self):
        return _("%(substance)s : %(value)s %(unit)s") % {
            "substance": self.substance.name,
            "value": f"{self.value.normalize():f}".replace(".", ","),
            "unit": self.get_unit_display(),
        }

    @property
    def verdict_badge(self) -> str:
        return VERDICT_BADGES.get(self.verdict, "info")

    @property
    def is_over(self) -> bool:
        return self.verdict == Verdict.OVER
