"""The prevention network, dated: who is appointed to which function, from when to when,
for which work units or laboratory, with the appointment letter.

« Ce réseau est constitué d'experts (radioprotection, suivi des déchets de laboratoire,
risques chimique, biologique et laser) et de 12 agents de prévention dont 6 affectés dans
les laboratoires. » The appointments are the dated record of that sentence; the write
scope of the DUERP stays ``WorkUnit.agents``."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.enums import DepartmentKind
from imtsocial.history import HistoricalRecords
from safety.network.enums import Expertise, Function


def letter_path(instance, filename):
    return f"prevention/reseau/{instance.starts_on:%Y}/{filename}"


class AppointmentQuerySet(models.QuerySet):
    def in_force(self, at):
        """Appointments started on or before ``at`` and not ended before it."""
        return self.filter(starts_on__lte=at).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=at))


class Appointment(models.Model):
    employee = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("agent nommé"),
        on_delete=models.PROTECT,
        related_name="prevention_appointments",
    )
    function = models.CharField(_("fonction"), max_length=10, choices=Function.choices)
    expertise = models.CharField(
        _("domaine d'expertise"),
        max_length=12,
        choices=Expertise.choices,
        blank=True,
        help_text=_("Pour un expert seulement."),
    )
    starts_on = models.DateField(_("début de la nomination"))
    ends_on = models.DateField(
        _("fin de la nomination"), null=True, blank=True, help_text=_("Vide : en cours.")
    )
    laboratory = models.ForeignKey(
        "hr.Department",
        verbose_name=_("laboratoire"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": DepartmentKind.LABORATORY},
        related_name="prevention_appointments",
    )
    work_units = models.ManyToManyField(
        "safety.WorkUnit",
        verbose_name=_("unités de travail couvertes"),
        blank=True,
        related_name="appointments",
    )
    letter = models.FileField(
        _("lettre de nomination (PDF)"), upload_to=letter_path, blank=True, max_length=200
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("enregistrée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=0, editable=False)

    history = HistoricalRecords(excluded_fields=["version", "letter"])
    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination au réseau de prévention")
        verbose_name_plural = _("nominations au réseau de prévention")
        ordering = ["function", "employee__last_name", "employee__first_name", "pk"]
        indexes = [
            models.Index(
                fields=["function", "starts_on", "ends_on"], name="network_function_dates"
            ),
            models.Index(fields=["laboratory", "starts_on"], name="network_laboratory"),
            models.Index(fields=["employee", "starts_on"], name="network_person"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="network_ends_after_start",
                violation_error_message=_("La fin de la nomination précède son début."),
            ),
            models.CheckConstraint(
                condition=(Q(function=Function.EXPERT) & ~Q(expertise=""))
                | (~Q(function=Function.EXPERT) & Q(expertise="")),
                name="network_expertise_for_experts",
                violation_error_message=_("Un expert a un domaine d'expertise, et lui seul."),
            ),
        ]

    def __str__(self):
        return _("%(name)s, %(function)s") % {
            "name": self.employee.full_name,
            "function": self.function_label,
        }

    def get_absolute_url(self):
        return reverse("prevention_network:edit", kwargs={"pk": self.pk})

    @property
    def function_label(self) -> str:
        if self.function == Function.EXPERT and self.expertise:
            return _("expert en %(field)s") % {"field": self.get_expertise_display().lower()}
        return self.get_function_display()

    def is_in_force(self, at) -> bool:
        return self.starts_on <= at and (self.ends_on is None or self.ends_on >= at)
