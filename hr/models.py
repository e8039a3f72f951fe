from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hr.enums import Category, DepartmentKind


class Site(models.Model):
    name = models.CharField(_("nom"), max_length=100, unique=True)
    code = models.SlugField(_("code"), max_length=20, unique=True)
    address = models.TextField(_("adresse"), blank=True)

    class Meta:
        verbose_name = _("site")
        verbose_name_plural = _("sites")
        ordering = ["name"]

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

    def __str__(self):
        return self.name


class EmployeeQuerySet(models.QuerySet):
    def active(self, at=None):
        """Employees who have joined and not left at date ``at`` (default: today)."""
        at = at or timezone.localdate()
        return self.filter(Q(hire_date__lte=at) | Q(hire_date__isnull=True)).filter(
            Q(leave_date__isnull=True) | Q(leave_date__gte=at)
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

    history = HistoricalRecords(excluded_fields=["user"])
    objects = EmployeeQuerySet.as_manager()

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"], name="hr_employee_name_idx")]
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

    def get_absolute_url(self):
        return reverse("hr:employee_detail", kwargs={"pk": self.pk})

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

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
