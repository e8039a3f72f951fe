"""The DPO's journal (who may see it, what it says, its filters and export) and
« Qui a consulté mon dossier » on « Mon dossier » (RULES.md §6)."""

import csv
import html as html_module
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from tests.factories import PASSWORD, EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


@pytest.fixture
def read_by_hr(client, make_user):
    """Hélène (HR) opened the file of Zoé, who has no login, from 203.0.113.7."""
    hr = make_user(Role.HR, first_name="Hélène", last_name="Ressources")
    hr.first_name, hr.last_name = "Hélène", "Ressources"
    hr.save()
    person = EmployeeFactory(first_name="Zoé", last_name="Sans-Compte")
    client.force_login(hr)
    client.get(reverse("hr:employee_detail", args=[person.pk]), REMOTE_ADDR="203.0.113.7")
    return hr, person


@pytest.mark.parametrize(
    "role", [Role.HR, Role.EMPLOYEE, Role.MANAGER, Role.SOCIAL_ACTION, Role.DIRECTOR, None]
)
def test_only_the_dpo_sees_the_journal_and_its_export(client, make_user, role):
    client.force_login(make_user(role) if role else make_user())
    assert client.get(reverse("audit:journal")).status_code == 403
    assert client.get(reverse("audit:journal_export_csv")).status_code == 403
    assert not AuditEvent.objects.filter(action="export").exists()


def test_the_journal_names_a_person_without_login_and_shows_pay(client, make_user, read_by_hr):
    client.force_login(make_user(Role.DPO))
    html = client.get(reverse("audit:journal")).content.decode()
    assert "Hélène Ressources" in html and "Ressources humaines" in html
    assert "Zoé Sans-Compte" in html and "avec la rémunération" in html
    assert "203.0.113.7" in html


@pytest.mark.parametrize(
    ("filters", "shown"),
    [
        ({"kind": "hr.employee"}, True),
        ({"kind": "social_action.aidrequest"}, False),
        ({"with_pay": "on"}, True),
        ({"actor": "hélène"}, True),
        ({"actor": "inconnu"}, False),
        ({"subject": "sans-compte"}, True),
        ({"action": "download"}, False),
        ({"start": "{today}", "end": "{today}"}, True),
        ({"end": "{yesterday}"}, False),
    ],
)
def test_the_filters(client, make_user, read_by_hr, filters, shown):
    today = timezone.localdate()
    values = {"today": today.isoformat(), "yesterday": (today - timedelta(days=1)).isoformat()}
    filters = {key: value.format(**values) for key, value in filters.items()}
    client.force_login(make_user(Role.DPO))
    html = client.get(reverse("audit:journal"), filters).content.decode()
    assert ("Zoé Sans-Compte" in html) is shown


def test_the_export_is_formula_safe_filtered_and_journaled(client, make_user, read_by_hr):
    hostile = UserFactory(first_name="=HYPERLINK(http://evil.example)", last_name="x")
    AuditEvent.log_view(actor=hostile, obj=hostile)
    dpo = make_user(Role.DPO)
    client.force_login(dpo)
    assert client.get(reverse("audit:journal_export_csv"))["Location"].startswith(
        reverse("account_reauthenticate")
    )
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    rows = _csv_rows(client.get(reverse("audit:journal_export_csv"), {"action": "view"}))
    assert rows[0][:3] == ["Date", "Auteur", "Rôle"]
    by_actor = {row[1]: row for row in rows[1:]}
    assert by_actor["Hélène Ressources"][2:] == [
        "Ressources humaines",
        "Consultation",
        "dossier de l'agent",
        "Zoé Sans-Compte",
        "Zoé Sans-Compte",
        "oui",
        "",
        "203.0.113.7",
    ]
    assert "'=HYPERLINK(http://evil.example) x" in by_actor
    export = AuditEvent.objects.get(action="export")
    assert export.actor == dpo and "action=view" in export.detail
    response = client.get(reverse("audit:journal_export_xlsx"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type == "s" for cell in cells if cell.value is not None)
    assert "'=HYPERLINK(http://evil.example) x" in [cell.value for cell in cells]
    assert AuditEvent.objects.filter(action="export").count() == 2


class TestWhoOpenedMyFile:
    @pytest.fixture
    def people(self, client, make_user):
        hr = make_user(Role.HR)
        hr.first_name, hr.last_name = "Hélène", "Ressources"
        hr.save()
        me = make_user(Role.EMPLOYEE)
        client.force_login(hr)
        client.get(reverse("hr:employee_detail", args=[employee_of(me).pk]))
        return hr, me

    def test_the_person_sees_who_opened_their_file_with_pay(self, client, people):
        _hr, me = people
        client.force_login(me)
        html = html_module.unescape(client.get(reverse("hr:my_file")).content.decode())
        assert "Qui a consulté mon dossier" in html
        assert "Hélène Ressources" in html and "Ressources humaines" in html
        assert "Consultation : dossier de l'agent avec la rémunération" in html

    def test_nobody_else_sees_it(self, client, people, make_user):
        hr, me = people
        client.force_login(make_user(Role.EMPLOYEE))
        html = client.get(reverse("hr:my_file")).content.decode()
        assert "Hélène Ressources" not in html
        assert "Personne d'autre que vous n'a consulté votre dossier." in html
        client.force_login(hr)  # HR opening the person's file does not see the panel
        html = client.get(reverse("hr:employee_detail", args=[employee_of(me).pk])).content
        assert "Qui a consulté mon dossier" not in html.decode()

    def test_it_keeps_three_years_and_pages(self, client, people, settings):
        hr, me = people
        own = employee_of(me)
        old = timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS + 1)
        AuditEvent.objects.bulk_create(
            AuditEvent(
                at=old if i == 0 else timezone.now() - timedelta(minutes=i),
                actor=hr,
                actor_label="Ancien Lecteur" if i == 0 else f"Lecteur {i:02d}",
                action="view",
                object_type="hr.employee",
                object_id=str(own.pk),
                object_label=str(own),
                subject_employee=own,
            )
            for i in range(25)
        )
        client.force_login(me)
        html = client.get(reverse("hr:my_file")).content.decode()
        assert "Ancien Lecteur" not in html
        # 24 recent reads and Hélène's: 25 in pages of 20, newest first
        assert "Hélène Ressources" in html and "Lecteur 19" in html and "Lecteur 20" not in html
        html = client.get(reverse("hr:my_file"), {"page": 2}).content.decode()
        assert "Lecteur 20" in html and "Lecteur 24" in html and "Ancien Lecteur" not in html
