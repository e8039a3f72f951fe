"""Asbestos pages: who sees what (404 for everyone else), the advisor's entries with bad
input refused next to the field and nothing saved, the « Avant d'intervenir » sheet,
constant queries on the lists."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import sections_of
from safety.asbestos import myspace
from safety.asbestos.enums import State
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure
from tests.asbestos.factories import AirMeasurementFactory, AssessmentFactory, LocationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_agent):
    w = type("World", (), {})()
    w.advisor = make_agent(advisor=True)
    w.location = LocationFactory(building="A", room="A203")
    AssessmentFactory(location=w.location, assessed_by="Jeanne Évaluatrice")
    return w


def _urls(w):
    loc = w.location
    return {
        "list": reverse("asbestos:location_list"),
        "create": reverse("asbestos:location_create"),
        "detail": loc.get_absolute_url(),
        "edit": reverse("asbestos:location_edit", args=[loc.pk]),
        "sheets": reverse("asbestos:sheet_list"),
        "sheet": reverse("asbestos:sheet", args=[loc.site_id, loc.building]),
        "stats": reverse("asbestos:stats") + "?year=2020",
    }


READERS = {"list", "detail", "sheets", "sheet", "stats"}
ALLOWED = {
    "advisor": READERS | {"create", "edit"},
    "agent": READERS,
    "manager": READERS,
    "director": READERS,
    "employee": {"sheets", "sheet"},
    "hr": {"sheets", "sheet"},  # HR staff are employees: they open the sheets too
    "none": set(),
}


def _user(who, w, make_user, make_agent):
    if who == "advisor":
        return w.advisor
    if who == "agent":
        return make_agent()
    roles = {
        "manager": Role.MANAGER,
        "director": Role.DIRECTOR,
        "employee": Role.EMPLOYEE,
        "hr": Role.HR,
    }
    return make_user(roles[who]) if who in roles else make_user()


@pytest.mark.parametrize("who", list(ALLOWED))
def test_permission_matrix_of_every_page(client, world, who, make_user, make_agent):
    client.force_login(_user(who, world, make_user, make_agent))
    for name, url in _urls(world).items():
        expected = 200 if name in ALLOWED[who] else 404
        assert client.get(url).status_code == expected, (who, name)


@pytest.mark.parametrize("who", ["agent", "manager", "director", "employee", "none"])
def test_only_the_advisor_writes(client, world, who, make_user, make_agent):
    client.force_login(_user(who, world, make_user, make_agent))
    for kind in ("assessment", "measure", "air"):
        url = reverse("asbestos:child_add", args=[world.location.pk, kind])
        assert client.post(url, {f"{kind}-date": "2020-01-01"}).status_code == 404
    edit = reverse("asbestos:location_edit", args=[world.location.pk])
    assert client.post(edit, {"building": "Z"}).status_code == 404
    assert Assessment.objects.count() == 1 and Location.objects.get().building == "A"


def test_anonymous_is_sent_to_the_login_page(client, world):
    for url in _urls(world).values():
        response = client.get(url)
        assert response.status_code == 302 and "/comptes/" in response["Location"]


def _add(client, location, form_kind, /, **data):
    url = reverse("asbestos:child_add", args=[location.pk, form_kind])
    return client.post(url, {f"{form_kind}-{key}": value for key, value in data.items()})


@pytest.mark.parametrize("score", ["0", "4", "deux", ""])
def test_a_score_outside_1_to_3_is_refused(client, world, score):
    client.force_login(world.advisor)
    response = _add(
        client, world.location, "assessment", date="2021-01-05", score=score, assessed_by="HS"
    )
    assert response.status_code == 200
    errors = response.context["assessment_form"].errors["score"]
    assert "1 à 3" in errors[0]
    assert Assessment.objects.count() == 1


def test_advisor_records_an_assessment_and_the_next_date_follows(client, world):
    client.force_login(world.advisor)
    response = _add(
        client, world.location, "assessment", date="2021-01-05", score="1", assessed_by="HS"
    )
    assert response.status_code == 302
    page = client.get(world.location.get_absolute_url())
    # score 1 on 5 January 2021: re-assess before 5 January 2024
    assert page.context["status"].due_on == date(2024, 1, 5)
    assert "5 janvier 2024" in page.content.decode()


@pytest.mark.parametrize(
    ("kind", "data", "field", "message"),
    [
        ("air", {"fibres_per_litre": "-1", "laboratory": "L"}, "fibres_per_litre", "négative"),
        ("air", {"fibres_per_litre": "beaucoup", "laboratory": "L"}, "fibres_per_litre", "montant"),
        ("air", {"fibres_per_litre": "1", "laboratory": "L", "date": "demain"}, "date", "date"),
        ("air", {"fibres_per_litre": "1", "laboratory": "L", "date": "FUTURE"}, "date", "futur"),
        ("measure", {"kind": "confinement", "done_on": "1990-01-01"}, "done_on", "précède"),
        ("measure", {"kind": "magie", "done_on": "2020-01-01"}, "kind", "choix valide"),
    ],
)
def test_bad_entries_are_refused_next_to_the_field(client, world, kind, data, field, message):
    client.force_login(world.advisor)
    data = {"date": "2020-06-01", **data}
    if data["date"] == "FUTURE":
        data["date"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _add(client, world.location, kind, **data)
    assert response.status_code == 200
    errors = response.context[f"{kind}_form"].errors[field]
    assert message in errors[0], errors
    assert AirMeasurement.objects.count() == 0 and Measure.objects.count() == 0


def test_a_removal_clears_the_location(client, world):
    client.force_login(world.advisor)
    response = _add(
        client, world.location, "measure", kind="removal", done_on="2019-08-23", validated_by="Q"
    )
    assert response.status_code == 302
    world.location.refresh_from_db()
    assert world.location.state == State.REMOVED
    response = _add(
        client, world.location, "assessment", date="2021-01-05", score="2", assessed_by="HS"
    )
    assert "a été retiré" in response.context["assessment_form"].non_field_errors()[0]


def test_location_creation_and_concurrent_edit(client, world):
    client.force_login(world.advisor)
    data = {
        "site": world.location.site_id,
        "building": "G",
        "room": "Façades",
        "element": "Allèges",
        "material": "spandrel",
        "identified_on": "2005-03-15",
        "identified_by": "APAVE",
    }
    assert client.post(reverse("asbestos:location_create"), data).status_code == 302
    location = Location.objects.get(building="G")
    url = reverse("asbestos:location_edit", args=[location.pk])
    assert client.post(url, {**data, "version": "0", "room": "Nord"}).status_code == 302
    response = client.post(url, {**data, "version": "0", "room": "Sud"})
    assert "Quelqu'un d'autre a modifié" in response.context["form"].non_field_errors()[0]
    location.refresh_from_db()
    assert location.room == "Nord"


def test_the_sheet_tells_what_to_know_and_no_personal_data(client, world, make_user):
    AirMeasurementFactory(location=world.location, fibres_per_litre="0.6")
    LocationFactory(building="B", element="Allèges de façade")  # another building
    client.force_login(make_user(Role.EMPLOYEE))
    url = reverse("asbestos:sheet", args=[world.location.site_id, "A"])
    content = client.get(url).content.decode()
    assert "Toute intervention doit être contrôlée" in content
    assert "A203" in content and "Dalles de sol et colle" in content
    assert "0,60 f/L" in content
    assert "Allèges de façade" not in content
    assert "Jeanne" not in content  # who assessed is not on the sheet
    assert 'media="print"' in content
    missing = reverse("asbestos:sheet", args=[world.location.site_id, "Z"])
    assert client.get(missing).status_code == 404


@pytest.mark.parametrize(
    "query", ["?site=abc&state=zz&action=zz", "?page=zzz", "?year=deux", "?site=999999"]
)
def test_non_numeric_filters_do_not_break_the_pages(client, world, query):
    client.force_login(world.advisor)
    for name in ("asbestos:location_list", "asbestos:stats"):
        assert client.get(reverse(name) + query).status_code == 200


def test_filter_on_what_is_due(client, world):
    LocationFactory()  # never assessed: due
    client.force_login(world.advisor)
    page = client.get(reverse("asbestos:location_list") + "?action=due").context["page"]
    # the world's location was assessed score 1 on 10/03/2020: due 10/03/2023, past today
    assert len(page.object_list) == 2
    page = client.get(reverse("asbestos:location_list") + "?action=assess").context["page"]
    assert len(page.object_list) == 1


def test_myspace_of_the_advisor_and_nobody_else(
    world, make_agent, make_user, django_assert_num_queries
):
    request = RequestFactory().get("/")
    request.user = world.advisor
    (section,) = sections_of(myspace.sections, request)
    assert section.todo[0].label == "1 localisation d'amiante à réévaluer ou à traiter"
    request = RequestFactory().get("/")
    request.user = world.advisor  # roles and advisor record already read, rules cached
    with django_assert_num_queries(1):  # the batch: the three counts in one statement
        sections_of(myspace.sections, request)
    request.user = make_agent()
    assert sections_of(myspace.sections, request) == []
    request.user = make_user(Role.EMPLOYEE)
    roles_of(request.user)  # computed once per request by the platform
    with django_assert_num_queries(0):
        assert sections_of(myspace.sections, request) == []


@pytest.mark.parametrize("name", ["list", "sheet", "stats"])
def test_lists_run_the_same_queries_with_2_and_12_rows(client, world, name):
    client.force_login(world.advisor)
    url = _urls(world)[name]

    def count(extra):
        for _ in range(extra):
            location = LocationFactory(site=world.location.site, building="A")
            AssessmentFactory(location=location, score=2)
            AirMeasurementFactory(location=location)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    client.get(url)  # the rules read once, then cached (rules.RULE_READS)
    assert count(2) == count(10)


def test_the_rule_is_kept_by_the_advisor_in_the_reference_pages(client, world, make_agent):
    url = reverse("refdata:table", args=["regle-amiante"])
    client.force_login(world.advisor)
    response = client.get(url)
    assert response.status_code == 200 and "R. 1334-27" in response.content.decode()
    client.force_login(make_agent())
    assert client.get(url).status_code in (403, 404)
