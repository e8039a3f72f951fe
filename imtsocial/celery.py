"""Celery application.

Reliable defaults (settings.py, ``CELERY_*``): late acknowledgement and
re-queue on worker loss, so that tasks must be idempotent; prefetch of one;
transient errors retried with exponential backoff by ``ReliableTask``.
Tasks are declared with ``@shared_task`` and queued after commit
(``delay_on_commit``), through the transactional outbox so that a broker outage
loses nothing.
"""

import os
import smtplib

from celery import Celery
from celery.contrib.django.task import DjangoTask
from django.db import OperationalError as DbOperationalError
from kombu.exceptions import OperationalError as KombuOperationalError

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "imtsocial.settings")


class ReliableTask(DjangoTask):
    """Retries transient failures (database, broker, SMTP) with exponential backoff.

    Based on Celery's DjangoTask, which adds ``delay_on_commit``."""

    autoretry_for = (
        DbOperationalError,
        KombuOperationalError,
        smtplib.SMTPException,
        ConnectionError,
    )
    retry_backoff = True
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5

    def delay_on_commit(self, *args, **kwargs):
        """Queue after the commit through the transactional outbox (imtsocial/outbox/):
        a broker outage keeps the message for the relay instead of losing it. Without a
        broker (embedded mode, tasks in-process) the task runs after the commit."""
        if self.app.conf.task_always_eager:
            return super().delay_on_commit(*args, **kwargs)
        from imtsocial.outbox.services import enqueue

        enqueue(self, args, kwargs)
        return None


app = Celery("imtsocial", task_cls=ReliableTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
