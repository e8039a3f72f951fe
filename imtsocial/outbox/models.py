from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """A task to hand to the broker, written in the transaction of the change it follows.

    Published right after the commit; when the broker is down it stays here (``sent_at``
    empty) and the relay sends it once the broker is back: nothing is lost.
    """

    task = models.CharField(_("tâche"), max_length=200)
    args = models.JSONField(_("arguments"), default=list)
    kwargs = models.JSONField(_("arguments nommés"), default=dict)
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("tentatives"), default=0)
    last_error = models.CharField(_("dernière erreur"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("message en attente")
        verbose_name_plural = _("messages en attente")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="outbox_pending",
                condition=models.Q(sent_at__isnull=True),
            )
        ]

    def __str__(self):
        return f"{self.task} #{self.pk}"
