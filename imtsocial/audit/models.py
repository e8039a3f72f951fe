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
"""

from datetime import timedelta

from django.conf import settings
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from imtsocial.errors import DomainError


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
    subject_label = models.CharField(_("personne concernée (libellé)"), max_length=255, blank=True)
    detail = models.CharField(_("détail"), max_length=255, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement d'audit")
        verbose_name_plural = _("journal d'audit")
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["subject", "-at"]),
            models.Index(fields=["actor", "-at"]),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_label}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("An audit event cannot be modified.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("An audit event cannot be deleted.")

    @classmethod
    def _log(cls, *, actor, action, obj, subject=None, detail=""):
        return cls.objects.create(
            actor=actor if getattr(actor, "pk", None) else None,
            actor_label=(str(actor) if getattr(actor, "pk", None) else "système")[:255],
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            object_label=str(obj)[:255],
            subject=subject,
            subject_label=str(subject)[:255] if subject else "",
            detail=detail[:255],
        )

    @classmethod
    def log_view(cls, *, actor, obj, subject=None, detail=""):
        """``actor`` opened the sensitive record ``obj`` about ``subject``."""
        return cls._log(
            actor=actor, action=AuditAction.VIEW, obj=obj, subject=subject, detail=detail
        )

    @classmethod
    def log_download(cls, *, actor, obj, subject=None, detail=""):
        return cls._log(
            actor=actor, action=AuditAction.DOWNLOAD, obj=obj, subject=subject, detail=detail
        )

    @classmethod
    def log_export(cls, *, actor, obj, detail=""):
        return cls._log(actor=actor, action=AuditAction.EXPORT, obj=obj, detail=detail)

    @classmethod
    def log_change(cls, *, actor, obj, subject=None, detail=""):
        return cls._log(
            actor=actor, action=AuditAction.CHANGE, obj=obj, subject=subject, detail=detail
        )
