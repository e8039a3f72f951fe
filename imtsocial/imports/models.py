"""The import job, shared by every importer (``imtsocial.imports.registry``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from imtsocial.transitions import StateMachine, Transition


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Analyse en attente")
    ANALYSING = "analysing", _("Analyse en cours")
    READY = "ready", _("Prêt à importer")
    INVALID = "invalid", _("Fichier à corriger")
    IMPORTING = "importing", _("Import en cours")
    DONE = "done", _("Importé")
    FAILED = "failed", _("Échec")
    CANCELLED = "cancelled", _("Annulé")


OWNER, WORKER = "owner", "worker"
# The life of a job. The worker analyses and imports; the owner confirms or cancels. A
# re-delivered analysis starts again (ANALYSING → ANALYSING); a job whose worker died is
# failed by the sweeper.
IMPORT_FLOW = StateMachine(
    Transition(
        "analyse",
        {ImportStatus.PENDING, ImportStatus.ANALYSING},
        ImportStatus.ANALYSING,
        actor=WORKER,
    ),
    Transition("accept", {ImportStatus.ANALYSING}, ImportStatus.READY, actor=WORKER),
    Transition("refuse", {ImportStatus.ANALYSING}, ImportStatus.INVALID, actor=WORKER),
    Transition("confirm", {ImportStatus.READY}, None, actor=OWNER),
    Transition("start_import", {ImportStatus.READY}, ImportStatus.IMPORTING, actor=WORKER),
    Transition("finish", {ImportStatus.IMPORTING}, ImportStatus.DONE, actor=WORKER),
    Transition(
        "fail",
        {ImportStatus.PENDING, ImportStatus.ANALYSING, ImportStatus.READY, ImportStatus.IMPORTING},
        ImportStatus.FAILED,
        actor=WORKER,
    ),
    Transition(
        "cancel",
        {ImportStatus.PENDING, ImportStatus.READY, ImportStatus.INVALID},
        ImportStatus.CANCELLED,
        actor=OWNER,
    ),
    choices=ImportStatus,
)
RUNNING = (ImportStatus.PENDING, ImportStatus.ANALYSING, ImportStatus.IMPORTING)
BADGES = {
    ImportStatus.PENDING: "info",
    ImportStatus.ANALYSING: "info",
    ImportStatus.READY: "new",
    ImportStatus.INVALID: "error",
    ImportStatus.IMPORTING: "info",
    ImportStatus.DONE: "success",
    ImportStatus.FAILED: "error",
}


class ImportJob(models.Model):
    """An uploaded file, analysed (dry run) then imported on confirmation."""

    kind = models.CharField(_("contenu"), max_length=40)  # the importer's key
    file = models.FileField(_("fichier"), upload_to="imports/%Y/%m/", blank=True)
    original_name = models.CharField(_("nom du fichier"), max_length=255)
    status = models.CharField(
        _("état"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("déposé par"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("déposé le"), auto_now_add=True)
    started_at = models.DateTimeField(_("traitement commencé le"), null=True, blank=True)
    analysed_at = models.DateTimeField(_("analysé le"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmé par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminé le"), null=True, blank=True)
    file_deleted_at = models.DateTimeField(_("fichier supprimé le"), null=True, blank=True)
    total_rows = models.PositiveIntegerField(_("lignes"), default=0)
    processed_rows = models.PositiveIntegerField(_("lignes traitées"), default=0)
    # {"new": n, "update": n, "skip": n, "invalid": n, "errors": [{"line", "column",
    # "message"}…], "message": "…"}
    summary = models.JSONField(_("résultat"), default=dict, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["kind", "-created_at"], name="imports_job_kind_created"),
            models.Index(fields=["status", "started_at"], name="imports_job_status_started"),
        ]

    def __str__(self):
        return f"{self.kind_label} – {self.original_name}"

    @property
    def importer(self):
        from imtsocial.imports.registry import get

        return get(self.kind)

    @property
    def kind_label(self) -> str:
        importer = self.importer
        return str(importer.label) if importer else self.kind

    @property
    def badge(self) -> str:
        return BADGES.get(self.status, "")

    @property
    def is_running(self) -> bool:
        """Analysis or import queued or in progress (the page shows a progress bar)."""
        queued = self.status == ImportStatus.READY and self.confirmed_by_id is not None
        return self.status in RUNNING or queued

    @property
    def is_importing(self) -> bool:
        return self.status == ImportStatus.IMPORTING or (
            self.status == ImportStatus.READY and self.confirmed_by_id is not None
        )

    @property
    def is_done(self) -> bool:
        return self.status == ImportStatus.DONE

    @property
    def can_confirm(self) -> bool:
        return IMPORT_FLOW.allows(self, "confirm") and self.confirmed_by_id is None

    @property
    def can_cancel(self) -> bool:
        return IMPORT_FLOW.allows(self, "cancel") and self.confirmed_by_id is None
