"""Background tasks of the report: thin, idempotent, queued after commit.

``build_edition`` is acknowledged late and re-queued if its worker is lost
(``acks_late``, ``reject_on_worker_lost``): a build killed in the middle starts over
(see ``services.build``); transient errors (database, connection) are retried with
backoff; any other error marks the edition « échec » with its reason.
"""

from celery import shared_task
from django.db import OperationalError
from django.utils import timezone

from imtsocial.reports import services
from imtsocial.reports.enums import EditionStatus
from imtsocial.reports.models import Edition

TRANSIENT = (OperationalError, ConnectionError)


@shared_task(
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT,
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=5,
)
def build_edition(self, edition_id: int) -> str:
    """Build and publish an edition's PDF; returns its status. Done or failed: left as is."""
    try:
        return services.build(edition_id).status
    except TRANSIENT:
        if self.request.retries >= self.max_retries:
            services.fail(edition_id, OperationalError("base de données indisponible"))
            return EditionStatus.FAILED
        raise
    except Exception as exc:
        services.fail(edition_id, exc)
        return EditionStatus.FAILED


@shared_task
def notify_edition_ready(edition_id: int) -> int:
    edition = Edition.objects.select_related("requested_by").get(pk=edition_id)
    if edition.status != EditionStatus.DONE:
        return 0
    from imtsocial.reports import notifications

    return notifications.edition_ready(edition=edition)


@shared_task
def request_last_year_edition() -> int:
    """Every 15 January: ask for last year's chapter (joins one already running)."""
    edition, _created = services.request_edition(timezone.localdate().year - 1, None)
    return edition.pk


@shared_task
def sweep_editions() -> int:
    """Every few minutes: editions whose worker was lost for good become « échec »."""
    return services.sweep()
