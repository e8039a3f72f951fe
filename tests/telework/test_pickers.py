"""The asset search and the loan forms that use the person and asset pickers."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imtsocial.accounts.roles import Role
from telework.enums import AssetKind, AssetState
from telework.models import Loan
from tests.factories import EmployeeFactory
from tests.telework.factories import AssetFactory

pytestmark = pytest.mark.django_db

SEARCH = reverse("telework:asset_search")
NEW_LOAN = reverse("telework:loan_create")


def _search(client, q):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200
    return response.json()["results"]


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.IT, 200),
        (Role.HR, 403),
        (Role.PREVENTION, 403),
        (Role.MANAGER, 403),
        (Role.EMPLOYEE, 403),
        (None, 403),
    ],
)
def test_only_it_searches_the_inventory(client, user_with_role, role, status):
    client.force_login(user_with_role(role))
    assert client.get(SEARCH, {"q": "po"}).status_code == status
    assert client.get(NEW_LOAN).status_code == status


def test_finds_assets_in_stock_by_tag_serial_or_model(client, make_user):
    client.force_login(make_user(Role.IT))
    laptop = AssetFactory(tag="PORT-0042", serial="SN-XY-1", model_name="Latitude Écran 14")
    AssetFactory(tag="PORT-0043", state=AssetState.LENT)
    AssetFactory(tag="PORT-0044", state=AssetState.REPAIR)

    expected = [
        {
            "value": "PORT-0042",
            "label": "Ordinateur portable Latitude Écran 14",
            "hint": f"{laptop.site.name} — En stock",
        }
    ]
    # PORT-0043 is lent, PORT-0044 in repair: neither can be lent.
    assert _search(client, "port") == expected
    assert _search(client, "xy-1") == expected
    assert _search(client, "latitude ecran") == expected


def test_at_most_ten_assets_with_a_constant_number_of_queries(client, make_user):
    client.force_login(make_user(Role.IT))

    def count(how_many):
        for _ in range(how_many):
            AssetFactory(kind=AssetKind.LAPTOP, model_name="ThinkPad")
        with CaptureQueriesContext(connection) as queries:
            found = _search(client, "thinkpad")
        return len(found), len(queries)

    small, large = count(2), count(10)  # 2 then 12 in stock: 2 then 10 sent
    assert (small[0], large[0]) == (2, 10)
    assert small[1] == large[1]


def _loan_data(**overrides):
    return {"out_on": "2026-01-05", "due_on": "2026-06-30", **overrides}


def test_the_chosen_label_and_the_typed_number_both_designate_the_borrower(client, make_user):
    client.force_login(make_user(Role.IT))
    borrower = EmployeeFactory(first_name="Léa", last_name="Roux", employee_number="E0077")
    first, second = AssetFactory(), AssetFactory()

    url = reverse("telework:loan_checkout", args=[first.pk])
    response = client.post(url, _loan_data(employee_number="Léa Roux (E0077)"))
    assert response.status_code == 302
    assert Loan.objects.get(asset=first).employee == borrower

    url = reverse("telework:loan_checkout", args=[second.pk])
    client.post(url, _loan_data(employee_number="e0077"))  # typed, any case
    assert Loan.objects.get(asset=second).employee == borrower


def test_an_unknown_or_departed_borrower_is_refused_next_to_the_field(client, make_user):
    client.force_login(make_user(Role.IT))
    asset = AssetFactory()
    EmployeeFactory(employee_number="E0099", leave_date=date(2020, 1, 31))
    url = reverse("telework:loan_checkout", args=[asset.pk])

    for typed, number in [("ZZZ", "ZZZ"), ("Ancien Agent (E0099)", "E0099")]:
        response = client.post(url, _loan_data(employee_number=typed))
        form = response.context["checkout_form"]
        assert form.errors["employee_number"] == [
            f"Aucun agent en poste n'a le matricule {number}."
        ]
        assert 'aria-invalid="true"' in response.content.decode()
    assert not Loan.objects.exists()


def test_it_records_a_loan_choosing_asset_and_borrower(client, make_user):
    client.force_login(make_user(Role.IT))
    borrower = EmployeeFactory(first_name="Léa", last_name="Roux", employee_number="E0077")
    asset = AssetFactory(tag="PORT-0042")
    AssetFactory(tag="PORT-0050", state=AssetState.LENT)

    refused = client.post(
        NEW_LOAN, _loan_data(asset="PORT-0050", employee_number="Léa Roux (E0077)")
    )
    assert refused.status_code == 200  # the form again, with its error
    assert refused.context["form"].errors["asset"] == [
        "Aucun équipement en stock n'a le numéro d'inventaire PORT-0050."
    ]
    assert not Loan.objects.exists()

    response = client.post(
        NEW_LOAN,
        _loan_data(asset="Ordinateur portable (PORT-0042)", employee_number="Léa Roux (E0077)"),
    )
    loan = Loan.objects.get()
    assert response.status_code == 302 and response["Location"] == loan.get_absolute_url()
    assert (loan.asset, loan.employee, loan.due_on) == (asset, borrower, date(2026, 6, 30))
