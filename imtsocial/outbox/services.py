"""The transactional outbox: tasks queued after a change survive a broker outage.

``ReliableTask.delay_on_commit`` (imtsocial/celery.py) writes an :class:`OutboxMessage`
in the caller's transaction, then publishes it once the transaction commits. If the
broker (Redis) does not answer, the page still answers: the change is saved, the
message waits, the person is told that the e-mail or document will follow, and the
relay (a beat task, every minute) sends what waits once the broker is back. Tasks are
idempotent (late acknowledgement), so a message published twice does no harm.

Publishing fails fast: a dedicated connection that does not retry (``max_retries``
0) and no subscription to the result (``ignore_result``), so a page never waits on a
dead broker for more than a connection attempt.
"""

import contextvars
import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError

from imtsocial.outbox.models import OutboxMessage

logger = logging.getLogger(__name__)

BROKER_ERRORS = (KombuOperationalError, ConnectionError, OSError, TimeoutError)

# The current request's notes (set by OutboxNoticeMiddleware): ``deferred`` becomes
# True when one of its messages could not be handed to the broker. A mutable holder,
# so that the mark survives a copied context (sync/async adaptation of middleware).
request_notes = contextvars.ContextVar("outbox_request_notes", default=None)


def enqueue(task, args=(), kwargs=None) -> OutboxMessage:
    """Record ``task(*args, **kwargs)`` in the current transaction; publish after commit."""
    message = OutboxMessage.objects.create(task=task.name, args=list(args), kwargs=kwargs or {})
    transaction.on_commit(lambda: publish(message))
    return message


def _send(message: OutboxMessage) -> None:
    from imtsocial.celery import app

    options = {**app.conf.broker_transport_options, "max_retries": 0}
    with app.connection_for_write(transport_options=options) as connection:
        app.send_task(
            message.task,
            args=message.args,
            kwargs=message.kwargs,
            connection=connection,
            retry=False,
            ignore_result=True,
        )


def publish(message: OutboxMessage) -> bool:
    """Hand one message to the broker; on failure keep it for the relay. True when sent."""
    try:
        _send(message)
    except BROKER_ERRORS as exc:
        notes = request_notes.get()
        if notes is not None:
            notes["deferred"] = True
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=message.attempts + 1, last_error=str(exc)[:500]
        )
        logger.warning("broker unavailable, %s kept in the outbox: %s", message, exc)
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(
        sent_at=timezone.now(), attempts=message.attempts + 1, last_error=""
    )
    return True


def relay(*, older_than_seconds: int | None = None, limit: int = 500) -> int:
    """Send the messages still waiting (oldest first); stop at the first broker failure.

    Messages younger than ``older_than_seconds`` are left to the publication that
    follows their commit. Returns the number sent."""
    if older_than_seconds is None:
        older_than_seconds = settings.OUTBOX_RELAY_AFTER_SECONDS
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    sent = 0
    waiting = OutboxMessage.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
    for message in waiting[:limit]:
        if not publish(message):
            break
        sent += 1
    return sent


def purge_sent(*, days: int = 7) -> int:
    """Messages sent more than ``days`` ago are forgotten."""
    cutoff = timezone.now() - timedelta(days=days)
    deleted, _ = OutboxMessage.objects.filter(sent_at__lt=cutoff).delete()
    return deleted
