"""The yearly DD&RS report: its editions (one PDF each, never overwritten) and the
declared values of the indicators that no module of the intranet manages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.history import HistoricalRecords
from imtsocial.reports.enums import EditionStatus


def edition_upload_to(instance, filename):
    return f"reports/{instance.year}/{filename}"


class Edition(models.Model):
    """One request for the chapter of a year, and the PDF it produced.

    A new request makes a new edition (``number`` counts them within the year); a
    published file is never replaced. The file is written to a temporary name,
    checksummed, then published with its SHA-256 and status « prête » in one update.
    """

    year = models.PositiveSmallIntegerField(_("année"))
    number = models.PositiveSmallIntegerField(_("numéro dans l'année"), default=1)
    status = models.CharField(
        _("état"), max_length=16, choices=EditionStatus.choices, default=EditionStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandée par"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,  # the yearly schedule asks without a person
    )
    requested_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    started_at = models.DateTimeField(_("commencée le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(_("avancement (%)"), default=0)
    current_section = models.CharField(_("section en cours"), max_length=120, blank=True)
    error = models.TextField(_("motif de l'échec"), blank=True)
    task_id = models.CharField(_("tâche"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    pdf = models.FileField(_("PDF"), upload_to=edition_upload_to, blank=True, max_length=200)
    sha256 = models.CharField(_("empreinte SHA-256"), max_length=64, blank=True)
    size = models.PositiveIntegerField(_("taille (octets)"), null=True, blank=True)
    pdf_variant = models.CharField(_("variante PDF"), max_length=16, blank=True)

    class Meta:
        verbose_name = _("édition du rapport")
        verbose_name_plural = _("éditions du rapport")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="reports_edition_year_number")
        ]
        indexes = [models.Index(fields=["year", "status"], name="reports_edition_year_status")]

    def __str__(self):
        return _("Chapitre ODD 8 — %(year)s, édition %(number)s") % {
            "year": self.year,
            "number": self.number,
        }

    @property
    def filename(self) -> str:
        return f"ddrs-odd8-{self.year}-{self.number}.pdf"


class DeclaredValue(models.Model):
    """A value of a declared (manual) indicator for a year: a fact no module manages
    (internal newsletters published, testimonials…), entered by HR with its source."""

    code = models.CharField(_("indicateur"), max_length=64)
    year = models.PositiveSmallIntegerField(_("année"))
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    on = models.DateField(_("date du constat"))
    source = models.CharField(_("source"), max_length=300)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_at = models.DateTimeField(_("saisie le"), default=timezone.now)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("valeur déclarée")
        verbose_name_plural = _("valeurs déclarées")
        ordering = ["code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["code", "year"], name="reports_declared_code_year")
        ]

    def __str__(self):
        return f"{self.code} {self.year}"
