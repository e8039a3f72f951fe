"""The README's sample imports leave the demo school of 31/12/2020 as it was.

The samples bring their own people (staff numbers S0001–S0004, which no demo builder
uses) hired after 2020, so the figures of the 2020 chapter — computed by the same
functions as the statistics page and the report — are the same before and after.
"""

from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from hr.enums import ImportKind
from hr.models import Employee
from hr.stats import hr_statistics
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from imtsocial.imports.models import ImportStatus
from imtsocial.imports.services import import_job_analyse, import_job_confirm, import_job_create

pytestmark = pytest.mark.django_db

SAMPLES = Path(settings.BASE_DIR) / "docs" / "samples"
AT_2020 = date(2020, 12, 31)
LATER = date(2025, 12, 31)


@pytest.fixture
def demo(settings):
    settings.EMBEDDED = True
    call_command("demo", stdout=StringIO())


def _import(kind, name, by):
    sample = SimpleUploadedFile(name, (SAMPLES / name).read_bytes())
    job = import_job_analyse(job=import_job_create(kind=kind, uploaded_file=sample, by=by))
    # Four new rows each: none of the samples' staff numbers is a demo person's.
    assert (job.summary["new"], job.summary["invalid"]) == (4, 0), (name, job.summary)
    assert import_job_confirm(job=job, by=by).status == ImportStatus.DONE, name


def test_importing_the_samples_keeps_the_2020_figures(demo):
    sample_numbers = {"S0001", "S0002", "S0003", "S0004"}
    assert not Employee.objects.filter(employee_number__in=sample_numbers).exists()
    before = hr_statistics(at=AT_2020)
    later_before = hr_statistics(at=LATER).headcount.total
    hr = User.objects.get(email=demo_email(Role.HR))
    for kind, name in (
        (ImportKind.EMPLOYEES, "employes.csv"),
        (ImportKind.CONTRACTS, "contrats.csv"),
        (ImportKind.SALARIES, "salaires.csv"),
    ):
        _import(kind, name, hr)
    assert Employee.objects.filter(employee_number__in=sample_numbers).count() == 4
    after = hr_statistics(at=AT_2020)
    assert after.headcount == before.headcount
    assert after.mix == before.mix
    assert after.pay == before.pay
    assert after.distribution == before.distribution
    # The newcomers do count after their arrival (1 September–1 November 2025): four
    # more people with a contract in force at 31/12/2025 than before the import.
    assert hr_statistics(at=LATER).headcount.total == later_before + 4
