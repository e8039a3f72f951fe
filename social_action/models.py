"""Social action: schemes, confidential aid requests, appointments, events, grants.

Aid requests and their documents are confidential: only the requester and the
social-action correspondent see them (``social_action.perms``)."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from imtsocial.formats import money
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective
from social_action.enums import (
    QUEUE_STATUSES,
    STATUS_BADGES,
    AmountMode,
    EventKind,
    Household,
    RateKey,
    RequestStatus,
    Rule,
    SchemeCategory,
    SlotKind,
    Zone,
)

MONEY = {"max_digits": 10, "decimal_places": 2}


class Rate(DateEffective):
    """One amount a rule reads (date-effective reference data, RULES §3)."""

    key = models.CharField(_("paramètre"), max_length=32, choices=RateKey.choices)
    amount = models.DecimalField(_("montant (€)"), **MONEY)

    key_fields = ("key",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("barème")
        verbose_name_plural = _("barèmes")
        ordering = ["key", "-valid_from"]

    def __str__(self):
        return f"{self.get_key_display()} ({self.valid_from:%d/%m/%Y})"


class IncomeBand(DateEffective):
    """CESU income bands: the highest RFR of band 1 and 2 for a number of tax shares."""

    household = models.CharField(_("foyer"), max_length=8, choices=Household.choices)
    tax_shares = models.DecimalField(_("nombre de parts"), max_digits=4, decimal_places=1)
    band1_max = models.DecimalField(_("revenu fiscal maximal de la tranche 1"), **MONEY)
    band2_max = models.DecimalField(_("revenu fiscal maximal de la tranche 2"), **MONEY)

    key_fields = ("household", "tax_shares")
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("tranche de revenus CESU")
        verbose_name_plural = _("tranches de revenus CESU")
        ordering = ["household", "tax_shares", "-valid_from"]

    def __str__(self):
        return f"{self.get_household_display()} {self.tax_shares} ({self.valid_from:%Y})"


class AidScheme(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("nom"), max_length=150)
    category = models.CharField(_("catégorie"), max_length=16, choices=SchemeCategory.choices)
    description = models.TextField(_("description"))
    eligibility = models.TextField(_("qui peut en bénéficier"))
    documents_required = models.TextField(_("pièces justificatives"), blank=True)
    amount_mode = models.CharField(
        _("mode de calcul du montant"), max_length=8, choices=AmountMode.choices
    )
    rule = models.CharField(_("règle de calcul"), max_length=20, choices=Rule.choices)
    # The school's configuration: is the scheme open to its staff, and on request?
    eligible = models.BooleanField(_("ouvert au personnel"), default=True)
    on_request = models.BooleanField(_("sur demande d'aide"), default=True)
    min_seniority_months = models.PositiveSmallIntegerField(
        _("ancienneté minimale (mois)"), default=0
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("dispositif")
        verbose_name_plural = _("dispositifs")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("social_action:scheme_detail", kwargs={"pk": self.pk})

    def cap_at(self, at) -> Decimal | None:
        """The scheme's cap in force at ``at`` (``SchemeCap``), or None when uncapped."""
        row = SchemeCap.objects.get_in_force(at, scheme_id=self.pk)
        return row.amount if row else None


class SchemeCap(DateEffective):
    """The most a scheme grants to one request, from a date (the school's decision)."""

    scheme = models.ForeignKey(
        AidScheme, verbose_name=_("dispositif"), on_delete=models.CASCADE, related_name="caps"
    )
    amount = models.DecimalField(
        _("plafond (€)"), validators=[MinValueValidator(Decimal("0.01"))], **MONEY
    )

    key_fields = ("scheme",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("plafond d'un dispositif")
        verbose_name_plural = _("plafonds des dispositifs")
        ordering = ["scheme", "-valid_from"]

    def __str__(self):
        return _("%(scheme)s : %(amount)s") % {"scheme": self.scheme, "amount": money(self.amount)}


class SchemeBudget(models.Model):
    scheme = models.ForeignKey(
        AidScheme, verbose_name=_("dispositif"), on_delete=models.CASCADE, related_name="budgets"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    envelope = models.DecimalField(_("enveloppe annuelle (€)"), **MONEY)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("enveloppe budgétaire")
        verbose_name_plural = _("enveloppes budgétaires")
        ordering = ["-year", "scheme__position"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "year"], name="sa_budget_unique_year")
        ]

    def __str__(self):
        return f"{self.scheme} {self.year}"


class HouseholdFacts(models.Model):
    """The tax notice figures of a household: RFR of year N-2 and tax shares."""

    employee = models.ForeignKey(
        "hr.Employee", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="+"
    )
    income_year = models.PositiveSmallIntegerField(_("année des revenus"))
    reference_income = models.DecimalField(_("revenu fiscal de référence (€)"), **MONEY)
    tax_shares = models.DecimalField(
        _("nombre de parts"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(Decimal("1")), MaxValueValidator(Decimal("20"))],
    )

    class Meta:
        verbose_name = _("situation fiscale du foyer")
        verbose_name_plural = _("situations fiscales des foyers")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "income_year"], name="sa_household_unique_year"
            )
        ]

    def __str__(self):
        return f"{self.employee} {self.income_year}"


class AidRequestQuerySet(models.QuerySet):
    def granted(self):
        return self.filter(status__in=[RequestStatus.APPROVED, RequestStatus.PAID])


class AidRequest(models.Model):
    requester = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("demandeur"),
        on_delete=models.PROTECT,
        related_name="aid_requests",
    )
    scheme = models.ForeignKey(AidScheme, verbose_name=_("dispositif"), on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("exercice"))
    status = models.CharField(
        _("état"), max_length=12, choices=RequestStatus.choices, default=RequestStatus.DRAFT
    )
    # What the scheme's rule needs — nothing more (no diagnosis, no case notes).
    household = models.CharField(
        _("composition du foyer"), max_length=8, choices=Household.choices, blank=True
    )
    reference_income = models.DecimalField(
        _("revenu fiscal de référence (N-2)"), null=True, blank=True, **MONEY
    )
    tax_shares = models.DecimalField(
        _("nombre de parts fiscales"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    child_birth_date = models.DateField(_("date de naissance de l'enfant"), null=True, blank=True)
    months = models.PositiveSmallIntegerField(
        _("nombre de mois"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    aeeh_notified = models.BooleanField(_("AEEH notifiée"), default=False)
    aeeh_from = models.DateField(_("AEEH notifiée du"), null=True, blank=True)
    aeeh_to = models.DateField(_("AEEH notifiée jusqu'au"), null=True, blank=True)
    zone = models.CharField(_("zone du logement"), max_length=10, choices=Zone.choices, blank=True)
    lease_date = models.DateField(_("date de signature du bail"), null=True, blank=True)
    expenses = models.DecimalField(_("dépenses engagées (€)"), null=True, blank=True, **MONEY)
    amount_asked = models.DecimalField(_("montant demandé (€)"), null=True, blank=True, **MONEY)
    reason = models.TextField(_("objet de la demande"), blank=True)

    amount_estimated = models.DecimalField(_("montant estimé (€)"), null=True, blank=True, **MONEY)
    amount_granted = models.DecimalField(_("montant accordé (€)"), null=True, blank=True, **MONEY)
    over_budget_reason = models.TextField(_("motif du dépassement d'enveloppe"), blank=True)
    decision_note = models.TextField(_("motif de la décision"), blank=True)

    created_at = models.DateTimeField(_("créée le"), default=timezone.now)
    submitted_at = models.DateTimeField(_("déposée le"), null=True, blank=True)
    decided_at = models.DateTimeField(_("décidée le"), null=True, blank=True)
    paid_at = models.DateTimeField(_("versée le"), null=True, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = AidRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("demande d'aide")
        verbose_name_plural = _("demandes d'aide")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="sa_request_queue_idx"),
            # The correspondent's queue, oldest first: read in order, 50 rows joined to
            # their requesters (not a hash of every employee sorted afterwards).
            models.Index(
                fields=["submitted_at", "id"],
                condition=Q(status__in=QUEUE_STATUSES),
                name="sa_request_queue_order_idx",
            ),
            models.Index(fields=["scheme", "year", "status"], name="sa_request_scheme_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_granted__isnull=True) | Q(amount_granted__gte=0),
                name="sa_request_granted_positive",
            )
        ]

    def __str__(self):
        return _("Demande n° %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("social_action:request_detail", kwargs={"pk": self.pk})

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES.get(self.status, "")


def _document_path(instance, filename):
    name = get_valid_filename(filename)[-80:] or "document"
    return f"social_action/{instance.request_id}/{secrets.token_hex(8)}_{name}"


class AidDocument(models.Model):
    request = models.ForeignKey(
        AidRequest, verbose_name=_("demande"), on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(_("fichier"), upload_to=_document_path, max_length=200)
    original_name = models.CharField(_("nom du fichier"), max_length=120)
    content_type = models.CharField(_("type"), max_length=40)
    size = models.PositiveIntegerField(_("taille (octets)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("déposé le"), default=timezone.now)

    class Meta:
        verbose_name = _("pièce justificative")
        verbose_name_plural = _("pièces justificatives")
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


class AidMessage(models.Model):
    request = models.ForeignKey(
        AidRequest, verbose_name=_("demande"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request} {self.created_at:%d/%m/%Y}"


class Slot(models.Model):
    kind = models.CharField(_("type de rendez-vous"), max_length=16, choices=SlotKind.choices)
    starts_at = models.DateTimeField(_("début"))
    duration_minutes = models.PositiveSmallIntegerField(_("durée (minutes)"), default=30)
    location = models.CharField(_("lieu"), max_length=150)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cancelled = models.BooleanField(_("annulé"), default=False)

    class Meta:
        verbose_name = _("créneau")
        verbose_name_plural = _("créneaux")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["starts_at", "kind"], name="sa_slot_start_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} {timezone.localtime(self.starts_at):%d/%m/%Y %H:%M}"


class Booking(models.Model):
    slot = models.ForeignKey(
        Slot, verbose_name=_("créneau"), on_delete=models.CASCADE, related_name="bookings"
    )
    employee = models.ForeignKey(
        "hr.Employee", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="+"
    )
    booked_at = models.DateTimeField(_("réservé le"), default=timezone.now)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("rendez-vous")
        verbose_name_plural = _("rendez-vous")
        ordering = ["slot__starts_at", "pk"]
        constraints = [
            # One person per slot: a second booking of a taken slot fails in the database.
            models.UniqueConstraint(
                fields=["slot"],
                condition=Q(cancelled_at__isnull=True),
                name="sa_booking_one_per_slot",
            )
        ]
        indexes = [models.Index(fields=["employee", "cancelled_at"], name="sa_booking_emp_idx")]

    def __str__(self):
        return f"{self.slot} — {self.employee}"


class Event(models.Model):
    kind = models.CharField(_("type"), max_length=12, choices=EventKind.choices)
    title = models.CharField(_("intitulé"), max_length=150)
    date = models.DateField(_("date"))
    registration_deadline = models.DateField(_("inscriptions jusqu'au"))
    location = models.CharField(_("lieu"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["-date", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("social_action:event_detail", kwargs={"pk": self.pk})

    def registration_open(self, today=None) -> bool:
        return (today or timezone.localdate()) <= self.registration_deadline


class EventRegistration(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="registrations"
    )
    employee = models.ForeignKey(
        "hr.Employee", verbose_name=_("agent"), on_delete=models.CASCADE, related_name="+"
    )
    registered_at = models.DateTimeField(_("inscrit le"), default=timezone.now)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        constraints = [
            models.UniqueConstraint(fields=["event", "employee"], name="sa_registration_unique")
        ]

    def __str__(self):
        return f"{self.event} — {self.employee}"


class ChristmasChild(models.Model):
    registration = models.ForeignKey(
        EventRegistration,
        verbose_name=_("inscription"),
        on_delete=models.CASCADE,
        related_name="children",
    )
    first_name = models.CharField(_("prénom"), max_length=60)
    age = models.PositiveSmallIntegerField(_("âge le jour de l'arbre de Noël"))
    gift_category = models.CharField(_("catégorie de cadeau"), max_length=10)

    class Meta:
        verbose_name = _("enfant inscrit")
        verbose_name_plural = _("enfants inscrits")
        ordering = ["age", "first_name"]

    def __str__(self):
        return f"{self.first_name} ({self.age})"


class GiftCategory(DateEffective):
    """A gift category of the Christmas tree, for children up to ``max_age`` (included)
    on the day of the event; the oldest category's age is the event's age limit."""

    code = models.SlugField(_("code"), max_length=20)
    label = models.CharField(_("libellé"), max_length=80)
    max_age = models.PositiveSmallIntegerField(_("jusqu'à l'âge de (inclus)"))

    key_fields = ("code",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("catégorie de cadeau")
        verbose_name_plural = _("catégories de cadeaux de Noël")
        ordering = ["code", "-valid_from"]

    def __str__(self):
        return self.label


class Association(models.Model):
    """An association the school supports with a yearly grant (the correspondent's list)."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("nom"), max_length=150)
    active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AssociationGrant(models.Model):
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT, related_name="grants"
    )
    year = models.PositiveSmallIntegerField(_("année"))
    amount = models.DecimalField(_("montant (€)"), **MONEY)
    note = models.CharField(_("objet"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("subvention aux associations")
        verbose_name_plural = _("subventions aux associations")
        ordering = ["-year", "association"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="sa_grant_unique_year")
        ]

    def __str__(self):
        return f"{self.association} {self.year}"


@receiver(post_delete, sender=AidDocument)
def _delete_document_file(sender, instance, **kwargs):
    """Deleting a document (or its request) removes the stored file, once committed."""
    if instance.file:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name))
