"""Social dialogue: names by date, meetings and minutes, mandates, the calendar."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hr.dialogue import stats
from hr.dialogue.models import Body, Mandate, Meeting
from hr.dialogue.names import BodyNames
from imtsocial.accounts.roles import Role
from tests.social_action.factories import PDF_BYTES

pytestmark = pytest.mark.django_db


def _body(code="ct-csa"):
    return Body.objects.get(code=code)


def test_records_before_2023_keep_the_old_names():
    names, ct = BodyNames(), _body()
    assert names.at(ct.pk, date(2022, 12, 31)) == "Comité technique (CT)"
    assert names.at(ct.pk, date(2023, 1, 1)) == "Comité social d'administration (CSA)"
    chsct = _body("chsct-fs")
    assert names.at(chsct.pk, date(2020, 6, 18)).endswith("(CHSCT)")
    assert names.at(chsct.pk, date(2024, 6, 18)).endswith("(FS-SSCT)")


def test_meetings_held_in_a_year_by_body():
    ct, ca = _body(), _body("ca")
    for day in (date(2020, 3, 5), date(2020, 12, 10)):
        Meeting.objects.create(body=ct, date=day)
    Meeting.objects.create(body=ca, date=date(2020, 6, 25))
    Meeting.objects.create(body=ca, date=date(2021, 1, 14))  # another year
    assert sorted((r["name"], r["meetings"]) for r in stats.meetings_held(2020)) == [
        ("Comité technique (CT)", 2),
        ("Conseil d'administration", 1),
    ]


def test_minutes_must_be_a_pdf_and_a_mandate_cannot_end_before_it_starts(
    client, make_user, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(make_user(Role.HR))
    ct = _body()
    url = reverse("dialogue:meeting_add", args=[ct.pk])
    fake = SimpleUploadedFile("pv.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(url, {"date": "2026-11-05", "minutes": fake})
    assert response.context["form"].errors["minutes"] == [
        "« pv.pdf » n'est pas un document PDF valide."
    ]
    assert not Meeting.objects.exists()
    real = SimpleUploadedFile("PV CSA.pdf", PDF_BYTES, content_type="application/pdf")
    assert client.post(url, {"date": "2026-11-05", "minutes": real}).status_code == 302
    meeting = Meeting.objects.get()
    response = client.get(reverse("dialogue:minutes_download", args=[meeting.pk]))
    assert b"".join(response.streaming_content) == PDF_BYTES

    response = client.post(
        reverse("dialogue:mandate_add", args=[ct.pk]),
        {"member_name": "Mme Durand", "kind": "elected", "starts_on": "2023-01-01",
         "ends_on": "2022-12-31"},
    )  # fmt: skip
    assert response.context["form"].errors["ends_on"] == [
        "Un mandat ne peut pas finir avant de commencer."
    ]
    assert not Mandate.objects.exists()


def test_staff_read_hr_keeps(client, make_user):
    ct = _body()
    client.force_login(make_user(Role.EMPLOYEE))
    assert client.get(reverse("dialogue:calendar")).status_code == 200
    assert client.get(ct.get_absolute_url()).status_code == 200
    assert client.get(reverse("dialogue:meeting_add", args=[ct.pk])).status_code == 403
    assert client.get(reverse("dialogue:mandate_add", args=[ct.pk])).status_code == 403
    client.force_login(make_user())  # a login without a staff record
    assert client.get(reverse("dialogue:calendar")).status_code == 403
    assert client.get(ct.get_absolute_url()).status_code == 404


def test_the_calendar_shows_the_elections_and_runs_constant_queries(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    today = timezone.localdate()
    counts = []
    for added in (5, 20):
        for index in range(added):
            Meeting.objects.create(body=_body(), date=today + timedelta(days=index + 1))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("dialogue:calendar"))
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
    if today <= date(2026, 12, 10):
        assert "scrutin le 10 décembre 2026" in response.content.decode()
