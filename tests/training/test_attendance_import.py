"""The attendance-sheet import through the platform job: every bad row reported with its
line and column, nothing written before the confirmation, then the hours recorded."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from hr.training.enums import EnrolmentStatus
from hr.training.models import Enrolment
from imtsocial.accounts.roles import Role
from imtsocial.imports.services import import_job_analyse, import_job_confirm, import_job_create
from tests.factories import EmployeeFactory
from tests.training.factories import CourseFactory, EnrolmentFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _analysed(hr, *lines):
    upload = SimpleUploadedFile("presences.csv", ("\n".join(lines) + "\n").encode())
    job = import_job_create(kind="training.attendance", uploaded_file=upload, by=hr)
    return import_job_analyse(job=job)


def test_an_attendance_sheet_is_checked_then_recorded(make_user):
    hr = make_user(Role.HR)
    session = SessionFactory(
        course=CourseFactory(hours=Decimal(14)), starts_on=timezone.localdate() - timedelta(days=3)
    )
    a, b, c, stranger = (EmployeeFactory() for _i in range(4))
    for person in (a, b, c):
        EnrolmentFactory(session=session, employee=person, status=EnrolmentStatus.APPROVED)
    s = session.pk
    bad = _analysed(
        hr,
        "session;matricule;heures",
        f"{s};{a.employee_number};15",
        f"{s};{stranger.employee_number};7",
        f"{s};{b.employee_number};-2",
    )
    assert [(e["line"], e["column"], e["message"]) for e in bad.summary["errors"]] == [
        (2, "heures", "Heures invalides : « 15 » (entre 0 et 14, ou « absent »)."),
        (3, "matricule", "Cet agent n'est pas inscrit (inscription acceptée) à cette session."),
        (4, "heures", "Heures invalides : « -2 » (entre 0 et 14, ou « absent »)."),
    ]
    assert not Enrolment.objects.filter(status=EnrolmentStatus.ATTENDED).exists()
    good = _analysed(
        hr,
        "session;matricule;heures",
        f"{s};{a.employee_number};",
        f"{s};{b.employee_number};10,5",
        f"{s};{c.employee_number};absent",
    )
    assert good.summary["errors"] == []
    import_job_confirm(job=good, by=hr)
    got = {e.employee_id: (e.status, e.attended_hours) for e in Enrolment.objects.all()}
    assert got == {
        a.pk: (EnrolmentStatus.ATTENDED, Decimal(14)),
        b.pk: (EnrolmentStatus.ATTENDED, Decimal("10.5")),
        c.pk: (EnrolmentStatus.ABSENT, None),
    }
