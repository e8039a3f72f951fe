"""Social dialogue: the school's bodies with their dated names, members' mandates,
meetings with agenda and minutes, and the professional elections.

Names are date-effective (RULES §4): since 1 January 2023 the technical committee and
the CHSCT are the CSA and its health-and-safety formation (FS-SSCT); a meeting before
2023 keeps the old name. Everything here is open to every member of staff, as the
minutes are; HR keeps it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from imtsocial.history import HistoricalRecords
from imtsocial.refdata.models import DateEffective


class BodyKind(models.TextChoices):
    BOARD = "board", _("Conseil d'administration")
    SCHOOL_COUNCIL = "school_council", _("Conseil d'école")
    TEACHING = "teaching", _("Comité de l'enseignement")
    RESEARCH = "research", _("Comité de la recherche")
    SOCIAL = "social", _("Comité social (CT, puis CSA)")
    HEALTH_SAFETY = "health_safety", _("Santé et sécurité (CHSCT, puis FS-SSCT)")
    JOINT = "joint", _("Commission paritaire")


class MandateKind(models.TextChoices):
    ELECTED = "elected", _("Élu")
    APPOINTED = "appointed", _("Désigné")
    EX_OFFICIO = "ex_officio", _("Membre de droit")


class Body(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    kind = models.CharField(_("type"), max_length=16, choices=BodyKind.choices)
    active = models.BooleanField(_("en activité"), default=True)

    class Meta:
        verbose_name = _("instance")
        verbose_name_plural = _("instances")
        ordering = ["code"]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("dialogue:body_detail", kwargs={"pk": self.pk})


class BodyName(DateEffective):
    body = models.ForeignKey(Body, verbose_name=_("instance"), on_delete=models.CASCADE)
    name = models.CharField(_("nom"), max_length=200)

    key_fields = ("body",)
    history = HistoricalRecords()

    class Meta(DateEffective.Meta):
        verbose_name = _("nom d'instance")
        verbose_name_plural = _("noms des instances")

    def __str__(self):
        return self.name


class Mandate(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT, related_name="mandates"
    )
    employee = models.ForeignKey(
        Employee,
        verbose_name=_("agent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mandates",
    )
    member_name = models.CharField(
        _("membre extérieur"), max_length=150, blank=True, help_text=_("Si ce n'est pas un agent.")
    )
    kind = models.CharField(_("mandat"), max_length=12, choices=MandateKind.choices)
    union = models.CharField(_("organisation syndicale"), max_length=100, blank=True)
    starts_on = models.DateField(_("début"))
    ends_on = models.DateField(_("fin"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("mandat")
        verbose_name_plural = _("mandats")
        ordering = ["body", "-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="dialogue_mandate_ends_after_start",
                violation_error_message=_("Un mandat ne peut pas finir avant de commencer."),
            ),
            models.CheckConstraint(
                condition=Q(employee__isnull=False) | ~Q(member_name=""),
                name="dialogue_mandate_has_a_member",
                violation_error_message=_("Indiquez l'agent ou le nom du membre extérieur."),
            ),
        ]

    def __str__(self):
        return self.member

    @property
    def member(self) -> str:
        return self.employee.full_name if self.employee_id else self.member_name

    def clean(self):
        super().clean()
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("Un mandat ne peut pas finir avant de commencer.")})
        if self.employee_id is None and not self.member_name.strip():
            raise ValidationError(
                {"member_name": _("Indiquez l'agent ou le nom du membre extérieur.")}
            )


def minutes_path(instance, filename):
    return f"dialogue/{instance.date:%Y}/{filename}"


class Meeting(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("instance"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("date"))
    agenda = models.TextField(_("ordre du jour"), max_length=5000, blank=True)
    minutes = models.FileField(
        _("procès-verbal (PDF)"), upload_to=minutes_path, blank=True, max_length=200
    )

    history = HistoricalRecords(excluded_fields=["minutes"])

    class Meta:
        verbose_name = _("réunion")
        verbose_name_plural = _("réunions")
        ordering = ["-date"]
        indexes = [models.Index(fields=["date"], name="dialogue_meeting_date")]

    def __str__(self):
        return _("Réunion du %(date)s") % {"date": self.date.strftime("%d/%m/%Y")}


class Election(models.Model):
    date = models.DateField(_("date du scrutin"), unique=True)
    title = models.CharField(_("intitulé"), max_length=200)

    class Meta:
        verbose_name = _("élections professionnelles")
        verbose_name_plural = _("élections professionnelles")
        ordering = ["-date"]

    def __str__(self):
        return self.title
