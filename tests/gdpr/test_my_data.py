"""« Mes données » (RULES.md §6: every data subject obtains everything held about them)."""

import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from pypdf import PdfReader

from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from tests.factories import ContractFactory, SalaryRecordFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_agents(make_user):
    me = make_user(Role.EMPLOYEE, first_name="Camille", last_name="Martin")
    other = make_user(Role.EMPLOYEE, first_name="Dominique", last_name="Petit")
    for user, pay in ((me, "3456.78"), (other, "2222.22")):
        SalaryRecordFactory(
            contract=ContractFactory(employee=user.employee), gross_monthly=Decimal(pay)
        )
    return me, other


def test_the_json_holds_my_salary_and_not_another_persons(client, two_agents):
    me, _other = two_agents
    client.force_login(me)
    response = client.get(reverse("gdpr:my_data_json"))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    sections = data["sections"]
    assert sections["Dossier administratif"][0]["nom"] == "Martin"
    assert sections["Rémunérations"][0]["brut mensuel (€)"] == "3456.78"
    text = response.content.decode()
    assert "2222.22" not in text and "Petit" not in text
    event = AuditEvent.objects.get(action="download")
    assert event.subject_id == me.pk and event.actor_id == me.pk


def test_another_person_gets_only_their_own_data(client, two_agents):
    me, other = two_agents
    client.force_login(other)
    text = client.get(reverse("gdpr:my_data_json"), {"user": me.pk}).content.decode()
    assert "2222.22" in text and "3456.78" not in text and "Martin" not in text
    pdf = client.get(reverse("gdpr:my_data_pdf"), {"user": me.pk}).content
    assert "Martin" not in _pdf_text(pdf)


def test_signed_out_nobody_downloads(client, two_agents):
    response = client.get(reverse("gdpr:my_data_json"))
    assert response.status_code == 302 and "3456.78" not in response.content.decode()


def _pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_is_a_readable_pdf_with_my_name(client, two_agents):
    me, _other = two_agents
    client.force_login(me)
    response = client.get(reverse("gdpr:my_data_pdf"))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = _pdf_text(response.content)
    assert "Camille Martin" in text and "Rémunérations" in text
    assert "456,78" in text and "3456.78" not in text  # the amount the French way
    assert AuditEvent.objects.filter(action="download", subject=me).count() == 1


def test_my_space_links_to_my_data(client, make_user):
    client.force_login(make_user(Role.EMPLOYEE))
    assert reverse("gdpr:my_data") in client.get(reverse("home")).content.decode()
    page = client.get(reverse("gdpr:my_data")).content.decode()
    assert reverse("gdpr:my_data_pdf") in page and reverse("gdpr:my_data_json") in page
