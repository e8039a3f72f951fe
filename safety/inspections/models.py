"""Controlled equipment and its periodic inspections (contrôles réglementaires).

A kind of equipment (fume hood « sorbonne », pressure equipment, extinguisher…) has a
periodicity in months kept as date-effective rows (``KindPeriodicity``) by the
prevention advisor: a change applies from a date, the past keeps its value. Each
piece of equipment belongs to a work unit of the DUERP; its inspections (date, body,
result, remarks, report PDF) set its next due date (``schedule``), stored on the
equipment (``next_due_on``) so that the overdue and due-soon lists are one indexed
query; it is recomputed on every inspection and on every change of periodicity.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from safety.inspections import schedule
from safety.inspections.enums import EquipmentStatus, InspectionResult


class EquipmentKind(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("nom"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    active = models.BooleanField(_("actif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("type d'équipement contrôlé")
        verbose_name_plural = _("types d'équipements contrôlés")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def periodicity_at(self, day):
        """The months between two inspections in force at ``day`` (None if none)."""
        row = KindPeriodicity.objects.get_in_force(day, kind=self)
        return row.months if row else None


class KindPeriodicity(DateEffective):
    """The periodicity of a kind's inspections from a date (RULES §5: per type, editable)."""

    kind = models.ForeignKey(
        EquipmentKind,
        verbose_name=_("type d'équipement"),
        on_delete=models.CASCADE,
        related_name="periodicities",
    )
    months = models.PositiveSmallIntegerField(
        _("périodicité (mois)"), validators=[MinValueValidator(1), MaxValueValidator(240)]
    )

    key_fields = ("kind",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("périodicité de contrôle")
        verbose_name_plural = _("périodicités de contrôle")
        ordering = ["kind__name", "-valid_from"]
        indexes = [models.Index(fields=["kind", "valid_from"], name="insp_period_kind_from")]
        constraints = [
            *DateEffective.Meta.constraints,
            models.CheckConstraint(
                condition=Q(months__gte=1),
                name="insp_period_months_positive",
                violation_error_message=_("La périodicité est d'au moins un mois."),
            ),
        ]

    def __str__(self):
        return _("%(kind)s : tous les %(months)s mois") % {"kind": self.kind, "months": self.months}


class EquipmentQuerySet(models.QuerySet):
    def in_service(self):
        return self.filter(status=EquipmentStatus.IN_SERVICE)

    def overdue(self, at):
        return self.in_service().filter(next_due_on__lt=at)

    def due_soon(self, at, window_days: int):
        from datetime import timedelta

        return self.in_service().filter(
            next_due_on__gte=at, next_due_on__lte=at + timedelta(days=window_days)
        )

    def up_to_date(self, at, window_days: int):
        from datetime import timedelta

        return self.in_service().filter(next_due_on__gt=at + timedelta(days=window_days))


class ControlledEquipment(models.Model):
    kind = models.ForeignKey(
        EquipmentKind, verbose_name=_("type"), on_delete=models.PROTECT, related_name="equipment"
    )
    work_unit = models.ForeignKey(
        "safety.WorkUnit",
        verbose_name=_("unité de travail"),
        on_delete=models.PROTECT,
        related_name="controlled_equipment",
    )
    label = models.CharField(_("désignation"), max_length=200)
    inventory_ref = models.CharField(_("référence d'inventaire"), max_length=60, unique=True)
    location = models.CharField(_("emplacement"), max_length=200, blank=True)
    status = models.CharField(
        _("état"),
        max_length=16,
        choices=EquipmentStatus.choices,
        default=EquipmentStatus.IN_SERVICE,
    )
    commissioned_on = models.DateField(_("mis en service le"))
    withdrawn_on = models.DateField(_("retiré le"), null=True, blank=True, editable=False)
    # Computed by ``recompute_schedule`` (services and the periodicity signal).
    last_inspected_on = models.DateField(
        _("dernier contrôle"), null=True, blank=True, editable=False
    )
    next_due_on = models.DateField(_("prochain contrôle"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = EquipmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("équipement contrôlé")
        verbose_name_plural = _("équipements contrôlés")
        ordering = ["next_due_on", "inventory_ref"]
        indexes = [
            models.Index(fields=["status", "next_due_on"], name="insp_equip_status_due"),
            models.Index(fields=["kind", "status", "next_due_on"], name="insp_equip_kind_due"),
            models.Index(fields=["work_unit", "status", "next_due_on"], name="insp_equip_unit_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=EquipmentStatus.WITHDRAWN) | Q(withdrawn_on__isnull=False),
                name="insp_equip_withdrawn_has_date",
                violation_error_message=_("Un équipement retiré a une date de retrait."),
            )
        ]

    def __str__(self):
        return f"{self.inventory_ref} – {self.label}"

    def get_absolute_url(self):
        return reverse("inspections:equipment_detail", kwargs={"pk": self.pk})

    @property
    def in_service(self) -> bool:
        return self.status == EquipmentStatus.IN_SERVICE

    def compute_schedule(self):
        """(last inspection date, next due date) from the stored inspections."""
        last = (
            self.inspections.order_by("-date").values_list("date", flat=True).first()
            if self.pk
            else None
        )
        base = last or self.commissioned_on
        return last, schedule.next_due(base, self.kind.periodicity_at(base))

    def recompute_schedule(self, *, save=True):
        self.last_inspected_on, self.next_due_on = self.compute_schedule()
        if save:
            type(self).objects.filter(pk=self.pk).update(
                last_inspected_on=self.last_inspected_on, next_due_on=self.next_due_on
            )


def report_upload_to(instance, filename):
    return f"inspections/reports/{instance.date:%Y}/{uuid.uuid4().hex}-{filename}"


class Inspection(models.Model):
    equipment = models.ForeignKey(
        ControlledEquipment,
        verbose_name=_("équipement"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    date = models.DateField(_("date du contrôle"))
    body = models.CharField(_("organisme de contrôle"), max_length=200)
    result = models.CharField(_("résultat"), max_length=16, choices=InspectionResult.choices)
    remarks = models.TextField(_("remarques"), blank=True)
    report = models.FileField(_("rapport (PDF)"), upload_to=report_upload_to, blank=True)
    report_name = models.CharField(_("nom du rapport"), max_length=120, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enregistré par"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("enregistré le"), auto_now_add=True)
    action = models.ForeignKey(
        "safety.ActionItem",
        verbose_name=_("action du plan de prévention"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("contrôle")
        verbose_name_plural = _("contrôles")
        ordering = ["-date", "-pk"]
        indexes = [
            models.Index(fields=["equipment", "-date"], name="insp_inspection_equip_date"),
            models.Index(fields=["date"], name="insp_inspection_date"),
        ]

    def __str__(self):
        return _("Contrôle du %(date)s – %(equipment)s") % {
            "date": self.date.strftime("%d/%m/%Y"),
            "equipment": self.equipment,
        }

    def get_absolute_url(self):
        return reverse("inspections:equipment_detail", kwargs={"pk": self.equipment_id})

    @property
    def suggests_action(self) -> bool:
        return self.result == InspectionResult.NON_COMPLIANT and self.action_id is None


class InspectionReminder(models.Model):
    """One reminder sent for a piece of equipment, a state (overdue / due soon) and a day:
    the unique constraint makes the daily task idempotent, even run twice at once."""

    equipment = models.ForeignKey(
        ControlledEquipment, on_delete=models.CASCADE, related_name="reminders"
    )
    state = models.CharField(max_length=16)
    sent_on = models.DateField()

    class Meta:
        verbose_name = _("relance de contrôle")
        verbose_name_plural = _("relances de contrôle")
        constraints = [
            models.UniqueConstraint(
                fields=["equipment", "state", "sent_on"], name="insp_reminder_once_a_day"
            )
        ]

    def __str__(self):
        return f"{self.equipment_id} {self.state} {self.sent_on:%d/%m/%Y}"
