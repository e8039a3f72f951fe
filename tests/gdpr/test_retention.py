"""RULES.md §6 retention: the daily run reports, then deletes or anonymises exactly what
passed its period; DUERP editions (40 years) are never touched."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from imtsocial.gdpr import tasks
from imtsocial.gdpr.models import RetentionReport
from imtsocial.gdpr.registry import years_before
from imtsocial.imports.models import ImportJob, ImportStatus
from safety.models import DuerpEdition
from social_action.models import AidDocument, AidRequest, HouseholdFacts
from tests import pdfs
from tests.factories import EmployeeFactory, UserFactory
from tests.social_action.factories import AidRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    today = timezone.localdate()
    now = timezone.now()
    people = {
        "81": EmployeeFactory(birth_date=years_before(today, 81), last_name="Ancien"),
        "80 today": EmployeeFactory(birth_date=years_before(today, 80), last_name="Octo"),
        "79": EmployeeFactory(birth_date=years_before(today, 79), last_name="Jeune"),
        "unknown": EmployeeFactory(birth_date=None, last_name="Inconnu"),
    }
    requester = EmployeeFactory(last_name="Demandeur")
    old = AidRequestFactory(
        requester=requester,
        decided_at=now - timedelta(days=6 * 366),
        amount_granted=Decimal("300"),
        reference_income=Decimal("25000"),
    )
    document = AidDocument.objects.create(
        request=old,
        file=ContentFile(pdfs.PDF_BYTES, name="avis.pdf"),
        original_name="avis.pdf",
        content_type="application/pdf",
        size=len(pdfs.PDF_BYTES),
    )
    recent = AidRequestFactory(requester=requester, decided_at=now - timedelta(days=4 * 365))
    already_blank = AidRequestFactory(
        requester=requester, decided_at=now - timedelta(days=7 * 365), reason=""
    )
    undecided = AidRequestFactory(requester=requester)
    for year in (today.year - 5, today.year - 4, today.year - 2):
        HouseholdFacts.objects.create(
            employee=requester, income_year=year, reference_income=20000, tax_shares=2
        )
    owner = UserFactory()
    jobs = []
    for days in (40, 10):
        job = ImportJob.objects.create(
            kind="hr.employees",
            original_name="agents.csv",
            status=ImportStatus.DONE,
            created_by=owner,
            file=ContentFile(b"a;b\n", name="agents.csv"),
        )
        ImportJob.objects.filter(pk=job.pk).update(finished_at=now - timedelta(days=days))
        jobs.append(job)
    AuditEvent.objects.create(
        at=now - timedelta(days=4 * 365), actor_label="x", action="view", object_type="t"
    )
    AuditEvent.objects.create(at=now, actor_label="y", action="view", object_type="t")
    edition = DuerpEdition.objects.create(
        year=today.year - 45,
        published_at=now - timedelta(days=45 * 365),
        published_by=owner,
        method={"name": "m"},
        snapshot={"units": [], "entries": [], "actions": []},
        snapshot_checksum="a" * 64,
        entry_count=0,
        action_count=0,
        pdf=ContentFile(b"%PDF-1.7 duerp", name="duerp.pdf"),
    )
    return locals()


# By hand: 2 people aged 80 or more (81, and 80 today); 1 aid file decided > 5 years ago
# that still holds personal data (the one decided 7 years ago is already blank, the one
# decided 4 years ago and the undecided one are kept); 1 tax notice (income year N-5:
# notice N-4, more than 3 years old); 1 import file ended 40 days ago (> 30 days); 1 access
# log older than 3 years.
EXPECTED_DUE = {
    "hr.personnel_file": 2,
    "social_action.aid_files": 1,
    "social_action.tax_notices": 1,
    "imports.files": 1,
    "audit.access_logs": 1,
}


def test_the_dry_run_reports_and_changes_nothing(world, settings):
    settings.GDPR_RETENTION_DRY_RUN = True
    result = tasks.apply_retention()
    report = RetentionReport.objects.get()
    assert report.due == EXPECTED_DUE and report.applied is False and report.treated == {}
    assert result["applied"] is False
    assert Employee.objects.filter(last_name="Anonyme").count() == 0
    assert AidDocument.objects.count() == 1 and HouseholdFacts.objects.count() == 3
    assert AuditEvent.objects.count() == 2


def test_apply_deletes_and_anonymises_exactly_what_passed(world, settings):
    settings.GDPR_RETENTION_DRY_RUN = False
    tasks.apply_retention()
    report = RetentionReport.objects.get()
    assert report.applied and report.treated == EXPECTED_DUE
    people = world["people"]
    for key in ("81", "80 today"):
        person = Employee.objects.get(pk=people[key].pk)
        assert person.last_name == "Anonyme" and person.first_name == ""
        assert person.birth_date is None and person.employee_number == f"ANON{person.pk}"
        assert not Employee.history.filter(id=person.pk).exists()  # no old name left
    assert Employee.objects.get(pk=people["79"].pk).last_name == "Jeune"
    assert Employee.objects.get(pk=people["unknown"].pk).last_name == "Inconnu"
    old = AidRequest.objects.get(pk=world["old"].pk)
    assert old.reason == "" and old.reference_income is None
    assert old.amount_granted == Decimal("300")  # the budget keeps its figures
    assert not old.documents.exists() and not AidRequest.history.filter(id=old.pk).exists()
    assert not (settings.MEDIA_ROOT / world["document"].file.name).exists()
    for key in ("recent", "undecided"):
        assert AidRequest.objects.get(pk=world[key].pk).reason == "Réparation de la voiture"
    assert sorted(HouseholdFacts.objects.values_list("income_year", flat=True)) == [
        world["today"].year - 4,
        world["today"].year - 2,
    ]
    old_job, recent_job = (ImportJob.objects.get(pk=j.pk) for j in world["jobs"])
    assert old_job.file.name == "" and old_job.file_deleted_at is not None
    assert recent_job.file.name != ""
    assert list(AuditEvent.objects.values_list("actor_label", flat=True)) == ["y"]
    # a second run finds nothing left
    tasks.apply_retention()
    assert set(RetentionReport.objects.first().due.values()) == {0}


def test_duerp_editions_are_never_touched(world, settings):
    settings.GDPR_RETENTION_DRY_RUN = False
    edition = world["edition"]
    tasks.apply_retention()
    kept = DuerpEdition.objects.get(pk=edition.pk)
    assert kept.snapshot == edition.snapshot and kept.published_by_id == edition.published_by_id
    assert (settings.MEDIA_ROOT / kept.pdf.name).read_bytes() == b"%PDF-1.7 duerp"
    assert "safety.duerp_editions" not in RetentionReport.objects.get().due


def test_the_dpo_sees_the_table_and_the_report(client, make_user, world, settings):
    settings.GDPR_RETENTION_DRY_RUN = True
    tasks.apply_retention()
    client.force_login(make_user(Role.DPO))
    html = client.get(reverse("gdpr:retention")).content.decode()
    assert "Dossier individuel de l&#x27;agent" in html and "80 ans" in html
    assert "Dossiers d&#x27;aide sociale" in html and "5 ans après la décision" in html
    assert "Éditions du DUERP" in html and "40 ans" in html
    assert "simulation seulement" in html


@pytest.mark.parametrize("role", [Role.HR, Role.EMPLOYEE, None])
def test_only_the_dpo_sees_the_retention_page(client, make_user, role):
    client.force_login(make_user(role) if role else make_user())
    assert client.get(reverse("gdpr:retention")).status_code == 403
