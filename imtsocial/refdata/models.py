"""Date-effective reference data: one base model and one queryset for every table whose
values change over time (SMIC, index point, pay benchmarks, telework rules, scheme
rates, the rating method, business parameters…).

A row is in force from ``valid_from`` to ``valid_to`` (both included; no end: still in
force). Two rows with the same key (``key_fields``) never overlap: ``clean()`` says so
in French, and on PostgreSQL an exclusion constraint (``operations.NoOverlap`` in the
table's migration) is the last guard. The past is never edited in place: a new value
is a new row from a date (``imtsocial.refdata.services.reference_row_add``)::

    class SmicRate(DateEffective):
        monthly = models.DecimalField(...)

    SmicRate.objects.in_force(date(2020, 12, 31))          # the rows in force (a queryset)
    SmicRate.objects.get_in_force(date(2020, 12, 31))      # the row, or None
    PayBenchmark.objects.get_in_force(day, category="C")   # keyed tables name their key
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from imtsocial.history import HistoricalRecords


def format_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "…"


def past_is_kept_message(latest) -> str:
    return _(
        "La nouvelle valeur doit commencer après le %(start)s, début de la dernière valeur "
        "connue : une valeur passée ne se modifie pas."
    ) % {"start": format_day(latest.valid_from)}


class DateEffectiveQuerySet(models.QuerySet):
    def in_force(self, at: date):
        """Rows in force at ``at``: started on or before it, not ended before it."""
        return self.filter(valid_from__lte=at).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=at)
        )

    def get_in_force(self, at: date, **key):
        """The row of ``key`` in force at ``at`` (rows of one key never overlap), or None."""
        return self.in_force(at).filter(**key).order_by("-valid_from").first()

    def overlapping(self, start: date, end: date | None):
        """Rows whose period meets [start, end] (``end`` None: no end)."""
        rows = self.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=start))
        return rows if end is None else rows.filter(valid_from__lte=end)


class DateEffective(models.Model):
    """Abstract base of the date-effective reference tables."""

    valid_from = models.DateField(_("en vigueur du"))
    valid_to = models.DateField(
        _("jusqu'au"), null=True, blank=True, help_text=_("Vide : sans date de fin.")
    )
    verified = models.BooleanField(
        _("vérifié"),
        default=True,
        help_text=_("Décoché : valeur à confirmer (non lue dans un texte officiel)."),
    )
    source = models.CharField(_("source"), max_length=255, blank=True)

    # The fields that identify a series (rows of one key never overlap).
    key_fields: tuple[str, ...] = ()

    objects = DateEffectiveQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
                violation_error_message=_("La fin de validité précède son début."),
            )
        ]

    @property
    def period_label(self) -> str:
        if self.valid_to is None:
            return _("depuis le %(start)s") % {"start": format_day(self.valid_from)}
        return _("du %(start)s au %(end)s") % {
            "start": format_day(self.valid_from),
            "end": format_day(self.valid_to),
        }

    def series_key(self) -> dict:
        """The key of the row's series, as lookups (``{"category": "C"}``, ``{"scheme_id": 3}``)."""
        fields = [self._meta.get_field(name) for name in self.key_fields]
        return {field.attname: getattr(self, field.attname) for field in fields}

    def same_key(self):
        return type(self)._default_manager.filter(**self.series_key()).exclude(pk=self.pk)

    def is_in_force(self, at: date) -> bool:
        return self.valid_from <= at and (self.valid_to is None or self.valid_to >= at)

    def clean(self):
        super().clean()
        if self.valid_from is None:
            return
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("La fin de validité précède son début.")})
        key = self.series_key()
        nullable = {
            self._meta.get_field(name).attname
            for name in self.key_fields
            if self._meta.get_field(name).null
        }
        if any(value in (None, "") and name not in nullable for name, value in key.items()):
            return  # a missing key field is reported by its own validation
        others = self.same_key()
        if self._state.adding and getattr(self, "replaces_latest", False):
            # a new value from a date: the value in force until then will end the day
            # before (``services.reference_row_add``), it is not a clash; a date on or
            # before the start of the latest value would rewrite the past
            latest = others.order_by("-valid_from").first()
            if latest is not None and self.valid_from <= latest.valid_from:
                raise ValidationError({"valid_from": past_is_kept_message(latest)})
            if latest is not None:
                others = others.exclude(pk=latest.pk)
        clash = others.overlapping(self.valid_from, self.valid_to).first()
        if clash is not None:
            raise ValidationError(
                {
                    "valid_from": _(
                        "Cette période chevauche la valeur en vigueur %(period)s : "
                        "une seule valeur à la fois."
                    )
                    % {"period": clash.period_label}
                }
            )


class Unit(models.TextChoices):
    DAYS = "days", _("jours")
    MONTHS = "months", _("mois")
    YEARS = "years", _("ans")
    PEOPLE = "people", _("personnes")
    EUROS = "euros", _("€")
    PERCENT = "percent", _("%")


class Parameter(DateEffective):
    """A business threshold (an age limit, a delay, a window…) as a dated row.

    Each parameter is declared in code by the app that reads it
    (``imtsocial.refdata.parameters.Parameter``: its key, French label, unit and owner);
    its values live here, pre-filled by the app's migration, kept by the owner."""

    key = models.CharField(_("paramètre"), max_length=80)
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)

    key_fields = ("key",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("paramètre")
        verbose_name_plural = _("paramètres")
        ordering = ["key", "-valid_from"]
        indexes = [models.Index(fields=["key", "valid_from"], name="refdata_param_key_from")]

    def __str__(self):
        from imtsocial.refdata.parameters import spec_of

        spec = spec_of(self.key)
        return f"{spec.label if spec else self.key} : {self.value_label}"

    @property
    def value_label(self) -> str:
        from imtsocial.refdata.parameters import spec_of

        spec = spec_of(self.key)
        value = self.value if self.value is None else self.value.normalize()
        number = f"{value:f}".replace(".", ",") if isinstance(value, Decimal) else str(value)
        return f"{number} {spec.unit_label}" if spec else number
