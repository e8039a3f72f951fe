"""The daily retention report the DPO reads (RULES.md §6): per category, how many
records had passed their period, and how many were deleted or anonymised."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RetentionReport(models.Model):
    run_at = models.DateTimeField(_("calculé le"), default=timezone.now, db_index=True)
    day = models.DateField(_("date de référence"))
    applied = models.BooleanField(
        _("appliqué"), default=False, help_text=_("Décoché : simulation seulement.")
    )
    # {rule key: number of records past their period}
    due = models.JSONField(_("à traiter"), default=dict)
    # {rule key: number of records deleted or anonymised}
    treated = models.JSONField(_("traités"), default=dict)

    class Meta:
        verbose_name = _("rapport de conservation")
        verbose_name_plural = _("rapports de conservation")
        ordering = ["-run_at", "-pk"]

    def __str__(self):
        return f"{self.run_at:%Y-%m-%d %H:%M}"
