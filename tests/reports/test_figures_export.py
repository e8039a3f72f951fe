"""The figures page and its CSV/XLSX export: content, formula-safe cells, the director
and HR only (every other role 404)."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from hr.enums import ContractKind
from imtsocial.accounts.roles import Role
from imtsocial.reports.models import DeclaredValue
from tests.factories import ContractFactory, SalaryRecordFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"
OTHER_ROLES = [None, *[role for role in Role if role not in (Role.HR, Role.DIRECTOR)]]
HOSTILE_SOURCE = '=HYPERLINK("http://evil.example","clic")'


@pytest.fixture
def data(make_user):
    """Two civil servants at 3 000 and 4 000 € (average 3 500 €) and a declared value
    whose source looks like a formula."""
    for salary in ("3000", "4000"):
        contract = ContractFactory(kind=ContractKind.TITULAIRE)
        SalaryRecordFactory(contract=contract, gross_monthly=Decimal(salary))
    DeclaredValue.objects.create(
        code="newsletters",
        year=2020,
        value=Decimal("47"),
        on=date(2020, 12, 31),
        source=HOSTILE_SOURCE,
        entered_by=make_user(Role.HR),
    )


def _url(fmt, year=2020):
    return reverse("reports:figures_export", kwargs={"year": year, "format": fmt})


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_the_csv_holds_every_indicator_with_its_values_and_neutralised_text(
    client, make_user, data
):
    client.force_login(make_user(Role.DIRECTOR))
    response = client.get(_url("csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="ddrs-indicateurs-2020.csv"' in response["Content-Disposition"]
    header, *rows = _csv_rows(response)
    assert header[:6] == ["code", "section", "indicateur", "annee", "valeur", "valeur_affichee"]
    by_code = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    pay = by_code["pay_permanent_average"]
    assert (pay["valeur"], pay["valeur_affichee"]) == ("3500,00", f"3{NBSP}500{NBSP}€")
    assert pay["page_source"] == "http://testserver/rh/statistiques/"
    newsletters = by_code["newsletters"]
    assert newsletters["declaree"] == "oui"
    # The source starts with « = »: written as text, never as a formula.
    assert newsletters["source_declaree"].startswith("'=HYPERLINK")
    # 2 people in post: « < 5 », and the number itself is not exported.
    headcount = by_code["staff_headcount"]
    assert (headcount["valeur"], headcount["valeur_affichee"]) == ("", "< 5")


def test_the_xlsx_holds_the_same_rows_as_text_cells(client, make_user, data):
    client.force_login(make_user(Role.HR))
    response = client.get(_url("xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=False))
    header = [cell.value for cell in rows[0]]
    by_code = {row[0].value: dict(zip(header, row, strict=True)) for row in rows[1:]}
    source = by_code["newsletters"]["source_declaree"]
    assert source.value.startswith("'=HYPERLINK") and source.data_type == "s"
    assert by_code["pay_permanent_average"]["valeur"].value == "3500,00"
    assert by_code["pay_permanent_average"]["valeur_affichee"].value == f"3{NBSP}500{NBSP}€"


def test_the_figures_page_shows_the_table_grouped_by_section(client, make_user, data):
    client.force_login(make_user(Role.DIRECTOR))
    response = client.get(reverse("reports:figures", kwargs={"year": 2020}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>Indicateurs du chapitre ODD 8 au 31 décembre 2020</caption>" in html
    assert html.count('scope="rowgroup"') == 5  # sections A to E
    assert f"3{NBSP}500{NBSP}€" in html
    assert "déclarée" in html


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_every_other_role_gets_a_404(client, user_with_role, role):
    client.force_login(user_with_role(role))
    for url in (
        _url("csv"),
        _url("xlsx"),
        reverse("reports:figures", kwargs={"year": 2020}),
        reverse("reports:declared_list"),
        reverse("reports:declared_create"),
    ):
        assert client.get(url).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_the_login(client):
    response = client.get(_url("csv"))
    assert response.status_code in (302, 404)
    assert b"2020" not in response.content


@pytest.mark.parametrize("url", [_url("pdf"), _url("csv", year=2999), _url("xlsx", year=1990)])
def test_an_unknown_format_or_a_future_year_is_not_found(client, make_user, url):
    client.force_login(make_user(Role.HR))
    assert client.get(url).status_code == 404
