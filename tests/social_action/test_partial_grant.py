"""Granting less than asked needs a reason, shown next to the field when missing; the
reason reaches the requester in the file's messages."""

from decimal import Decimal

import pytest
from django.urls import reverse

from imtsocial.accounts.roles import Role
from social_action.enums import RequestStatus
from tests.social_action.factories import AidRequestFactory, SchemeBudgetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(make_user):
    SchemeBudgetFactory(envelope=Decimal("5000"))
    aid = AidRequestFactory(submitted=True)  # 400 € asked
    return aid, make_user(Role.SOCIAL_ACTION)


def _approve(client, aid, **data):
    url = reverse("social_action:request_decide", args=[aid.pk])
    return client.post(url, {"action": "approve", "version": aid.version, **data})


def test_a_partial_grant_without_reason_is_refused_next_to_the_field(client, setting):
    aid, correspondent = setting
    client.force_login(correspondent)
    response = _approve(client, aid, amount="250")
    # the page comes back (200), the amount typed kept, the error under the reason field
    assert response.status_code == 200
    form = response.context["decision_form"]
    assert form.errors["partial_reason"] == [
        "Le montant accordé est inférieur à la demande (400,00\u00a0€) : "
        "indiquez le motif de l'accord partiel."
    ]
    html = response.content.decode()
    assert 'id="id_partial_reason-errors"' in html
    assert 'value="250"' in html
    aid.refresh_from_db()
    assert (aid.status, aid.amount_granted) == (RequestStatus.SUBMITTED, None)


def test_a_partial_grant_with_its_reason_is_granted_and_told_to_the_requester(client, setting):
    aid, correspondent = setting
    client.force_login(correspondent)
    reason = "Le barème plafonne la réparation à 250 €."
    response = _approve(client, aid, amount="250", partial_reason=reason)
    assert response.status_code == 302
    aid.refresh_from_db()
    assert (aid.status, aid.amount_granted) == (RequestStatus.APPROVED, Decimal("250"))
    assert [m.body for m in aid.messages.all()] == [reason]


def test_granting_what_was_asked_needs_no_reason(client, setting):
    aid, correspondent = setting
    client.force_login(correspondent)
    assert _approve(client, aid, amount="400").status_code == 302
    aid.refresh_from_db()
    assert (aid.status, aid.amount_granted) == (RequestStatus.APPROVED, Decimal("400"))
    assert aid.messages.count() == 0


def test_the_approval_form_asks_first_in_a_dialog(client, setting):
    aid, correspondent = setting
    client.force_login(correspondent)
    html = client.get(aid.get_absolute_url()).content.decode()
    # the visible button only opens the DSFR modal; the modal's button submits
    assert 'data-fr-opened="false" aria-controls="approve-dialog"' in html
    assert '<dialog id="approve-dialog" class="fr-modal"' in html
    assert "Oui, accorder l'aide" in html
