"""Declared (manual) values: HR enters them with their source, French errors next to
the fields, one value per code and year, optimistic lock, history; the director reads."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.reports.models import DeclaredValue

pytestmark = pytest.mark.django_db

CREATE = reverse("reports:declared_create")
GOOD = {"code": "newsletters", "year": "2020", "value": "47", "on": "31/12/2020",
        "source": "Archives de la lettre interne"}  # fmt: skip


@pytest.fixture
def hr(client, make_user):
    user = make_user(Role.HR, first_name="Hélène", last_name="Ressources")
    client.force_login(user)
    return user


def _errors(response):
    return {name: list(errors) for name, errors in response.context["form"].errors.items()}


def test_hr_declares_a_value_and_sees_who_entered_it(client, hr):
    response = client.post(CREATE, GOOD)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:declared_list") + "?annee=2020"
    value = DeclaredValue.objects.get(code="newsletters", year=2020)
    assert (value.value, value.on, value.entered_by) == (Decimal("47"), date(2020, 12, 31), hr)
    page = client.get(response["Location"]).content.decode()
    assert "Lettres d&#x27;information internes publiées" in page
    assert "Archives de la lettre interne" in page
    assert hr.get_full_name() in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"value": "-3"}, "value", "La valeur doit être positive ou nulle."),
        ({"value": "beaucoup"}, "value", "Indiquez un nombre, par exemple 47 ou 12,5."),
        ({"on": "15/01/2021"}, "on", "La date doit être comprise dans l'année 2020."),
        ({"code": "salaires"}, "code", "Indicateur inconnu"),
        ({"code": "pay_permanent_average"}, "code", "Indicateur inconnu"),  # computed, not declared
        ({"code": "green_line", "value": "2"}, "value", "indiquez 1 (oui) ou 0 (non)"),
        ({"source": ""}, "source", "Indiquez la source de la valeur."),
        ({"year": "2999"}, "year", "Choisissez une année passée ou l'année en cours."),
    ],
)
def test_bad_input_is_told_in_french_next_to_the_field(client, hr, changes, field, message):
    response = client.post(CREATE, {**GOOD, **changes})
    assert response.status_code == 200
    assert any(message in error for error in _errors(response)[field])
    assert not DeclaredValue.objects.exists()
    # Nothing typed is lost.
    assert response.context["form"].data["source"] == {**GOOD, **changes}["source"]


def test_a_second_value_for_the_same_code_and_year_is_refused_clearly(client, hr):
    assert client.post(CREATE, GOOD).status_code == 302
    response = client.post(CREATE, {**GOOD, "value": "48"})
    assert response.status_code == 200
    assert (
        "Une valeur est déjà déclarée pour cet indicateur en 2020" in _errors(response)["code"][0]
    )
    assert DeclaredValue.objects.get().value == Decimal("47")


def test_an_edit_keeps_the_history_and_a_stale_form_is_refused(client, hr):
    client.post(CREATE, GOOD)
    value = DeclaredValue.objects.get()
    url = reverse("reports:declared_edit", args=[value.pk])
    page = client.get(url)
    version = page.context["form"].initial["version"]
    edit = {**GOOD, "value": "48", "version": version}
    assert client.post(url, edit).status_code == 302
    # A second page opened before that save still holds the old version.
    response = client.post(url, {**GOOD, "value": "50", "version": version})
    assert response.status_code == 200
    assert (
        "Quelqu'un d'autre a modifié cet élément" in response.context["form"].non_field_errors()[0]
    )
    value.refresh_from_db()
    assert value.value == Decimal("48")
    assert [h.value for h in value.history.order_by("history_date")] == [47, 48]
    history = client.get(url).content.decode()
    assert "47" in history and "48" in history and "Historique des modifications" in history


def test_the_code_and_year_of_a_value_cannot_be_changed_by_its_edit(client, hr):
    client.post(CREATE, GOOD)
    value = DeclaredValue.objects.get()
    url = reverse("reports:declared_edit", args=[value.pk])
    version = client.get(url).context["form"].initial["version"]
    client.post(url, {**GOOD, "code": "testimonials", "year": "2019", "version": version})
    value.refresh_from_db()
    assert (value.code, value.year) == ("newsletters", 2020)


def test_the_director_reads_the_values_but_cannot_enter_or_edit_them(client, make_user):
    hr = make_user(Role.HR)
    value = DeclaredValue.objects.create(
        code="testimonials", year=2020, value=50, on=date(2020, 12, 31), source="Intranet",
        entered_by=hr,
    )  # fmt: skip
    client.force_login(make_user(Role.DIRECTOR))
    page = client.get(reverse("reports:declared_list") + "?annee=2020")
    assert page.status_code == 200
    assert "Témoignages publiés" in page.content.decode()
    assert reverse("reports:declared_edit", args=[value.pk]) not in page.content.decode()
    assert client.get(CREATE).status_code == 404
    assert client.post(CREATE, GOOD).status_code == 404
    edit = reverse("reports:declared_edit", args=[value.pk])
    assert client.get(edit).status_code == 404
    assert not DeclaredValue.objects.filter(code="newsletters").exists()


def test_an_unknown_value_id_is_not_found(client, hr):
    assert client.get(reverse("reports:declared_edit", args=[999999])).status_code == 404


def test_the_list_of_a_year_takes_the_same_number_of_queries_at_two_sizes(
    client, hr, django_assert_num_queries
):
    url = reverse("reports:declared_list") + "?annee=2020"
    DeclaredValue.objects.create(
        code="newsletters", year=2020, value=47, on=date(2020, 12, 31), source="A", entered_by=hr
    )
    client.get(url)  # warm the session
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for code in ("testimonials", "workstation_photos", "green_line"):
        DeclaredValue.objects.create(
            code=code, year=2020, value=1, on=date(2020, 6, 1), source="B", entered_by=hr
        )
    with django_assert_num_queries(len(small)):
        client.get(url)
