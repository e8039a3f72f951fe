"""The asbestos technical file (dossier technique amiante, DTA): the locations of
materials containing asbestos, their condition assessments over time (score 1–3),
the measures taken (confinement, covering, removal, validated by a body) and the air
measurements in fibres per litre.

RULES §5: score 1 → re-check within 3 years; score 2 → air measurement; score 3 →
works; air threshold 5 f/L (≤ 5: re-assess within 3 years; > 5: works). The delay and
the threshold are the dated rows of ``AsbestosRule``, kept by the prevention advisor."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from safety.asbestos.enums import Material, MeasureKind, State

SCORES = [MinValueValidator(1), MaxValueValidator(3)]


class AsbestosRule(DateEffective):
    recheck_years = models.PositiveSmallIntegerField(
        _("délai de réévaluation (années)"), validators=[MinValueValidator(1)]
    )
    air_threshold = models.DecimalField(
        _("seuil d'empoussièrement (fibres par litre)"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )

    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("règle du dossier technique amiante")
        verbose_name_plural = _("règles du dossier technique amiante")

    def __str__(self):
        return _("Réévaluation sous %(years)s ans, seuil de %(threshold)s f/L") % {
            "years": self.recheck_years,
            "threshold": f"{self.air_threshold.normalize():f}".replace(".", ","),
        }


class Location(models.Model):
    site = models.ForeignKey("hr.Site", verbose_name=_("site"), on_delete=models.PROTECT)
    building = models.CharField(_("bâtiment"), max_length=60)
    room = models.CharField(_("local ou zone"), max_length=120, blank=True)
    element = models.CharField(_("élément de construction"), max_length=200)
    material = models.CharField(_("matériau"), max_length=16, choices=Material.choices)
    identified_on = models.DateField(_("repéré le"))
    identified_by = models.CharField(_("repéré par"), max_length=150)
    state = models.CharField(
        _("état"), max_length=10, choices=State.choices, default=State.PRESENT, editable=False
    )
    notes = models.TextField(_("remarques"), blank=True, max_length=3000)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("localisation d'amiante")
        verbose_name_plural = _("localisations d'amiante")
        ordering = ["site__name", "building", "room", "pk"]
        indexes = [
            models.Index(fields=["site", "building"], name="asbestos_location_building"),
            models.Index(fields=["state"], name="asbestos_location_state"),
            models.Index(fields=["material"], name="asbestos_location_material"),
        ]

    def __str__(self):
        where = f"{self.building} {self.room}".strip()
        return f"{where} — {self.element}"

    def get_absolute_url(self):
        return reverse("asbestos:location_detail", kwargs={"pk": self.pk})


class Assessment(models.Model):
    location = models.ForeignKey(
        Location,
        verbose_name=_("localisation"),
        on_delete=models.CASCADE,
        related_name="assessments",
    )
    date = models.DateField(_("date de l'évaluation"))
    score = models.PositiveSmallIntegerField(_("état de conservation (1 à 3)"), validators=SCORES)
    assessed_by = models.CharField(_("évalué par"), max_length=150)
    notes = models.TextField(_("remarques"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("évaluation de l'état de conservation")
        verbose_name_plural = _("évaluations de l'état de conservation")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["location", "date"], name="asbestos_assessment_loc")]
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1, score__lte=3),
                name="asbestos_assessment_score_1_3",
                violation_error_message=_("L'état de conservation se note de 1 à 3."),
            )
        ]

    def __str__(self):
        return _("Note %(score)s le %(date)s") % {
            "score": self.score,
            "date": self.date.strftime("%d/%m/%Y"),
        }


class Measure(models.Model):
    location = models.ForeignKey(
        Location, verbose_name=_("localisation"), on_delete=models.CASCADE, related_name="measures"
    )
    kind = models.CharField(_("mesure prise"), max_length=12, choices=MeasureKind.choices)
    done_on = models.DateField(_("réalisée le"))
    validated_by = models.CharField(
        _("validée par"),
        max_length=150,
        blank=True,
        help_text=_("Organisme de contrôle, par exemple Qualiconsult ; vide : non validée."),
    )
    description = models.TextField(_("description des travaux"), blank=True, max_length=2000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mesure prise")
        verbose_name_plural = _("mesures prises")
        ordering = ["-done_on", "-pk"]
        indexes = [models.Index(fields=["location", "done_on"], name="asbestos_measure_loc")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.done_on:%d/%m/%Y})"


class AirMeasurement(models.Model):
    location = models.ForeignKey(
        Location,
        verbose_name=_("localisation"),
        on_delete=models.CASCADE,
        related_name="air_measurements",
    )
    date = models.DateField(_("date du prélèvement"))
    fibres_per_litre = models.DecimalField(
        _("concentration (fibres par litre)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
    )
    below_detection = models.BooleanField(
        _("non mesurable (sous la limite de détection)"),
        default=False,
        help_text=_(
            "Saisissez alors la limite de détection du laboratoire si elle est connue, sinon 0."
        ),
    )
    laboratory = models.CharField(_("laboratoire"), max_length=150)
    notes = models.TextField(_("remarques"), blank=True, max_length=2000)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mesure d'empoussièrement")
        verbose_name_plural = _("mesures d'empoussièrement")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["location", "date"], name="asbestos_air_loc")]
        constraints = [
            models.CheckConstraint(
                condition=Q(fibres_per_litre__gte=0),
                name="asbestos_air_positive",
                violation_error_message=_("Une concentration n'est pas négative."),
            )
        ]

    def __str__(self):
        return _("%(value)s f/L le %(date)s") % {
            "value": f"{self.fibres_per_litre.normalize():f}".replace(".", ","),
            "date": self.date.strftime("%d/%m/%Y"),
        }
