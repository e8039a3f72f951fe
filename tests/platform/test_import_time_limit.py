"""The analysis of an import file runs in the worker under a time limit: when it expires,
the job is failed with a French message (never left « Analyse en cours »).

A real Celery worker with the prefork pool (the production pool: the solo pool of the
other worker tests enforces no time limit), the limit lowered to one second for the test."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.imports.models import ImportStatus
from imtsocial.imports.services import import_job_create
from imtsocial.imports.tasks import analyse_import
from telework.models import Asset
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def celery_worker_pool():
    return "prefork"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.services
def test_an_analysis_past_its_time_limit_fails_the_job_with_a_french_message(
    transactional_db, make_user, settings, request, client
):
    settings.IMPORT_TASK_TIME_LIMIT = 1  # set before the worker starts (its processes fork)
    SiteFactory(code="clavieres", name="Clavières")
    it = make_user(Role.IT)
    # 20 000 rows: about 20 seconds of analysis, far more than the one second allowed
    rows = [f"PC-{n:05d};S{n};portable;Latitude;clavieres;stock;oui;oui" for n in range(20000)]
    content = "\n".join(["inventaire;serie;type;modele;site;etat;vpn;visio", *rows]).encode()
    job = import_job_create(
        kind="telework.assets",
        uploaded_file=SimpleUploadedFile("inventaire.csv", content),
        by=it,
    )
    request.getfixturevalue("celery_worker")
    started = time.monotonic()
    assert analyse_import.delay(job.pk).get(timeout=60) == ImportStatus.FAILED
    assert time.monotonic() - started < 15  # stopped, not run to its end
    job.refresh_from_db()
    assert (job.status, job.summary["message"]) == (
        ImportStatus.FAILED,
        "L'analyse a dépassé la durée maximale de 1 seconde : rien n'a été enregistré. "
        "Découpez le fichier en plusieurs fichiers plus petits, ou enregistrez-le en CSV.",
    )
    assert job.finished_at is not None
    client.force_login(it)
    page = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert "L&#x27;analyse a dépassé la durée maximale de 1 seconde" in page
    assert not Asset.objects.exists()


def test_celerys_soft_limit_in_the_middle_of_a_row_stops_the_import(
    make_user, settings, monkeypatch
):
    """Celery's soft limit (the backstop) raises wherever the task is: within a row,
    django-import-export would keep it as that row's error and go on; it stops the run."""
    from celery.exceptions import SoftTimeLimitExceeded

    from imtsocial.imports.services import import_job_analyse
    from telework.imports import AssetResource

    settings.IMPORT_TASK_TIME_LIMIT = 600
    SiteFactory(code="clavieres", name="Clavières")
    it = make_user(Role.IT)
    content = b"inventaire;serie;type;modele;site;etat;vpn;visio\nPC-1;S;portable;L;clavieres;;;"
    job = import_job_create(
        kind="telework.assets", uploaded_file=SimpleUploadedFile("i.csv", content), by=it
    )

    def expired(self, *args, **kwargs):
        raise SoftTimeLimitExceeded  # what the worker's signal raises at that moment

    monkeypatch.setattr(AssetResource, "check_row", expired)
    job = import_job_analyse(job=job)
    assert job.status == ImportStatus.FAILED
    assert job.summary["message"].startswith(
        "L'analyse a dépassé la durée maximale de 10 minutes : rien n'a été enregistré."
    )
