"""The DUERP (document unique d'évaluation des risques professionnels).

Work units hold risk entries; each entry names a hazard of the shared knowledge
base, is rated with the documented ``RatingMethod`` (``rate()``) and is followed
by actions of the yearly prevention programme. Once a year the prevention
advisor publishes a ``DuerpEdition``: a frozen snapshot (JSON) of every entry and
action, rendered to PDF by a Celery task, kept at least 40 years, never edited.
"""

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from imtsocial.errors import DomainError
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from safety.enums import OPEN_ACTION_STATUSES, ActionStatus, ControlLevel, EditionStatus, Priority

LEVELS_1_4 = [MinValueValidator(1), MaxValueValidator(4)]


class RatingMethod(DateEffective):
    """A documented rating method: score = gravity × probability × control factor.

    The grid (labels and factors) and the band thresholds are data, pre-filled by a
    migration and kept by the prevention advisor; one method is in force at a time (a
    new method is a new row from a date). Every entry points to the method it was
    rated with and every edition stores a copy of it, so that an old edition can
    always be read with its method.
    """

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("nom"), max_length=150)
    description = models.TextField(_("présentation de la méthode"))
    gravity_labels = models.JSONField(_("libellés de gravité (1 à 4)"))
    probability_labels = models.JSONField(_("libellés de probabilité (1 à 4)"))
    control_factors = models.JSONField(
        _("facteur par niveau de maîtrise"),
        help_text=_("Objet JSON : niveau (1 à 3) → facteur entier."),
    )
    high_from = models.PositiveSmallIntegerField(_("priorité 1 à partir de la cote"))
    medium_from = models.PositiveSmallIntegerField(_("priorité 2 à partir de la cote"))

    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("méthode de cotation")
        verbose_name_plural = _("méthodes de cotation")
        constraints = [
            *DateEffective.Meta.constraints,
            models.CheckConstraint(
                condition=Q(medium_from__lt=models.F("high_from")),
                name="safety_method_thresholds_ordered",
                violation_error_message=_(
                    "Le seuil de priorité 2 doit précéder celui de priorité 1."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "description": self.description,
            "gravity_labels": self.gravity_labels,
            "probability_labels": self.probability_labels,
            "control_factors": self.control_factors,
            "high_from": self.high_from,
            "medium_from": self.medium_from,
        }


@dataclass(frozen=True)
class Rating:
    score: int
    priority: Priority


class RatingOutOfRange(DomainError, ValueError):
    """A level outside the grid of the rating method."""

    def __init__(self, value):
        super().__init__(_("Niveau hors de la grille de cotation : %(value)s.") % {"value": value})


def rate(method, gravity: int, probability: int, control_level: int) -> Rating:
    """The one rating function of the DUERP.

    ``method`` is a ``RatingMethod`` or its ``as_dict()`` copy. gravity and
    probability are 1–4, control_level 1–3 (1 = risk controlled). The score is
    gravity × probability × factor(control_level); the priority band is 1 when the
    score reaches ``high_from``, 2 when it reaches ``medium_from``, 3 otherwise.
    """
    data = method.as_dict() if isinstance(method, RatingMethod) else method
    for value, top in ((gravity, 4), (probability, 4), (control_level, 3)):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= top:
            raise RatingOutOfRange(value)
    factor = int(data["control_factors"][str(control_level)])
    score = gravity * probability * factor
    if score >= data["high_from"]:
        priority = Priority.HIGH
    elif score >= data["medium_from"]:
        priority = Priority.MEDIUM
    else:
        priority = Priority.LOW
    return Rating(score=score, priority=priority)


class WorkUnit(models.Model):
    """A unité de travail: a lab room (R132), an office floor, the restaurant…"""

    code = models.CharField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("nom"), max_length=200)
    site = models.ForeignKey("hr.Site", verbose_name=_("site"), on_delete=models.PROTECT)
    department = models.ForeignKey(
        "hr.Department",
        verbose_name=_("service ou laboratoire"),
        on_delete=models.PROTECT,
        related_name="work_units",
    )
    headcount_exposed = models.PositiveIntegerField(_("effectif exposé"), default=0)
    description = models.TextField(_("description"), blank=True)
    agents = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agents de prévention affectés"),
        related_name="safety_work_units",
        blank=True,
    )
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unité de travail")
        verbose_name_plural = _("unités de travail")
        ordering = ["code"]
        indexes = [models.Index(fields=["department", "code"], name="safety_unit_dept_code")]

    option_label = "{code} – {name}"  # __str__ as a format (imtsocial.forms.LeanModelChoiceField)

    def __str__(self):
        return f"{self.code} – {self.name}"

    def get_absolute_url(self):
        return reverse("safety:unit_detail", kwargs={"pk": self.pk})


class PreventionAdvisor(models.Model):
    """The prevention advisor (conseiller de prévention): an agent with an extra
    responsibility — all units, the knowledge base, publication of the edition."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte"),
        on_delete=models.CASCADE,
        related_name="prevention_advisor",
    )
    since = models.DateField(_("depuis le"), default=timezone.localdate)
    active = models.BooleanField(_("actif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("conseiller de prévention")
        verbose_name_plural = _("conseillers de prévention")

    def __str__(self):
        return str(self.user)


class HazardFamily(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("nom"), max_length=100)
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("famille de dangers")
        verbose_name_plural = _("familles de dangers")
        ordering = ["order", "name"]

    option_label = "{name}"  # __str__ as a format (imtsocial.forms.LeanModelChoiceField)

    def __str__(self):
        return self.name


class Hazard(models.Model):
    """A hazard of the knowledge base, with its typical situations and measures."""

    family = models.ForeignKey(
        HazardFamily, verbose_name=_("famille"), on_delete=models.PROTECT, related_name="hazards"
    )
    name = models.CharField(_("danger"), max_length=200)
    typical_situations = models.TextField(_("situations types"), blank=True)
    typical_measures = models.TextField(
        _("mesures de prévention types"), blank=True, help_text=_("Une mesure par ligne.")
    )
    active = models.BooleanField(_("actif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("danger")
        verbose_name_plural = _("dangers")
        ordering = ["family__order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["family", "name"], name="safety_hazard_unique_name")
        ]

    def __str__(self):
        return self.name


class RiskEntry(models.Model):
    """One line of the DUERP: a hazard in a work unit, rated."""

    work_unit = models.ForeignKey(
        WorkUnit,
        verbose_name=_("unité de travail"),
        on_delete=models.PROTECT,
        related_name="entries",
    )
    hazard = models.ForeignKey(
        Hazard, verbose_name=_("danger"), on_delete=models.PROTECT, related_name="entries"
    )
    situation = models.TextField(_("situation de travail"))
    people_exposed = models.CharField(_("personnes exposées"), max_length=255)
    exposed_count = models.PositiveIntegerField(_("nombre de personnes exposées"), default=0)
    existing_measures = models.TextField(_("mesures existantes"), blank=True)
    gravity = models.PositiveSmallIntegerField(_("gravité (1 à 4)"), validators=LEVELS_1_4)
    probability = models.PositiveSmallIntegerField(_("probabilité (1 à 4)"), validators=LEVELS_1_4)
    control_level = models.PositiveSmallIntegerField(
        _("niveau de maîtrise"), choices=ControlLevel.choices
    )
    method = models.ForeignKey(
        RatingMethod, verbose_name=_("méthode de cotation"), on_delete=models.PROTECT
    )
    score = models.PositiveSmallIntegerField(_("cote"))  # computed by save()
    priority = models.PositiveSmallIntegerField(
        _("priorité"), choices=Priority.choices
    )  # computed by save()
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("créée par"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    # Optimistic lock: a form posted with an older version is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "updated_at"])

    class Meta:
        verbose_name = _("risque évalué")
        verbose_name_plural = _("risques évalués")
        ordering = ["work_unit__code", "priority", "-score", "pk"]
        indexes = [
            models.Index(fields=["work_unit", "priority"], name="safety_entry_unit_prio"),
            models.Index(fields=["priority", "-score"], name="safety_entry_prio_score"),
            models.Index(fields=["hazard"], name="safety_entry_hazard"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(gravity__gte=1, gravity__lte=4),
                name="safety_entry_gravity_1_4",
                violation_error_message=_("La gravité est comprise entre 1 et 4."),
            ),
            models.CheckConstraint(
                condition=Q(probability__gte=1, probability__lte=4),
                name="safety_entry_probability_1_4",
                violation_error_message=_("La probabilité est comprise entre 1 et 4."),
            ),
            models.CheckConstraint(
                condition=Q(control_level__gte=1, control_level__lte=3),
                name="safety_entry_control_1_3",
                violation_error_message=_("Le niveau de maîtrise est compris entre 1 et 3."),
            ),
        ]

    def __str__(self):
        return f"{self.work_unit.code} – {self.hazard.name}"

    def save(self, *args, **kwargs):
        rating = rate(self.method, self.gravity, self.probability, self.control_level)
        self.score, self.priority = rating.score, rating.priority
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "score", "priority"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("safety:entry_detail", kwargs={"pk": self.pk})


class EntryComment(models.Model):
    """A manager's (or an agent's) remark on an entry."""

    entry = models.ForeignKey(
        RiskEntry, verbose_name=_("risque"), on_delete=models.CASCADE, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("auteur"), on_delete=models.PROTECT
    )
    text = models.TextField(_("commentaire"), max_length=2000)
    created_at = models.DateTimeField(_("le"), auto_now_add=True)

    class Meta:
        verbose_name = _("commentaire")
        verbose_name_plural = _("commentaires")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.author} – {self.created_at:%d/%m/%Y}"


class ActionItemQuerySet(models.QuerySet):
    def late(self, at=None):
        at = at or timezone.localdate()
        return self.filter(status__in=OPEN_ACTION_STATUSES, due_date__lt=at)

    def open(self):
        return self.filter(status__in=OPEN_ACTION_STATUSES)


class ActionItem(models.Model):
    """An action of the yearly prevention programme."""

    entry = models.ForeignKey(
        RiskEntry, verbose_name=_("risque"), on_delete=models.PROTECT, related_name="actions"
    )
    title = models.CharField(_("action"), max_length=255)
    description = models.TextField(_("détail"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsable"),
        on_delete=models.PROTECT,
        related_name="safety_actions",
    )
    due_date = models.DateField(_("échéance"))
    budget = models.DecimalField(
        _("budget estimé (€)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    status = models.CharField(
        _("état"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    done_on = models.DateField(_("réalisée le"), null=True, blank=True)
    last_reminded_on = models.DateField(
        _("dernière relance"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "last_reminded_on"])
    objects = ActionItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("action de prévention")
        verbose_name_plural = _("plan d'action")
        ordering = ["due_date", "pk"]
        indexes = [
            models.Index(fields=["status", "due_date"], name="safety_action_status_due"),
            # the action plan's order: its first page read in order, not sorted whole
            models.Index(fields=["due_date", "id"], name="safety_action_due_id"),
            models.Index(fields=["owner", "status"], name="safety_action_owner_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__gte=0),
                name="safety_action_budget_positive",
                violation_error_message=_("Le budget ne peut pas être négatif."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ActionStatus.DONE) | Q(done_on__isnull=False),
                name="safety_action_done_has_date",
                violation_error_message=_("Une action réalisée a une date de réalisation."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("safety:action_edit", kwargs={"pk": self.pk})

    def is_late(self, at=None) -> bool:
        """Still open past its due date (today by default; templates call it without date)."""
        at = at or timezone.localdate()
        return self.status in OPEN_ACTION_STATUSES and self.due_date < at


class EditionFrozenError(DomainError):
    """A published edition cannot be changed nor deleted: publish a new one."""

    @classmethod
    def default_message(cls) -> str:
        return gettext(
            "Une édition publiée du DUERP ne peut être ni modifiée ni supprimée : "
            "publiez une nouvelle édition."
        )


class DuerpEditionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise EditionFrozenError

    def delete(self):
        raise EditionFrozenError


def edition_upload_to(instance, filename):
    return f"safety/editions/{instance.year}/{filename}"


# Fields that may change once after publication: the rendered PDF and its state.
RENDER_FIELDS = ("status", "pdf", "pdf_checksum", "pdf_size", "rendered_at")


class DuerpEdition(models.Model):
    """A published yearly DUERP: frozen data, its PDF, checksums. Kept 40 years, never purged."""

    year = models.PositiveSmallIntegerField(_("année"))
    number = models.PositiveSmallIntegerField(_("numéro dans l'année"), default=1)
    published_at = models.DateTimeField(_("publiée le"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publiée par"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.TextField(_("note de publication"), blank=True)
    method = models.JSONField(_("méthode de cotation"))
    snapshot = models.JSONField(_("contenu figé"))
    snapshot_checksum = models.CharField(_("empreinte SHA-256 du contenu"), max_length=64)
    entry_count = models.PositiveIntegerField(_("risques"))
    action_count = models.PositiveIntegerField(_("actions"))
    status = models.CharField(
        _("état du PDF"),
        max_length=16,
        choices=EditionStatus.choices,
        default=EditionStatus.RENDERING,
    )
    pdf = models.FileField(_("PDF"), upload_to=edition_upload_to, blank=True)
    pdf_checksum = models.CharField(_("empreinte SHA-256 du PDF"), max_length=64, blank=True)
    pdf_size = models.PositiveIntegerField(_("taille du PDF (octets)"), null=True, blank=True)
    rendered_at = models.DateTimeField(_("PDF produit le"), null=True, blank=True)

    objects = DuerpEditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("édition du DUERP")
        verbose_name_plural = _("éditions du DUERP")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="safety_edition_year_number")
        ]

    def __str__(self):
        if self.number > 1:
            return _("DUERP %(year)s (édition %(number)s)") % {
                "year": self.year,
                "number": self.number,
            }
        return _("DUERP %(year)s") % {"year": self.year}

    def save(self, *args, **kwargs):
        if self._state.adding:
            return super().save(*args, **kwargs)
        # After publication only the rendering of the PDF may be recorded, once.
        stored = type(self).objects.filter(pk=self.pk).values().first()
        if stored is None:
            raise EditionFrozenError
        for field in self._meta.concrete_fields:
            if field.name in RENDER_FIELDS:
                continue
            current = field.get_prep_value(getattr(self, field.attname))
            if current != stored[field.attname]:
                raise EditionFrozenError
        if stored["pdf_checksum"]:
            raise EditionFrozenError
        return super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("safety:edition_detail", kwargs={"pk": self.pk})

    def delete(self, *args, **kwargs):
        raise EditionFrozenError

    @property
    def is_ready(self) -> bool:
        return self.status == EditionStatus.READY

    @property
    def filename(self):
        suffix = f"-{self.number}" if self.number > 1 else ""
        return f"duerp-{self.year}{suffix}.pdf"

    @staticmethod
    def checksum_of(data) -> str:
        canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()
