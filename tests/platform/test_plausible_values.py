"""Dates, identifiers and amounts that cannot be true are refused, in forms and imports,
by the kit (bounds in settings.DATE_BOUNDS, patterns in settings.IDENTIFIER_PATTERNS, one
amount parser) with a French message next to the field or on the row."""

import html
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from hr.enums import ImportKind
from hr.forms import EmployeeForm
from imtsocial.accounts.roles import Role
from imtsocial.formats import date_bounds
from imtsocial.imports.models import ImportJob, ImportStatus
from imtsocial.imports.tasks import analyse_import
from imtsocial.imports.widgets import AmountWidget
from safety.forms import ActionStatusForm
from telework.forms import AssetForm, CheckinForm
from telework.models import Asset, Loan
from tests.factories import SiteFactory
from tests.telework.factories import AssetFactory

pytestmark = pytest.mark.django_db


def in_five_years() -> str:
    today = timezone.localdate()
    return f"{today.replace(year=today.year + 5):%d/%m/%Y}"


def test_the_bounds_come_from_the_settings(settings):
    settings.DATE_BOUNDS = {
        **settings.DATE_BOUNDS,
        "due": {"earliest": "2000-01-01", "years_ahead": 1},
    }
    today = timezone.localdate()
    assert date_bounds("due") == (date(2000, 1, 1), today.replace(year=today.year + 1))


def test_a_loan_return_date_in_9999_is_refused_next_to_the_field(client, make_user):
    asset = AssetFactory()
    agent = make_user(Role.EMPLOYEE)
    client.force_login(make_user(Role.IT))
    response = client.post(
        reverse("telework:loan_checkout", args=[asset.pk]),
        {
            "employee_number": agent.employee.employee_number,
            "out_on": f"{timezone.localdate():%Y-%m-%d}",
            "due_on": "9999-12-31",
        },
    )
    assert response.status_code == 400  # the form again, with its errors
    # the « due » bounds: 01/01/1950 to today + 5 years
    assert response.context["form"].errors["due_on"] == [
        "Cette date (31/12/9999) n'est pas plausible : indiquez une date entre le 01/01/1950 "
        f"et le {in_five_years()}."
    ]
    assert "Cette date (31/12/9999) n'est pas plausible" in html.unescape(response.content.decode())
    assert not Loan.objects.exists()


@pytest.mark.parametrize(
    ("form_class", "data", "field"),
    [
        (CheckinForm, {"returned_on": "9999-12-31", "condition": "good"}, "returned_on"),
        (ActionStatusForm, {"status": "done", "done_on": "9999-12-31", "version": 0}, "done_on"),
    ],
)
def test_something_done_cannot_be_done_in_the_future(form_class, data, field):
    form = form_class(data=data)
    assert form.errors[field] == [
        "Cette date (31/12/9999) est dans le futur : elle ne peut pas l'être."
    ]


def _employee_data(**changes):
    return {
        "employee_number": "S0001",
        "last_name": "Durand",
        "first_name": "Léa",
        "work_email": "lea.durand@ecole.fr",
        "birth_date": "1985-05-02",
        "version": 0,
    } | changes


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"employee_number": "0000-00-00"},
            "employee_number",
            "Matricule invalide : « 0000-00-00 » (attendu : jusqu'à 4 lettres puis des "
            "chiffres, par exemple S0001).",
        ),
        (
            {"birth_date": "1850-01-01"},
            "birth_date",
            "Cette date (01/01/1850) n'est pas plausible : indiquez une date entre le "
            f"01/01/1900 et le {timezone.localdate():%d/%m/%Y}.",
        ),
    ],
)
def test_an_employee_file_refuses_what_cannot_be_true(changes, field, message):
    form = EmployeeForm(data=_employee_data(**changes))
    assert form.errors[field] == [message]


def test_an_asset_tag_must_look_like_one():
    form = AssetForm(data={"tag": "NaN", "kind": "laptop"})
    assert form.errors["tag"] == [
        "Numéro d'inventaire invalide : « NaN » (attendu : des lettres, un tiret facultatif "
        "puis des chiffres, par exemple PC-0001)."
    ]
    assert "tag" not in AssetForm(data={"tag": "PORT-0042", "kind": "laptop"}).errors


# Imports ---------------------------------------------------------------------------------


def _analysed(client, kind, name, content) -> ImportJob:
    client.post(reverse("imports:list"), {"kind": kind, "file": SimpleUploadedFile(name, content)})
    job = ImportJob.objects.get()
    analyse_import(job.pk)
    job.refresh_from_db()
    return job


def test_an_inventory_import_refuses_nan_as_a_tag(client, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    SiteFactory(code="clavieres")
    client.force_login(make_user(Role.IT))
    content = (
        b"inventaire;serie;type;modele;site;etat;vpn;visio\n"
        b"NaN;S1;portable;Latitude;clavieres;stock;oui;oui\n"
        b"PC-0001;S2;portable;Latitude;clavieres;stock;oui;oui\n"
    )
    job = _analysed(client, "telework.assets", "inventaire.csv", content)
    assert job.status == ImportStatus.INVALID
    assert [(e["line"], e["column"], e["message"]) for e in job.summary["errors"]] == [
        (
            2,
            "inventaire",
            "Numéro d'inventaire invalide : « NaN » (attendu : des lettres, un tiret "
            "facultatif puis des chiffres, par exemple PC-0001).",
        )
    ]
    assert not Asset.objects.exists()


def test_an_hr_import_refuses_an_impossible_number_and_date(client, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(make_user(Role.HR))
    header = "matricule;nom;prenom;email;site;service;responsable;date_arrivee;date_depart;"
    header += "categorie;corps;grade;fonction"
    content = (header + "\n0000-00-00;Durand;Léa;;;;;31/12/9999;;;;;\n").encode()
    job = _analysed(client, ImportKind.EMPLOYEES, "agents.csv", content)
    found = {(e["column"], e["message"]) for e in job.summary["errors"]}
    assert (
        "matricule",
        "Matricule invalide : « 0000-00-00 » (attendu : jusqu'à 4 lettres puis des chiffres, "
        "par exemple S0001).",
    ) in found
    # the « event » bounds: 01/01/1900 to today + 50 years
    today = timezone.localdate()
    assert (
        "date_arrivee",
        "Cette date (31/12/9999) n'est pas plausible : indiquez une date entre le 01/01/1900 "
        f"et le {today.replace(year=today.year + 50):%d/%m/%Y}.",
    ) in found
    # the preview shows them in the reader's language: English too
    page = client.get(reverse("imports:detail", args=[job.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "31/12/9999" in html.unescape(page.content.decode())


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("4 090,50", Decimal("4090.50")),
        ("4\u00a0090,50", Decimal("4090.50")),
        ("4\u202f090,50", Decimal("4090.50")),
        ("4090,50", Decimal("4090.50")),
        ("4090.50", Decimal("4090.50")),
    ],
)
def test_an_import_reads_french_amounts(cell, amount):
    assert AmountWidget().clean(cell) == amount


@pytest.mark.parametrize("cell", ["1e3", "4.090,50", "4,090.50", "4,090", "NaN"])
def test_an_import_refuses_scientific_and_ambiguous_amounts(cell):
    with pytest.raises(ValueError, match=f"Montant invalide : « {cell} »"):
        AmountWidget().clean(cell)
