"""Append-only journal of reads of sensitive records and of sensitive actions.

Append-only by construction (Aidants Connect's ``Journal``): ``save()`` refuses
updates, ``delete()`` raises, the queryset refuses ``update()`` and
``delete()``. Rows are written only through one classmethod per event kind.
The only sanctioned removal is the retention purge (``purge_expired``), run by
the scheduled task, for events older than ``AUDIT_RETENTION_DAYS``.

Append-only at the database too: on PostgreSQL a trigger (migration 0002) refuses
every UPDATE and every DELETE, except the purge's deletion of rows older than the
cut-off it declares in its own transaction. The references to the actor and to the
person concerned are not database constraints: deleting a login leaves the journal
rows as they were written (their labels keep the names).

Each event says who (``actor``, its label and the role in which they acted), what
(``object_type``/``object_id``/``object_label``; ``with_pay`` when the page showed pay,
« avec la rémunération »), about whom (``subject_employee``, the staff record, so that
a person without a login is named and finds the reads on « Mon dossier » once they have
one; ``subject``, their login when they had one), when (``at``) and from where (``ip``,
the client address of the request, see ``imtsocial.audit.context``).
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from imtsocial.audit.context import current_ip
from imtsocial.errors import DomainError

# The role shown next to the reader's name when the caller does not say in which role
# they acted: the first that the reader holds in this order (the roles that open other
# people's files first).
ROLE_PRECEDENCE = (
    "hr",
    "social_action",
    "prevention",
    "dpo",
    "director",
    "it",
    "talent_developer",
    "manager",
    "employee",
)


class AppendOnlyError(DomainError):
    """The journal is never changed nor deleted, but by the retention purge."""

    @classmethod
    def default_message(cls) -> str:
        return gettext("Le journal d'audit ne se modifie pas et ne se supprime pas.")


class AuditAction(models.TextChoices):
    VIEW = "view", _("Consultation")
    DOWNLOAD = "download", _("Téléchargement")
    EXPORT = "export", _("Export")
    CHANGE = "change", _("Modification sensible")


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The audit journal cannot be modified.")

    def delete(self):
        raise AppendOnlyError("The audit journal cannot be deleted from.")

    def reads_of(self, *, employee, user, now=None):
        """« Qui a consulté mon dossier » (RULES.md §6): the reads (views, downloads) of
        ``employee``'s records by someone else, within the retention period, newest
        first. Matched on the staff record, and on the login for events written before
        the record was kept on the event."""
        since = (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)
        about = models.Q(subject_employee_id=employee.pk)
        if user is not None and user.pk:
            about |= models.Q(subject_employee__isnull=True, subject_id=user.pk)
        reads = self.filter(about, action__in=[AuditAction.VIEW, AuditAction.DOWNLOAD])
        if user is not None and user.pk:
            reads = reads.exclude(actor_id=user.pk)
        return reads.filter(at__gte=since)

    def purge_expired(self, *, now=None) -> int:
        """Remove events past the retention period. Returns the number removed."""
        cutoff = (now or timezone.now()) - timedelta(days=settings.AUDIT_RETENTION_DAYS)
        expired = AuditEvent.objects.filter(at__lt=cutoff)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # Read by the trigger: only rows older than this may go.
                    cursor.execute(
                        "SELECT set_config('imtsocial.audit_purge_before', %s, true)",
                        [cutoff.isoformat()],
                    )
            return expired._raw_delete(expired.db)


class AuditEvent(models.Model):
    at = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.DO_NOTHING,  # the journal is never rewritten
        db_constraint=False,
        null=True,
        related_name="audit_events",
    )
    actor_label = models.CharField(_("auteur (au moment des faits)"), max_length=255)
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    object_type = models.CharField(_("type d'objet"), max_length=100)
    object_id = models.CharField(_("identifiant"), max_length=64)
    object_label = models.CharField(_("objet"), max_length=255)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne concernée"),
        on_delete=models.DO_NOTHING,  # the journal is never rewritten
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_employee = models.ForeignKey(
        "hr.Employee",
        verbose_name=_("dossier de la personne concernée"),
        on_delete=models.DO_NOTHING,  # the journal is never rewritten
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_label = models.CharField(_("personne concernée (libellé)"), max_length=255, blank=True)
    detail = models.CharField(_("détail"), max_length=255, blank=True)
    actor_role = models.CharField(_("rôle de l'auteur"), max_length=32, blank=True)
    with_pay = models.BooleanField(_("avec la rémunération"), default=False)
    ip = models.GenericIPAddressField(_("adresse IP"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement d'audit")
        verbose_name_plural = _("journal d'audit")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["subject", "-at"]),
            models.Index(fields=["actor", "-at"]),
            # the DPO's filters and « Qui a consulté mon dossier »
            models.Index(fields=["subject_employee", "-at"]),
            models.Index(fields=["action", "-at"]),
            models.Index(fields=["object_type", "-at"]),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("An audit event cannot be modified.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("An audit event cannot be deleted.")

    @property
    def actor_role_label(self) -> str:
        from imtsocial.accounts.roles import Role

        return str(Role(self.actor_role).label) if self.actor_role in Role.values else ""

    @property
    def object_kind_label(self) -> str:
        """« agent », « salaire », « demande d'aide »…: the verbose name of the model."""
        return kind_label(self.object_type)

    @classmethod
    def _log(cls, *, actor, action, obj, subject=None, detail="", role=None, with_pay=False):
        """``subject`` is the person concerned: their staff record (``hr.Employee``, named
        even without a login) or their login."""
        has_actor = getattr(actor, "pk", None) is not None
        subject_user_id, subject_employee_id, subject_label = _subject_fields(subject)
        return cls.objects.create(
            actor=actor if has_actor else None,
            actor_label=(str(actor) if has_actor else "système")[:255],
            actor_role=(role or (_role_of(actor) if has_actor else ""))[:32],
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_label=str(obj)[:255],
            subject_id=subject_user_id,
            subject_employee_id=subject_employee_id,
            subject_label=subject_label[:255],
            detail=detail[:255],
            with_pay=with_pay,
            ip=current_ip(),
        )

    @classmethod
    def log_view(cls, *, actor, obj, subject=None, detail="", role=None, with_pay=False):
        """``actor`` opened the sensitive record ``obj`` about ``subject``."""
        return cls._log(
            actor=actor,
            action=AuditAction.VIEW,
            obj=obj,
            subject=subject,
            detail=detail,
            role=role,
            with_pay=with_pay,
        )

    @classmethod
    def log_download(cls, *, actor, obj, subject=None, detail="", role=None):
        return cls._log(
            actor=actor,
            action=AuditAction.DOWNLOAD,
            obj=obj,
            subject=subject,
            detail=detail,
            role=role,
        )

    @classmethod
    def log_export(cls, *, actor, obj, detail="", role=None):
        return cls._log(actor=actor, action=AuditAction.EXPORT, obj=obj, detail=detail, role=role)

    @classmethod
    def log_change(cls, *, actor, obj, subject=None, detail="", role=None):
        return cls._log(
            actor=actor,
            action=AuditAction.CHANGE,
            obj=obj,
            subject=subject,
            detail=detail,
            role=role,
        )


def _subject_fields(subject) -> tuple[int | None, int | None, str]:
    """(login id, staff record id, label) of the person concerned."""
    if subject is None:
        return None, None, ""
    if subject._meta.label_lower == "hr.employee":
        return subject.user_id, subject.pk, subject.full_name
    from imtsocial.accounts.roles import employee_of

    employee = employee_of(subject) if subject.pk else None
    return subject.pk, getattr(employee, "pk", None), str(subject)


def _role_of(actor) -> str:
    from imtsocial.accounts.roles import roles_of

    held = {str(role) for role in roles_of(actor)}
    return next((role for role in ROLE_PRECEDENCE if role in held), "")


# Where a model's verbose name does not say what was read.
KIND_LABELS = {"hr.employee": _("dossier de l'agent")}


def kind_label(object_type: str) -> str:
    """« dossier de l'agent », « salaire », « demande d'aide »…"""
    from django.apps import apps

    if object_type in KIND_LABELS:
        return str(KIND_LABELS[object_type])
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type
