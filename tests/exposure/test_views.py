"""Exposure pages: who sees what (404 for everyone else), bad input refused next to the
field with nothing saved, an exceedance flagged with a to-do and an e-mail for the
advisor, constant queries on the lists."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import sections_of
from safety.exposure import myspace
from safety.exposure.enums import Verdict
from safety.exposure.models import Measurement, MeasurementCampaign, Substance
from tests import pdfs
from tests.exposure.factories import (
    GLYCOL,
    HEXANE,
    STYRENE,
    CampaignFactory,
    MeasurementFactory,
    substance,
)
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db
PDF_BYTES = pdfs.PDF_BYTES  # a real PDF: uploads are opened by a PDF parser


@pytest.fixture
def world(make_user, make_agent, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    w = type("World", (), {})()
    w.advisor = make_agent(advisor=True)
    w.agent = make_agent()
    w.manager = make_user(Role.MANAGER)
    w.unit_a = WorkUnitFactory(agents=[w.agent], department=w.manager.employee.department)
    w.unit_b = WorkUnitFactory()
    w.campaign_a = CampaignFactory(work_unit=w.unit_a)
    w.campaign_a.report.save("rapport.pdf", SimpleUploadedFile("rapport.pdf", PDF_BYTES))
    w.campaign_b = CampaignFactory(work_unit=w.unit_b)
    w.measurement = MeasurementFactory(
        campaign=w.campaign_a, value=Decimal(150), verdict=Verdict.OVER
    )
    w.other_measurement = MeasurementFactory(campaign=w.campaign_b)
    w.substance = substance(STYRENE)
    return w


def _urls(w):
    return {
        "list": reverse("exposure:campaign_list"),
        "create": reverse("exposure:campaign_create"),
        "detail_a": reverse("exposure:campaign_detail", args=[w.campaign_a.pk]),
        "detail_b": reverse("exposure:campaign_detail", args=[w.campaign_b.pk]),
        "edit_a": reverse("exposure:campaign_edit", args=[w.campaign_a.pk]),
        "edit_b": reverse("exposure:campaign_edit", args=[w.campaign_b.pk]),
        "report_a": reverse("exposure:campaign_report", args=[w.campaign_a.pk]),
        "history": reverse("exposure:history")
        + f"?work_unit={w.unit_a.pk}&substance={w.substance.pk}",
        "substances": reverse("exposure:substance_list"),
        "substance_create": reverse("exposure:substance_create"),
        "substance_edit": reverse("exposure:substance_edit", args=[w.substance.pk]),
        "stats": reverse("exposure:stats") + "?year=2020",
    }


ALL = {
    "list",
    "create",
    "detail_a",
    "detail_b",
    "edit_a",
    "edit_b",
    "report_a",
    "history",
    "substances",
    "substance_create",
    "substance_edit",
    "stats",
}
AGENT_READ = {"list", "detail_a", "detail_b", "report_a", "history", "substances", "stats"}
ALLOWED = {
    "advisor": ALL,
    "agent": AGENT_READ | {"create", "edit_a"},
    "manager": {"list", "detail_a", "report_a", "history", "substances"},
    "director": {"stats"},
    "employee": set(),
    "hr": set(),
    "none": set(),
}


def _login(client, w, who, make_user):
    users = {
        "advisor": w.advisor,
        "agent": w.agent,
        "manager": w.manager,
        "director": lambda: make_user(Role.DIRECTOR),
        "employee": lambda: make_user(Role.EMPLOYEE),
        "hr": lambda: make_user(Role.HR),
        "none": lambda: make_user(),
    }
    user = users[who]
    client.force_login(user() if callable(user) else user)


@pytest.mark.parametrize("who", list(ALLOWED))
def test_permission_matrix_of_every_page(client, world, who, make_user):
    _login(client, world, who, make_user)
    for name, url in _urls(world).items():
        expected = 200 if name in ALLOWED[who] else 404
        response = client.get(url)
        if response.streaming:  # the report, streamed from its file: read it to the end
            assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response.status_code == expected, (who, name)


@pytest.mark.parametrize("who", ["agent", "manager", "director", "employee", "none"])
def test_posts_of_others_answer_404_and_change_nothing(client, world, who, make_user):
    _login(client, world, who, make_user)
    before = Measurement.objects.count()
    target = world.campaign_b if who == "agent" else world.campaign_a
    other = world.other_measurement if who == "agent" else world.measurement
    urls = [
        reverse("exposure:measurement_add", args=[target.pk]),
        reverse("exposure:measurement_delete", args=[other.pk]),
        reverse("exposure:measurement_review", args=[world.measurement.pk]),
    ]
    for url in urls:
        assert client.post(url, {"note": "vu", "value": "1"}).status_code == 404, url
    assert Measurement.objects.count() == before
    world.measurement.refresh_from_db()
    assert world.measurement.reviewed_at is None


def test_anonymous_is_sent_to_the_login_page(client, world):
    for url in _urls(world).values():
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/" in response["Location"]


def _measure(client, campaign, **data):
    payload = {
        "substance": substance(STYRENE).pk,
        "kind": "8h",
        "duration_minutes": "420",
        "value": "12,5",
        "unit": "mg_m3",
        **data,
    }
    return client.post(reverse("exposure:measurement_add", args=[campaign.pk]), payload)


def test_agent_records_a_compliant_measurement_in_their_unit(client, world):
    client.force_login(world.agent)
    response = _measure(client, world.campaign_a)
    assert response.status_code == 302
    measurement = Measurement.objects.latest("pk")
    assert (measurement.value, measurement.verdict) == (Decimal("12.5"), Verdict.COMPLIANT)
    assert measurement.limit_value == Decimal(100)
    assert len(mail.outbox) == 0


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"unit": ""}, "unit", "Précisez l'unité de la valeur mesurée."),
        ({"value": "-0,5"}, "value", "Une concentration n'est pas négative."),
        ({"value": "beaucoup"}, "value", "Saisissez un montant"),
        ({"duration_minutes": "0"}, "duration_minutes", "supérieure ou égale à 1"),
        ({"substance": "abc"}, "substance", "Sélectionnez un choix valide"),
    ],
)
def test_bad_measurements_are_refused_next_to_the_field(client, world, data, field, message):
    client.force_login(world.agent)
    before = Measurement.objects.count()
    response = _measure(client, world.campaign_a, **data)
    assert response.status_code == 200
    form = response.context["measurement_form"]
    assert any(message in error for error in form.errors[field]), form.errors
    assert Measurement.objects.count() == before


def test_ppm_without_molar_mass_is_refused_next_to_the_unit(client, world):
    toluene = Substance.objects.create(name="Toluène", cas_number="108-88-3")
    from tests.exposure.factories import LimitValueFactory

    LimitValueFactory(substance=toluene)
    client.force_login(world.agent)
    response = _measure(client, world.campaign_a, substance=toluene.pk, unit="ppm")
    assert response.status_code == 200
    assert "ne peut pas être convertie" in response.context["measurement_form"].errors["unit"][0]


def test_an_exceedance_is_flagged_mailed_and_a_todo_of_the_advisor(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.agent)
    with django_capture_on_commit_callbacks(execute=True):
        # short-term styrene limit 200 mg/m³: 200,01 is over
        _measure(client, world.campaign_a, kind="15min", duration_minutes="15", value="200,01")
    measurement = Measurement.objects.latest("pk")
    assert measurement.verdict == Verdict.OVER
    (message,) = mail.outbox
    assert message.to == [world.advisor.email]
    assert "200" not in message.body and "Styrène" not in message.body
    assert world.unit_a.code not in message.body
    page = client.get(world.campaign_a.get_absolute_url())
    assert page.content.decode().count("Dépassement") >= 2  # both exceedances flagged
    request = RequestFactory().get("/")
    request.user = world.advisor
    (section,) = sections_of(myspace.sections, request)
    # the fixture's exceedance plus this one, neither examined yet
    assert section.todo[0].label == "2 dépassements de valeur limite à examiner"
    request.user = world.agent  # both in the agent's unit: waiting for the advisor
    (section,) = sections_of(myspace.sections, request)
    assert section.items[0].label == (
        "2 dépassements dans mes unités attendent l'examen du conseiller"
    )
    assert section.todo == []


def test_the_advisor_examines_an_exceedance_and_the_todo_goes(client, world):
    client.force_login(world.advisor)
    url = reverse("exposure:measurement_review", args=[world.measurement.pk])
    client.post(url, {"note": ""})
    world.measurement.refresh_from_db()
    assert world.measurement.reviewed_at is None
    client.post(url, {"note": "Captage renforcé, nouvelle mesure en mars."})
    world.measurement.refresh_from_db()
    assert world.measurement.reviewed_by == world.advisor
    request = RequestFactory().get("/")
    request.user = world.advisor
    assert sections_of(myspace.sections, request) == []
    request.user = world.agent
    assert sections_of(myspace.sections, request) == []


def test_no_exposure_section_and_no_query_for_other_people(
    world, make_user, django_assert_num_queries
):
    request = RequestFactory().get("/")
    request.user = make_user(Role.EMPLOYEE)
    roles_of(request.user)  # computed once per request by the platform
    with django_assert_num_queries(0):
        assert sections_of(myspace.sections, request) == []


def _campaign_post(client, unit, **data):
    payload = {"work_unit": unit.pk, "date": "2020-11-03", "laboratory": "Labo", **data}
    return client.post(reverse("exposure:campaign_create"), payload)


def test_campaign_creation_and_its_bad_input(client, world):
    client.force_login(world.agent)
    before = MeasurementCampaign.objects.count()
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _campaign_post(client, world.unit_a, date=tomorrow)
    assert "la date est future" in response.context["form"].errors["date"][0]
    fake = SimpleUploadedFile("rapport.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    response = _campaign_post(client, world.unit_a, report=fake)
    assert "n'est pas un document PDF valide" in response.context["form"].errors["report"][0]
    response = _campaign_post(client, world.unit_b)  # not one of the agent's units
    assert "Sélectionnez un choix valide" in response.context["form"].errors["work_unit"][0]
    assert MeasurementCampaign.objects.count() == before
    report = SimpleUploadedFile("r.pdf", PDF_BYTES, content_type="application/pdf")
    response = _campaign_post(client, world.unit_a, report=report)
    assert response.status_code == 302
    campaign = MeasurementCampaign.objects.latest("pk")
    assert (campaign.created_by, campaign.report.name.endswith(".pdf")) == (world.agent, True)


def test_two_people_editing_a_campaign_the_second_is_told(client, world):
    client.force_login(world.agent)
    url = reverse("exposure:campaign_edit", args=[world.campaign_a.pk])
    data = {"work_unit": world.unit_a.pk, "date": "2020-10-06", "laboratory": "Autre labo"}
    assert client.post(url, {**data, "version": "0"}).status_code == 302
    response = client.post(url, {**data, "laboratory": "Troisième", "version": "0"})
    assert response.status_code == 200
    assert "Quelqu'un d'autre a modifié" in response.context["form"].non_field_errors()[0]
    world.campaign_a.refresh_from_db()
    assert world.campaign_a.laboratory == "Autre labo"


def test_a_new_campaign_date_recomputes_the_verdicts(client, world):
    """150 mg/m³ of styrene is over 100 in 2020; before the limit existed (2009) there
    is no limit to compare with."""
    client.force_login(world.advisor)
    url = reverse("exposure:campaign_edit", args=[world.campaign_a.pk])
    data = {"work_unit": world.unit_a.pk, "date": "2009-06-01", "laboratory": "Labo"}
    assert client.post(url, {**data, "version": "0"}).status_code == 302
    world.measurement.refresh_from_db()
    assert (world.measurement.verdict, world.measurement.limit_value) == (Verdict.NO_LIMIT, None)


def test_substance_with_a_wrong_cas_check_digit_is_refused(client, world):
    client.force_login(world.advisor)
    url = reverse("exposure:substance_create")
    response = client.post(url, {"name": "Toluène", "cas_number": "108-88-4", "active": "on"})
    assert response.status_code == 200
    assert "(3 attendu)" in response.context["form"].errors["cas_number"][0]
    assert not Substance.objects.filter(name="Toluène").exists()
    response = client.post(url, {"name": "Toluène", "cas_number": "108-88-3", "active": "on"})
    assert response.status_code == 302
    response = client.post(url, {"name": "Doublon", "cas_number": "110-54-3"})
    assert "déjà ce numéro CAS" in response.context["form"].errors["cas_number"][0]


@pytest.mark.parametrize(
    "query",
    ["?work_unit=abc&year=deux-mille&over=x", "?page=zzz", "?year=99999", "?work_unit=999999"],
)
def test_non_numeric_filters_do_not_break_the_pages(client, world, query):
    client.force_login(world.advisor)
    for name in ("exposure:campaign_list", "exposure:history", "exposure:stats"):
        assert client.get(reverse(name) + query).status_code == 200


def test_history_shows_the_series_of_a_unit_and_substance(client, world):
    client.force_login(world.manager)
    later = CampaignFactory(
        work_unit=world.unit_a, date=world.campaign_a.date + timedelta(days=400)
    )
    MeasurementFactory(campaign=later, value=Decimal(40))
    MeasurementFactory(campaign=later, substance=substance(HEXANE))  # another substance
    url = (
        reverse("exposure:history") + f"?work_unit={world.unit_a.pk}&substance={world.substance.pk}"
    )
    page = client.get(url).context["page"]
    assert [m.value for m in page] == [Decimal(40), Decimal(150)]  # newest first
    other = reverse("exposure:history") + f"?work_unit={world.unit_b.pk}&substance=1"
    assert client.get(other).context["form"].errors  # a unit outside the department


@pytest.mark.parametrize(
    "name", ["exposure:campaign_list", "exposure:history", "exposure:substance_list"]
)
def test_lists_run_the_same_queries_with_2_and_12_rows(client, world, name):
    client.force_login(world.advisor)
    url = reverse(name)
    if name == "exposure:history":
        url += f"?work_unit={world.unit_a.pk}&substance={world.substance.pk}"

    def count(extra):
        for index in range(extra):
            campaign = CampaignFactory(work_unit=world.unit_a)
            MeasurementFactory(campaign=campaign, substance=substance(GLYCOL))
            MeasurementFactory(campaign=campaign)
            if name == "exposure:substance_list":
                Substance.objects.create(name=f"S{index}-{extra}", cas_number=_cas(index, extra))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(2) == count(10)


def _cas(index, extra):
    digits = f"{50 + extra}{index:02d}"
    from safety.exposure.cas import cas_check_digit

    body = f"{digits}{index:02d}"
    return f"{digits}-{index:02d}-{cas_check_digit(body)}"


def test_the_limit_values_are_kept_by_the_advisor_in_the_reference_pages(client, world):
    url = reverse("refdata:table", args=["valeurs-limites-exposition"])
    client.force_login(world.advisor)
    content = client.get(url).content.decode()
    assert "Styrène" in content and "α-Méthylstyrène" in content
    client.force_login(world.agent)
    assert client.get(url).status_code in (403, 404)
