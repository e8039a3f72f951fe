"""The platform's own categories: access logs, import files, the login's journal."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.audit.models import AuditEvent
from imtsocial.gdpr.registry import Outcome, RetentionRule, SubjectSection, display
from imtsocial.imports.models import ImportJob, ImportStatus

ENDED = (ImportStatus.DONE, ImportStatus.FAILED, ImportStatus.CANCELLED, ImportStatus.INVALID)


def _audit_due(today):
    """RULES.md §6: « access logs 3 years » (AUDIT_RETENTION_DAYS)."""
    return AuditEvent.objects.filter(
        at__lt=timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS)
    )


def _audit_apply(queryset, today):
    # the journal's one sanctioned removal (append-only otherwise)
    return AuditEvent.objects.purge_expired()


def _imports_due(today):
    """Uploaded files are deleted IMPORT_FILE_RETENTION_DAYS after the job ended."""
    keep_after = timezone.now() - timedelta(days=settings.IMPORT_FILE_RETENTION_DAYS)
    return ImportJob.objects.filter(status__in=ENDED, finished_at__lt=keep_after).exclude(file="")


def _imports_apply(queryset, today):
    count = 0
    for job in queryset:
        job.file.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(file="", file_deleted_at=timezone.now())
        count += 1
    return count


def rules():
    return [
        RetentionRule(
            key="audit.access_logs",
            category=_("Journal des accès aux données sensibles"),
            module=_("Plateforme"),
            starts=_("après l'accès"),
            outcome=Outcome.DELETE,
            legal_basis=_("Sécurité des traitements (RGPD art. 32) ; RULES §6 : 3 ans"),
            fixed_period=_("%(days)s jours (réglage AUDIT_RETENTION_DAYS)")
            % {"days": settings.AUDIT_RETENTION_DAYS},
            due=_audit_due,
            apply=_audit_apply,
        ),
        RetentionRule(
            key="imports.files",
            category=_("Fichiers importés"),
            module=_("Plateforme"),
            starts=_("après la fin de l'import"),
            outcome=Outcome.DELETE,
            legal_basis=_("Minimisation (RGPD art. 5) : le résultat de l'import reste"),
            fixed_period=_("%(days)s jours (réglage IMPORT_FILE_RETENTION_DAYS)")
            % {"days": settings.IMPORT_FILE_RETENTION_DAYS},
            due=_imports_due,
            apply=_imports_apply,
            detail=_("Le fichier est supprimé ; la trace de l'import et son résumé restent."),
        ),
    ]


def subject_sections(user, employee):
    events = AuditEvent.objects.filter(subject=user).order_by("-at")[:500]
    return [
        SubjectSection(
            _("Consultations de vos données (journal d'audit)"),
            [
                {
                    _("Date"): display(event.at),
                    _("Auteur"): event.actor_label,
                    _("Action"): event.get_action_display(),
                    _("Objet"): event.object_label,
                }
                for event in events
            ],
        )
    ]
