"""The edition's PDF is rendered by a real Celery worker and contains the units and entries."""

import hashlib
import time

import pytest

from safety import services
from safety.enums import EditionStatus
from safety.models import DuerpEdition
from tests.factories import UserFactory
from tests.safety.factories import HazardFactory, RiskEntryFactory, WorkUnitFactory
from tests.safety.pdftext import pdf_strings


@pytest.mark.services
def test_publication_renders_the_pdf_in_the_worker(
    celery_worker, transactional_db, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    advisor = UserFactory(first_name="Paul", last_name="Prévention")
    r132 = WorkUnitFactory(code="R132", name="Laboratoire de synthèse des polymères")
    r279 = WorkUnitFactory(code="R279", name="Salle de mise en œuvre des composites")
    styrene = HazardFactory(name="Solvants organiques (styrène)")
    laser = HazardFactory(name="Laser de classe 4")
    RiskEntryFactory(work_unit=r132, hazard=styrene)
    RiskEntryFactory(work_unit=r279, hazard=laser)

    edition = services.edition_publish(year=2020, by=advisor)  # commits: the task is queued
    for _ in range(120):
        edition = DuerpEdition.objects.get(pk=edition.pk)
        if edition.status != EditionStatus.RENDERING:
            break
        time.sleep(0.25)
    assert edition.status == EditionStatus.READY
    with edition.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    assert edition.pdf_checksum == hashlib.sha256(content).hexdigest()
    assert edition.pdf_size == len(content)
    text = pdf_strings(content)
    assert "R132 – Laboratoire de synthèse des polymères" in text
    assert "R279 – Salle de mise en œuvre des composites" in text
    assert "R132 · Solvants organiques (styrène)" in text
    assert "R279 · Laser de classe 4" in text
