"""Editions of the chapter: a request queues one edition (joined while one runs), the
build publishes the PDF with its SHA-256 once (idempotent), transient errors are retried,
other errors fail the edition with a French reason, a lost worker is swept « échec »,
and a real Celery worker builds the chapter and the director is told by e-mail."""

import hashlib
import os
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.outbox.models import OutboxMessage
from imtsocial.reports import services, tasks
from imtsocial.reports.enums import EditionStatus
from imtsocial.reports.models import Edition
from tests.reports.chapter_data import pdf_text, read, small_school


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def director(make_user):
    return make_user(Role.DIRECTOR)


@pytest.mark.django_db
def test_a_request_makes_a_new_edition_and_a_second_one_joins_it(director, make_user):
    first, created = services.request_edition(2020, director)
    assert created and (first.year, first.number, first.status) == (2020, 1, "queued")
    again, created_again = services.request_edition(2020, make_user(Role.HR))
    assert again.pk == first.pk and not created_again
    # One task only, for the first request.
    assert list(OutboxMessage.objects.values_list("task", "args")) == [
        ("imtsocial.reports.tasks.build_edition", [first.pk])
    ]
    # Once it is done, a new request makes edition 2 (an edition is never overwritten).
    Edition.objects.filter(pk=first.pk).update(status=EditionStatus.DONE)
    second, created = services.request_edition(2020, director)
    assert created and second.number == 2


@pytest.mark.django_db
@pytest.mark.parametrize("offset", [0, 1])  # this year is not over; next year is future
def test_a_year_not_over_is_refused_in_french(director, offset):
    with pytest.raises(services.EditionRefused, match="n'est pas terminée"):
        services.request_edition(timezone.localdate().year + offset, director)
    assert not Edition.objects.exists()


@pytest.mark.django_db
def test_the_build_publishes_once_with_its_checksum(director, media):
    edition, _created = services.request_edition(2012, director)
    done = services.build(edition.pk)
    assert (done.status, done.progress, done.attempts, done.pdf_variant) == (
        "done",
        100,
        1,
        "pdf/a-3a",
    )
    content = read(done)
    assert done.sha256 == hashlib.sha256(content).hexdigest() and done.size == len(content)
    assert done.pdf.name == "reports/2012/ddrs-odd8-2012-1.pdf"
    # Idempotent: built again, it is left as is (same file, same checksum, no 2nd attempt).
    again = services.build(edition.pk)
    assert (again.sha256, again.pdf.name, again.attempts) == (done.sha256, done.pdf.name, 1)
    assert sorted(p.name for p in (media / "reports" / "2012").iterdir()) == [
        "ddrs-odd8-2012-1.pdf"
    ]
    assert not list((media / "tmp").iterdir())  # the temporary file is gone


@pytest.mark.django_db
def test_the_progress_goes_through_every_section(director, media):
    edition, _created = services.request_edition(2012, director)
    seen = []
    real = services._progress

    def spy(edition_id):
        update = real(edition_id)

        def record(label, percent):
            update(label, percent)
            row = Edition.objects.get(pk=edition_id)
            seen.append((row.status, row.progress, row.current_section))

        return record

    with mock.patch.object(services, "_progress", spy):
        services.build(edition.pk)
    assert [s[1] for s in seen] == [5, 30, 40, 50, 60, 70, 80, 85]
    assert {s[0] for s in seen} == {"running"}
    assert seen[1][2] == "Section A — politique salariale et de l'emploi"
    assert seen[6][2] == "Annexe méthodologique"


@pytest.mark.django_db
def test_a_transient_error_is_retried_and_the_edition_then_built(director, media):
    edition, _created = services.request_edition(2012, director)
    real = services.chapter_pdf
    calls = []

    def flaky(year, **kwargs):
        calls.append(year)
        if len(calls) == 1:
            raise OperationalError("connection lost")
        return real(year, **kwargs)

    with mock.patch.object(services, "chapter_pdf", flaky):
        result = tasks.build_edition.apply(args=[edition.pk], throw=False)
    edition.refresh_from_db()
    assert result.get() == "done"
    assert calls == [2012, 2012]
    assert (edition.status, edition.attempts) == ("done", 2)


@pytest.mark.django_db
def test_any_other_error_fails_the_edition_with_a_french_reason(director, media):
    edition, _created = services.request_edition(2012, director)
    with mock.patch.object(services, "chapter_pdf", side_effect=ValueError("gabarit")):
        assert tasks.build_edition.apply(args=[edition.pk]).get() == "failed"
    edition.refresh_from_db()
    assert edition.status == "failed" and not edition.pdf and not edition.sha256
    assert edition.error.startswith("La génération du PDF a échoué")
    # A failed edition is left as is by a late delivery of the task.
    assert services.build(edition.pk).status == "failed"


@pytest.mark.django_db
def test_an_edition_whose_worker_was_lost_for_good_is_swept_failed(director, settings, media):
    settings.REPORTS_EDITION_STALE_AFTER_SECONDS = 600
    now = timezone.now()
    (media / "tmp").mkdir(parents=True)
    old_part, new_part = media / "tmp/ddrs-old.pdf.part", media / "tmp/ddrs-new.pdf.part"
    old_part.write_bytes(b"%PDF-half")
    new_part.write_bytes(b"%PDF-in-progress")
    os.utime(old_part, (now.timestamp() - 601, now.timestamp() - 601))
    lost = Edition.objects.create(
        year=2019, number=1, status="running", started_at=now - timedelta(seconds=601)
    )
    alive = Edition.objects.create(
        year=2018, number=1, status="running", started_at=now - timedelta(seconds=599)
    )
    assert services.sweep(now) == 1
    lost.refresh_from_db()
    alive.refresh_from_db()
    assert lost.status == "failed" and "interrompue" in lost.error
    assert alive.status == "running"
    assert sorted(p.name for p in (media / "tmp").iterdir()) == ["ddrs-new.pdf.part"]
    # A new request for 2019 does not join the lost edition: it makes edition 2.
    edition, created = services.request_edition(2019, director)
    assert created and edition.number == 2


@pytest.mark.services
def test_a_real_worker_builds_the_chapter_and_the_director_is_told(
    celery_worker, transactional_db, make_user, media
):
    director = make_user(Role.DIRECTOR)
    small_school(make_user(Role.HR))
    edition, _created = services.request_edition(2020, director)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        edition.refresh_from_db()
        if edition.status in ("done", "failed"):
            break
        time.sleep(0.3)
    assert edition.status == "done", edition.error
    content = read(edition)
    assert hashlib.sha256(content).hexdigest() == edition.sha256
    text = pdf_text(content)
    # (3 000 + 4 000 + 5 500) / 3 = 4 166,67 → 4 167 €; 3 of 5 (PhD student excluded) = 60 %.
    assert "est de 4 167 € bruts (pour rappel le SMIC est de 1 555 €)" in text
    assert "60 % du personnel de l'école" in text
    deadline = time.monotonic() + 20
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.2)
    assert [m.to for m in mail.outbox] == [[director.email]]  # the asker, also the director
    message = mail.outbox[0]
    assert message.subject == "Le chapitre du rapport DD&RS est prêt"
    assert "4 167" not in message.body and "/rapport/?annee=2020" in message.body


def test_the_yearly_schedule_asks_for_last_year_on_15_january(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["reports-yearly-chapter"]
    assert entry["task"] == "imtsocial.reports.tasks.request_last_year_edition"
    schedule = entry["schedule"]
    assert (schedule.month_of_year, schedule.day_of_month) == ({1}, {15})
    assert settings.CELERY_BEAT_SCHEDULE["reports-sweep-editions"]["task"] == (
        "imtsocial.reports.tasks.sweep_editions"
    )


@pytest.mark.django_db
def test_the_scheduled_edition_is_announced_to_the_directors_without_its_content(make_user, media):
    first, second = make_user(Role.DIRECTOR), make_user(Role.DIRECTOR)
    make_user(Role.HR)  # HR is not written to for a scheduled edition
    pk = tasks.request_last_year_edition.apply().get()
    edition = Edition.objects.get(pk=pk)
    assert (edition.year, edition.requested_by) == (timezone.localdate().year - 1, None)
    services.build(pk)
    assert tasks.notify_edition_ready.apply(args=[pk]).get() == 1
    (message,) = mail.outbox
    assert sorted(message.to) == sorted([first.email, second.email])
    assert "disponible sur l'intranet" in message.body
    assert f"/rapport/?annee={edition.year}" in message.body


def test_two_simultaneous_first_requests_make_one_edition(transactional_db, make_user):
    import threading

    from django.db import connections

    director, hr = make_user(Role.DIRECTOR), make_user(Role.HR)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def ask(user):
        try:
            barrier.wait(5)
            results.append(services.request_edition(2019, user))
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask, args=(u,)) for u in (director, hr)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    # One created it, the other joined it: one edition, one task.
    assert sorted(created for _edition, created in results) == [False, True]
    assert Edition.objects.count() == 1
    assert OutboxMessage.objects.filter(task="imtsocial.reports.tasks.build_edition").count() == 1
