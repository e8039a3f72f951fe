from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from hr.enums import (
    FIXED_TERM_KINDS,
    PERMANENT_KINDS,
    Category,
    ContractKind,
    DepartmentKind,
)
from imtsocial.formats import long_date, money
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective

# Sent after an employee is saved with another manager than the one loaded (or is
# created with one): ``sender=Employee, employee=…, previous_manager_id=…``. The
# people-development parts that follow the hierarchy listen to it (the evaluator of
# an interview is always the direct manager; a coach never coaches their own report).
manager_changed = Signal()


class Site(models.Model):
    name = models.CharField(_("nom"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=20, unique=True)
    address = models.TextField(_("adresse"), blank=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]

    option_label = "{name}"  # __str__ as a format (imtsocial.forms.LeanModelChoiceField)

    def __str__(self):
        return self.name


class Department(models.Model):
    name = models.CharField(_("nom"), max_length=150, unique=True)
    code = models.SlugField(_("code"), max_length=20, unique=True)
    kind = models.CharField(
        _("type"), max_length=16, choices=DepartmentKind.choices, default=DepartmentKind.SERVICE
    )
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.PROTECT)
    head = models.ForeignKey(
        "Employee",
        verbose_name=_("responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="headed_departments",
    )

    class Meta:
        verbose_name = _("service ou laboratoire")
        verbose_name_plural = _("services et laboratoires")
        ordering = ["name"]

    option_label = "{name}"  # __str__ as a format (imtsocial.forms.LeanModelChoiceField)

    def __str__(self):
        return self.name


class EmployeeQuerySet(models.QuerySet):
    def active(self, at=None):
        """Employees who have joined and not left at date ``at`` (default: today)."""
        at = at or timezone.localdate()
        return self.filter(Q(hire_date__lte=at) | Q(hire_date__isnull=True)).filter(
            Q(leave_date__isnull=True) | Q(leave_date__gte=at)
        )

    def with_current_contract(self, at=None):
        """Annotate the kind and end of the contract in force at ``at`` (one query)."""
        at = at or timezone.localdate()
        current = Contract.objects.in_force(at).filter(employee=OuterRef("pk")).order_by("-start")
        return self.annotate(
            current_contract_kind=models.Subquery(current.values("kind")[:1]),
            current_contract_end=models.Subquery(current.values("end")[:1]),
        )

    def with_role_facts(self):
        return self.annotate(
            has_reports=Exists(Employee.objects.active().filter(manager=OuterRef("pk"))),
            is_talent_developer=Exists(
                TalentDeveloper.objects.filter(employee=OuterRef("pk"), active=True)
            ),
        )


class Employee(models.Model):
    """A member of staff (PhD students included). Linked to a login when they have one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("compte de connexion"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="employee",
    )
    employee_number = models.CharField(_("matricule"), max_length=20, unique=True)
    last_name = models.CharField(_("nom"), max_length=150)
    first_name = models.CharField(_("prénom"), max_length=150)
    work_email = models.EmailField(_("e-mail professionnel"), blank=True)
    site = models.ForeignKey(Site, verbose_name=_("site"), on_delete=models.PROTECT)
    department = models.ForeignKey(
        Department,
        verbose_name=_("service ou laboratoire"),
        on_delete=models.PROTECT,
        related_name="employees",
    )
    manager = models.ForeignKey(
        "self",
        verbose_name=_("responsable hiérarchique"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    hire_date = models.DateField(_("date d'arrivée"), null=True, blank=True)
    leave_date = models.DateField(_("date de départ"), null=True, blank=True)
    category = models.CharField(_("catégorie"), max_length=1, choices=Category.choices, blank=True)
    corps = models.CharField(_("corps"), max_length=100, blank=True)
    grade = models.CharField(_("grade"), max_length=100, blank=True)
    job_title = models.CharField(_("fonction"), max_length=150, blank=True)
    birth_date = models.DateField(
        _("date de naissance"),
        null=True,
        blank=True,
        help_text=_("Vue des RH seulement (horizon de retraite, durée de conservation)."),
    )
    level3_diploma = models.BooleanField(
        _("diplôme de niveau 3 (CAP, BEP) ou plus"),
        default=True,
        help_text=_(
            "Décoché pour un agent de catégorie C sans diplôme de niveau 3 : son compte "
            "personnel de formation est majoré."
        ),
    )
    # Optimistic lock: a form posted with an older version is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["user", "version"])
    objects = EmployeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        ordering = ["last_name", "first_name"]
        indexes = [
            models.Index(fields=["last_name", "first_name"], name="hr_employee_name_idx"),
            # the newcomers of the year (« Mon espace » of prevention: induction training)
            models.Index(fields=["hire_date"], name="hr_employee_hire_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(leave_date__isnull=True)
                | Q(hire_date__isnull=True)
                | Q(leave_date__gte=models.F("hire_date")),
                name="hr_employee_leave_after_hire",
                violation_error_message=_("La date de départ précède la date d'arrivée."),
            ),
            models.CheckConstraint(
                condition=~Q(manager=models.F("pk")),
                name="hr_employee_not_own_manager",
                violation_error_message=_("Un agent ne peut pas être son propre responsable."),
            ),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        previous = getattr(self, "_loaded_manager_id", None)
        changed = self.manager_id != previous
        super().save(*args, **kwargs)
        self._loaded_manager_id = self.manager_id
        if changed:
            manager_changed.send(sender=Employee, employee=self, previous_manager_id=previous)

    def get_absolute_url(self):
        return reverse("hr:employee_detail", kwargs={"pk": self.pk})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_manager_id = instance.__dict__.get("manager_id")
        return instance

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @cached_property
    def headed_department_ids(self) -> list[int]:
        """The services and laboratories this person heads (one query, then kept on the
        instance — the request's own record). « Their team » filters on these ids: an
        OR through a join to the departments (``department__head=own``) makes
        PostgreSQL read every employee instead of two indexes."""
        return list(Department.objects.filter(head=self).values_list("pk", flat=True))

    def is_active_at(self, at=None):
        at = at or timezone.localdate()
        joined = self.hire_date is None or self.hire_date <= at
        return joined and (self.leave_date is None or self.leave_date >= at)


class TalentDeveloper(models.Model):
    """An internal coach (« développeur de talents »), trained for the role."""

    employee = models.OneToOneField(
        Employee,
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="talent_developer",
    )
    trained_on = models.DateField(_("formé le"))
    active = models.BooleanField(_("actif"), default=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("développeur de talents")
        verbose_name_plural = _("développeurs de talents")
        ordering = ["employee__last_name", "employee__first_name"]

    def __str__(self):
        return str(self.employee)


class ContractQuerySet(models.QuerySet):
    def in_force(self, at):
        return self.filter(start__lte=at).filter(Q(end__isnull=True) | Q(end__gte=at))


class Contract(models.Model):
    """An employment contract or a civil-servant appointment."""

    employee = models.ForeignKey(
        Employee, verbose_name=_("agent"), on_delete=models.PROTECT, related_name="contracts"
    )
    kind = models.CharField(_("nature du contrat"), max_length=16, choices=ContractKind.choices)
    start = models.DateField(_("début"))
    end = models.DateField(
        _("fin"), null=True, blank=True, help_text=_("Vide pour un contrat sans terme.")
    )
    signed_on = models.DateField(_("signé le"), null=True, blank=True)
    working_time_ratio = models.PositiveSmallIntegerField(
        _("quotité de travail (%)"),
        default=100,
        validators=[MinValueValidator(10), MaxValueValidator(100)],
    )
    category = models.CharField(_("catégorie"), max_length=1, choices=Category.choices, blank=True)
    grade = models.CharField(_("grade ou emploi"), max_length=100, blank=True)
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version"])
    objects = ContractQuerySet.as_manager()

    class Meta:
        verbose_name = _("contrat")
        verbose_name_plural = _("contrats")
        ordering = ["employee", "start"]
        indexes = [
            models.Index(fields=["employee", "start"], name="hr_contract_employee_start"),
            models.Index(fields=["kind", "start", "end"], name="hr_contract_kind_period"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gt=models.F("start")),
                name="hr_contract_end_after_start",
                violation_error_message=_("La date de fin doit être postérieure au début."),
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=sorted(k.value for k in FIXED_TERM_KINDS))
                | Q(end__isnull=False),
                name="hr_contract_fixed_term_has_end",
                violation_error_message=_(
                    "Un CDD, un contrat doctoral ou d'apprentissage a une fin."
                ),
            ),
            models.CheckConstraint(
                condition=Q(working_time_ratio__gte=10) & Q(working_time_ratio__lte=100),
                name="hr_contract_ratio_10_100",
                violation_error_message=_("La quotité est comprise entre 10 et 100 %."),
            ),
        ]
        # On PostgreSQL an exclusion constraint also forbids two overlapping contracts
        # of one person (migration 0003, btree_gist); Contract.clean() says it in French.

    def __str__(self):
        end = self.end.strftime("%d/%m/%Y") if self.end else "…"
        return f"{self.get_kind_display()} {self.start:%d/%m/%Y} – {end}"

    @property
    def is_permanent(self) -> bool:
        return self.kind in PERMANENT_KINDS

    def overlapping(self):
        """Other contracts of the same person whose period meets this one."""
        others = Contract.objects.filter(employee_id=self.employee_id).exclude(pk=self.pk)
        if self.end:
            others = others.filter(start__lte=self.end)
        return others.filter(Q(end__isnull=True) | Q(end__gte=self.start))

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in FIXED_TERM_KINDS and not self.end:
            errors["end"] = _("Un CDD, un contrat doctoral ou d'apprentissage doit avoir une fin.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La date de fin doit être postérieure au début.")
        if errors:
            raise ValidationError(errors)
        if self.employee_id and self.start:
            clash = self.overlapping().first()
            if clash is not None:
                raise ValidationError(
                    _("Ce contrat chevauche un autre contrat du même agent : %(other)s.")
                    % {"other": clash}
                )


class SalaryRecordQuerySet(models.QuerySet):
    def in_effect(self):
        """Records that count: a cancelled record (a mistake) stays only in the file's
        history and its pay table, never in statistics nor alerts."""
        return self.filter(cancelled_at__isnull=True)


class SalaryRecord(models.Model):
    """Gross monthly pay of a contract from a date on (until the next record).

    A mistaken record is corrected (its history keeps the old values) or cancelled
    (``cancelled_at``, by whom and why): it then no longer counts anywhere."""

    contract = models.ForeignKey(
        Contract, verbose_name=_("contrat"), on_delete=models.CASCADE, related_name="salaries"
    )
    effective_date = models.DateField(_("date d'effet"))
    gross_monthly = models.DecimalField(
        _("brut mensuel (€)"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), message=_("Le montant doit être positif."))],
    )
    index_majore = models.PositiveIntegerField(_("indice majoré"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("annulé le"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("annulé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    cancel_reason = models.CharField(_("motif de l'annulation"), max_length=255, blank=True)
    # Optimistic lock: a correction or cancellation posted from an older page is refused.
    version = models.PositiveIntegerField(default=0, editable=False)

    objects = SalaryRecordQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        verbose_name = _("salaire")
        verbose_name_plural = _("salaires")
        ordering = ["contract", "effective_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "effective_date"],
                condition=Q(cancelled_at__isnull=True),
                name="hr_salary_one_per_date",
                violation_error_message=_("Un salaire existe déjà à cette date pour ce contrat."),
            ),
            models.CheckConstraint(
                condition=Q(gross_monthly__gt=0),
                name="hr_salary_positive",
                violation_error_message=_("Le montant doit être positif."),
            ),
        ]

    def __str__(self):
        return f"{money(self.gross_monthly)} ({self.effective_date:%d/%m/%Y})"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    def clean(self):
        super().clean()
        contract = self.contract if self.contract_id else None
        if not (contract and self.effective_date):
            return
        if self.effective_date < contract.start or (
            contract.end and self.effective_date > contract.end
        ):
            raise ValidationError(
                {"effective_date": _("La date d'effet doit tomber pendant le contrat.")}
            )


class SmicRate(DateEffective):
    """Legal minimum wage (SMIC), gross, by effective date (RULES §1, keyed by date, not by
    year: it changes mid-year)."""

    hourly = models.DecimalField(_("horaire brut (€)"), max_digits=6, decimal_places=2)
    monthly = models.DecimalField(
        _("mensuel brut 35 h (€)"),
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("SMIC")
        verbose_name_plural = _("SMIC")

    def __str__(self):
        return _("SMIC %(amount)s (%(date)s)") % {
            "amount": money(self.monthly),
            "date": long_date(self.valid_from),
        }

    def clean(self):
        super().clean()
        if self.valid_from is None or self.monthly is None:
            return
        # Every pay benchmark stays above the SMIC: a new SMIC that would reach one is refused
        # until HR records the benchmark's new value.
        reached = (
            PayBenchmark.objects.overlapping(self.valid_from, self.valid_to)
            .filter(minimum_gross_monthly__lte=self.monthly)
            .order_by("category", "valid_from")
            .first()
        )
        if reached is not None:
            raise ValidationError(
                {
                    "monthly": _(
                        "Ce SMIC (%(smic)s brut mensuel) atteindrait le repère « %(category)s » "
                        "(%(benchmark)s, en vigueur %(period)s) : enregistrez d'abord la "
                        "nouvelle valeur de ce repère à partir du %(date)s."
                    )
                    % {
                        "smic": money(self.monthly),
                        "category": reached.get_category_display(),
                        "benchmark": money(reached.minimum_gross_monthly),
                        "period": reached.period_label,
                        "date": self.valid_from.strftime("%d/%m/%Y"),
                    }
                }
            )


class IndexPointValue(DateEffective):
    """Yearly gross value of index 100 of the civil service (RULES §1)."""

    yearly_value_100 = models.DecimalField(
        _("valeur annuelle de l'indice 100 (€)"), max_digits=9, decimal_places=2
    )

    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("valeur du point d'indice")
        verbose_name_plural = _("valeurs du point d'indice")

    def __str__(self):
        return _("%(amount)s (%(date)s)") % {
            "amount": money(self.yearly_value_100),
            "date": long_date(self.valid_from),
        }


class PayBenchmark(DateEffective):
    """Minimum gross monthly pay of a category in the employer's management framework.

    Full-time amount; compared pro rata with part-time salaries. A benchmark is above
    the SMIC in force over its whole period (``clean``; a new SMIC is checked the other
    way round).
    """

    category = models.CharField(_("catégorie"), max_length=1, choices=Category.choices)
    minimum_gross_monthly = models.DecimalField(
        _("minimum brut mensuel (€)"), max_digits=9, decimal_places=2
    )

    key_fields = ("category",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("repère de rémunération")
        verbose_name_plural = _("repères de rémunération")
        ordering = ["category", "-valid_from"]

    def __str__(self):
        return _("%(category)s : %(amount)s") % {
            "category": self.get_category_display(),
            "amount": money(self.minimum_gross_monthly),
        }

    def clean(self):
        super().clean()
        if self.valid_from is None or self.minimum_gross_monthly is None:
            return
        smic = (
            SmicRate.objects.overlapping(self.valid_from, self.valid_to)
            .filter(monthly__gte=self.minimum_gross_monthly)
            .order_by("valid_from")
            .first()
        )
        if smic is not None:
            raise ValidationError(
                {
                    "minimum_gross_monthly": _(
                        "Un repère doit être supérieur au SMIC en vigueur sur toute sa période : "
                        "le SMIC est de %(smic)s brut mensuel %(period)s."
                    )
                    % {"smic": money(smic.monthly), "period": smic.period_label}
                }
            )


class DoctoralMinimumPay(DateEffective):
    """Minimum gross monthly pay of a doctoral contract (RULES §1).

    Before 2023 it depends on the signature date: a row with ``signed_from`` applies only
    to contracts signed on or after that date (one series per ``signed_from``).
    """

    signed_from = models.DateField(_("contrats signés à partir du"), null=True, blank=True)
    amount = models.DecimalField(_("minimum brut mensuel (€)"), max_digits=9, decimal_places=2)

    key_fields = ("signed_from",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("minimum du contrat doctoral")
        verbose_name_plural = _("minimums du contrat doctoral")

    def __str__(self):
        return _("%(amount)s (%(date)s)") % {
            "amount": money(self.amount),
            "date": long_date(self.valid_from),
        }
