"""Editions of the chapter: asking for one, building it, publishing its PDF.

- ``request_edition(year, user)``: a new edition (next number of the year) whose task
  is queued after the commit; while one of the same year is waiting or running, the
  request joins it (no second task).
- ``build(edition_id)`` (the worker's ``tasks.build_edition``): idempotent — an edition
  done or failed is left as is. It writes the PDF to a temporary file, computes its
  SHA-256, then publishes: the file is moved into the storage and sha256, size and the
  status « prête » are set in one update. A worker killed in the middle leaves at most
  a temporary file, never an edition marked done: Celery (late acknowledgement,
  ``reject_on_worker_lost``) gives the task again and it starts over.
- ``sweep()`` (beat, every few minutes): an edition still waiting or running after
  ``REPORTS_EDITION_STALE_AFTER_SECONDS`` lost its worker for good — it is marked
  « échec » with the reason, and a new request makes a new edition; the temporary
  files of killed builds are deleted.
"""

import hashlib
import logging
import os
import tempfile
from datetime import timedelta

from django.conf import settings
from django.core.files import File
from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.reports.enums import EditionStatus
from imtsocial.reports.models import Edition
from imtsocial.reports.pdf import PDF_VARIANT, chapter_pdf, refusal

logger = logging.getLogger(__name__)

ACTIVE = (EditionStatus.QUEUED, EditionStatus.RUNNING)
LOCK_NAMESPACE = 0x44445253  # « DDRS »: advisory locks of the report's years


class EditionRefused(ValueError):
    """The year cannot be asked for (French message)."""


def stale_after() -> timedelta:
    return timedelta(seconds=settings.REPORTS_EDITION_STALE_AFTER_SECONDS)


def request_edition(year: int, user) -> tuple[Edition, bool]:
    """``(edition, created)``: a new edition queued for ``year``, or the one already
    waiting or running for that year (joined). ``user`` None: the yearly schedule."""
    reason = refusal(year)
    if reason:
        raise EditionRefused(reason)
    from imtsocial.reports.tasks import build_edition

    sweep()
    with transaction.atomic():
        # One request at a time per year (even for the year's first edition, which has
        # no row to lock yet): two simultaneous requests join, they never duplicate.
        _lock_year(year)
        editions = Edition.objects.filter(year=year)
        running = editions.filter(status__in=ACTIVE).order_by("-number").first()
        if running is not None:
            return running, False
        number = (editions.aggregate(top=Max("number"))["top"] or 0) + 1
        edition = Edition.objects.create(year=year, number=number, requested_by=user)
        build_edition.delay_on_commit(edition.pk)
    return edition, True


def _lock_year(year: int) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_NAMESPACE, year])
    else:  # the embedded SQLite of development: writes are serialised anyway
        list(Edition.objects.select_for_update().filter(year=year).values_list("pk"))


def _progress(edition_id: int):
    def update(label: str, percent: int) -> None:
        Edition.objects.filter(pk=edition_id, status=EditionStatus.RUNNING).update(
            progress=percent, current_section=label[:120]
        )

    return update


def _fail(edition_id: int, reason: str) -> None:
    Edition.objects.filter(pk=edition_id, status__in=ACTIVE).update(
        status=EditionStatus.FAILED, error=reason, finished_at=timezone.now(), current_section=""
    )


def build(edition_id: int) -> Edition:
    """Build and publish the PDF of an edition; an edition done or failed is left as is."""
    started = Edition.objects.filter(pk=edition_id, status__in=ACTIVE).update(
        status=EditionStatus.RUNNING,
        started_at=timezone.now(),
        progress=0,
        current_section="",
        error="",
    )
    edition = Edition.objects.get(pk=edition_id)
    if not started:
        return edition
    Edition.objects.filter(pk=edition_id).update(attempts=edition.attempts + 1)
    directory = settings.MEDIA_ROOT / "tmp"
    directory.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix="ddrs-", suffix=".pdf.part", dir=directory)
    os.close(handle)
    try:
        content = chapter_pdf(edition.year, progress=_progress(edition_id))
        with open(temporary, "wb") as out:
            out.write(content)
        digest = hashlib.sha256(content).hexdigest()
        return _publish(edition_id, temporary, digest, len(content))
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _publish(edition_id: int, temporary: str, digest: str, size: int) -> Edition:
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition_id)
        if edition.status != EditionStatus.RUNNING:
            return edition  # published by another delivery of the task, or failed
        with open(temporary, "rb") as handle:
            name = edition.pdf.storage.save(
                edition.pdf.field.generate_filename(edition, edition.filename), File(handle)
            )
        from imtsocial.reports.tasks import notify_edition_ready

        notify_edition_ready.delay_on_commit(edition_id)
        Edition.objects.filter(pk=edition_id).update(
            pdf=name,
            sha256=digest,
            size=size,
            pdf_variant=PDF_VARIANT,
            status=EditionStatus.DONE,
            progress=100,
            current_section="",
            finished_at=timezone.now(),
        )
    edition.refresh_from_db()
    return edition


def fail(edition_id: int, exc: BaseException) -> None:
    """A non-transient error: the edition is « échec » with a French reason."""
    logger.exception("report edition %s failed", edition_id, exc_info=exc)
    _fail(
        edition_id,
        _(
            "La génération du PDF a échoué (%(error)s). Les équipes techniques ont été "
            "prévenues ; vous pouvez demander une nouvelle édition."
        )
        % {"error": type(exc).__name__},
    )


def sweep(now=None) -> int:
    """Mark « échec » the editions whose worker was lost for good; returns their number."""
    now = now or timezone.now()
    before = now - stale_after()
    reason = _(
        "La génération a été interrompue : le service de tâches ne l'a pas terminée. "
        "Demandez une nouvelle édition."
    )
    # The temporary file of a build whose worker was killed.
    directory = settings.MEDIA_ROOT / "tmp"
    if directory.is_dir():
        for leftover in directory.glob("ddrs-*.pdf.part"):
            if leftover.stat().st_mtime < before.timestamp():
                leftover.unlink(missing_ok=True)
    return (
        Edition.objects.filter(status=EditionStatus.RUNNING, started_at__lt=before)
        | Edition.objects.filter(status=EditionStatus.QUEUED, requested_at__lt=before)
    ).update(status=EditionStatus.FAILED, error=reason, finished_at=now, current_section="")


def years_offered(today=None) -> list[int]:
    """The years one may ask for: from the first year with data (staff contracts, the
    other apps' records, declared values or editions) to last year, newest first."""
    from imtsocial.reports.models import DeclaredValue

    today = today or timezone.localdate()
    last = today.year - 1
    firsts = [
        Edition.objects.aggregate(first=Min("year"))["first"],
        DeclaredValue.objects.order_by("year").values_list("year", flat=True).first(),
        _first_contract_year(),
    ]
    first = min([year for year in firsts if year] or [last])
    first = min(first, last)
    return list(range(last, max(first, last - 30) - 1, -1))


def _first_contract_year():
    from hr.models import Contract

    start = Contract.objects.order_by("start").values_list("start", flat=True).first()
    return start.year if start else None
