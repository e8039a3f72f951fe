"""The employee file: contracts and pay, who sees them, and HR's edits."""

import csv
import html as htmllib
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from hr.models import Contract, Employee, SalaryRecord
from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from tests.conftest import tasks_queued
from tests.factories import (
    PASSWORD,
    ContractFactory,
    DepartmentFactory,
    EmployeeFactory,
    SalaryRecordFactory,
)
from tests.qualifications.factories import QualificationFactory

pytestmark = pytest.mark.django_db


def page_text(response) -> str:
    return htmllib.unescape(response.content.decode())


def reauthenticate(client, user):
    """Log in and confirm the password again, as sensitive actions require."""
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


@pytest.fixture
def staff():
    manager = EmployeeFactory(with_login=True, last_name="Chef")
    person = EmployeeFactory(with_login=True, manager=manager, last_name="Durand")
    contract = ContractFactory(employee=person, kind="cdi", start=date(2018, 1, 1))
    SalaryRecordFactory(
        contract=contract, effective_date=date(2018, 1, 1), gross_monthly=Decimal("3210.55")
    )
    return manager, person, contract


def file_html(client, user, employee):
    client.force_login(user)
    response = client.get(reverse("hr:employee_detail", args=[employee.pk]))
    assert response.status_code == 200
    return page_text(response)


class TestWhoSeesWhat:
    SALARY = "3\u00a0210,55\u00a0€"

    def test_the_person_sees_contracts_and_own_pay(self, client, staff):
        _manager, person, _contract = staff
        client.force_login(person.user)
        html = client.get(reverse("hr:my_file")).content.decode()
        assert "Contrats" in html and "CDI" in html and "01/01/2018" in html
        assert self.SALARY in html

    def test_the_manager_sees_contracts_but_never_the_salary(self, client, staff):
        manager, person, _contract = staff
        html = file_html(client, manager.user, person)
        assert "CDI" in html and "01/01/2018" in html
        assert "Rémunération" not in html and "3210" not in html and "3\u00a0210" not in html

    def test_hr_sees_pay_and_the_read_is_logged_as_such(self, client, staff, make_user):
        _manager, person, _contract = staff
        hr = make_user(Role.HR)
        assert self.SALARY in file_html(client, hr, person)
        event = AuditEvent.objects.get()
        assert (event.actor, event.subject, event.subject_employee, event.with_pay) == (
            hr,
            person.user,
            person,
            True,
        )

    @pytest.mark.parametrize("role", [Role.DIRECTOR, Role.SOCIAL_ACTION, Role.TALENT_DEVELOPER])
    def test_other_roles_get_404(self, client, staff, make_user, role):
        client.force_login(make_user(role))
        response = client.get(reverse("hr:employee_detail", args=[staff[1].pk]))
        assert response.status_code == 404

    @pytest.mark.parametrize("contracts", [1, 20])
    def test_constant_queries_whatever_the_number_of_contracts(
        self, client, make_user, contracts, django_assert_num_queries
    ):
        person = EmployeeFactory()
        for year in range(contracts):
            contract = ContractFactory(
                employee=person,
                kind="cdd",
                start=date(1990 + year, 1, 1),
                end=date(1990 + year, 12, 31),
            )
            SalaryRecordFactory(contract=contract)
        for _ in range(contracts):  # the qualifications panel shown, at two sizes too
            QualificationFactory(holder=person)
        client.force_login(make_user(Role.HR))
        # session, user, roles (2), employee, contracts, salaries, audit insert; the CPF
        # panel (hours used, CPF rules: the contracts are the page's); the skills panel;
        # the qualifications panel (qualifications with their type's notice period, one
        # query) and the safety-trainings panel (attendances, road-risk census). The
        # history has its own page.
        with django_assert_num_queries(14):
            client.get(reverse("hr:employee_detail", args=[person.pk]))


class TestEmployeeEdits:
    def test_hr_edits_an_employee_and_history_keeps_who(self, client, staff, make_user):
        _manager, person, _contract = staff
        hr = make_user(Role.HR)
        client.force_login(hr)
        url = reverse("hr:employee_edit", args=[person.pk])
        form = client.get(url).context["form"]
        data = {k: v for k, v in form.initial.items() if v is not None}
        data.update(
            site=person.site_id,
            department=person.department_id,
            job_title="Ingénieure chimiste",
            manager_number=person.manager.employee_number,
        )
        response = client.post(url, data)
        assert response.status_code == 302
        person.refresh_from_db()
        assert person.job_title == "Ingénieure chimiste"
        assert person.history.first().history_user == hr

    def test_the_history_shows_the_file_its_contracts_and_its_salaries(
        self, client, staff, make_user
    ):
        manager, person, contract = staff
        hr = make_user(Role.HR)
        new_manager = EmployeeFactory(last_name="Nouvelle", first_name="Cheffe")
        person.manager, person._history_user = new_manager, hr
        person.save()
        person.save()  # saved again without a change: nothing recorded
        contract.working_time_ratio, contract._history_user = 80, hr
        contract.save()
        client.force_login(hr)
        file = client.get(reverse("hr:employee_detail", args=[person.pk]))
        history_url = reverse("hr:employee_history", args=[person.pk])
        assert history_url in file.content.decode()  # the file links to its history
        rows = client.get(history_url).context["history"]
        changes = [
            (row.subject, row.who, [(c.field, c.old, c.new) for c in row.changes]) for row in rows
        ]
        assert changes[:2] == [
            (
                "Contrat du 01/01/2018",
                str(hr),
                [("quotité de travail (%)", "100", "80")],
            ),
            # the manager is shown by name, not by number
            (
                "Dossier",
                str(hr),
                [("responsable hiérarchique", str(manager), "Cheffe Nouvelle")],
            ),
        ]
        # then the creations (salary, contract, file), by the system (factories)
        # a salary's subject now says its amount (HR alone see the history)
        assert {row.subject for row in rows[2:]} == {
            "Salaire au 01/01/2018 : 3\u00a0210,55\u00a0€",
            "Contrat du 01/01/2018",
            "Dossier",
        }
        assert all(row.is_creation for row in rows[2:])

    def test_the_manager_and_the_person_see_no_history(self, client, staff):
        manager, person, _contract = staff
        for user in (manager.user, person.user):
            client.force_login(user)
            response = client.get(reverse("hr:employee_detail", args=[person.pk]))
            history_url = reverse("hr:employee_history", args=[person.pk])
            assert history_url not in response.content.decode()
            assert "Salaire au" not in page_text(response)
            assert client.get(history_url).status_code == 404

    def test_a_stale_form_is_refused_without_overwriting(self, client, staff, make_user):
        _manager, person, _contract = staff
        client.force_login(make_user(Role.HR))
        url = reverse("hr:employee_edit", args=[person.pk])
        form = client.get(url).context["form"]
        data = {k: v for k, v in form.initial.items() if v is not None}
        data.update(site=person.site_id, department=person.department_id)
        # Someone else saves first.
        first = dict(data, job_title="Première version")
        assert client.post(url, first).status_code == 302
        second = dict(data, job_title="Seconde version")
        response = client.post(url, second)
        assert "Quelqu'un d'autre a modifié cet élément" in page_text(response)
        person.refresh_from_db()
        assert person.job_title == "Première version"

    def test_unknown_manager_number_is_a_field_error(self, client, staff, make_user):
        _manager, person, _contract = staff
        client.force_login(make_user(Role.HR))
        url = reverse("hr:employee_edit", args=[person.pk])
        data = {k: v for k, v in client.get(url).context["form"].initial.items() if v is not None}
        data.update(site=person.site_id, department=person.department_id, manager_number="ZZZ")
        html = page_text(client.post(url, data))
        assert "Aucun agent n'a le matricule ZZZ." in html
        assert 'aria-invalid="true"' in html

    def test_hr_creates_an_employee_with_a_login(
        self, client, make_user, django_capture_on_commit_callbacks
    ):
        client.force_login(make_user(Role.HR))
        department = DepartmentFactory()
        data = {
            "employee_number": "N0001",
            "last_name": "Nouveau",
            "first_name": "Nina",
            "work_email": "nina.nouveau@example.fr",
            "site": department.site_id,
            "department": department.pk,
            "create_login": "on",
            "version": "0",
        }
        with django_capture_on_commit_callbacks() as callbacks:
            response = client.post(reverse("hr:employee_create"), data)
        assert response.status_code == 302
        employee = Employee.objects.get(employee_number="N0001")
        assert employee.user.email == "nina.nouveau@example.fr"
        assert not employee.user.has_usable_password()
        assert len(tasks_queued(callbacks)) == 1  # the invitation is queued after commit

    def test_creating_a_login_for_an_existing_email_is_refused(self, client, make_user):
        hr = make_user(Role.HR)
        client.force_login(hr)
        department = DepartmentFactory()
        data = {
            "employee_number": "N0002",
            "last_name": "Double",
            "first_name": "Dan",
            "work_email": hr.email.upper(),
            "site": department.site_id,
            "department": department.pk,
            "create_login": "on",
        }
        html = page_text(client.post(reverse("hr:employee_create"), data))
        assert "Un compte existe déjà avec cet e-mail." in html
        assert not Employee.objects.filter(employee_number="N0002").exists()
        assert mail.outbox == []

    @pytest.mark.parametrize("url_name", ["hr:employee_edit", "hr:contract_add"])
    @pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.MANAGER, Role.DIRECTOR])
    def test_only_hr_edits(self, client, staff, make_user, url_name, role):
        client.force_login(make_user(role))
        assert client.get(reverse(url_name, args=[staff[1].pk])).status_code == 403

    def test_the_person_cannot_edit_their_own_contract(self, client, staff):
        _manager, person, contract = staff
        client.force_login(person.user)
        assert client.get(reverse("hr:contract_edit", args=[contract.pk])).status_code == 404
        assert client.get(reverse("hr:salary_add", args=[contract.pk])).status_code == 403


class TestContracts:
    def post_contract(self, client, employee, **data):
        fields = {
            "kind": "cdd",
            "start": "2021-01-01",
            "end": "2021-12-31",
            "working_time_ratio": "100",
            "category": "B",
            "grade": "",
        }
        fields.update(data)
        return client.post(reverse("hr:contract_add", args=[employee.pk]), fields)

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            (
                {"end": ""},
                "Un CDD, un contrat doctoral ou d'apprentissage doit avoir une fin.",
            ),
            ({"kind": "doctorant", "end": ""}, "doit avoir une fin"),
            ({"end": "2020-06-01"}, "La date de fin doit être postérieure au début."),
            ({"working_time_ratio": "5"}, "supérieure ou égale à 10"),
            ({"working_time_ratio": "120"}, "inférieure ou égale à 100"),
            ({"start": "2019-06-01", "end": "2020-06-01"}, "chevauche un autre contrat"),
            ({"start": "31/02/2021"}, "Saisissez une date valide."),
        ],
    )
    def test_contract_rules_are_refused_with_a_french_message(
        self, client, make_user, data, message
    ):
        person = EmployeeFactory()
        ContractFactory(employee=person, kind="cdd", start=date(2020, 1, 1), end=date(2020, 12, 31))
        client.force_login(make_user(Role.HR))
        response = self.post_contract(client, person, **data)
        assert response.status_code == 200
        assert message in page_text(response)
        assert person.contracts.count() == 1

    def test_an_open_ended_contract_blocks_any_later_one(self, client, make_user):
        person = EmployeeFactory()
        ContractFactory(employee=person, kind="titulaire", start=date(2010, 1, 1), end=None)
        client.force_login(make_user(Role.HR))
        response = self.post_contract(client, person, start="2030-01-01", end="2030-06-30")
        assert "chevauche un autre contrat" in page_text(response)

    def test_hr_adds_a_valid_contract(self, client, make_user):
        person = EmployeeFactory()
        ContractFactory(employee=person, kind="cdd", start=date(2020, 1, 1), end=date(2020, 12, 31))
        client.force_login(make_user(Role.HR))
        response = self.post_contract(client, person)
        assert response.status_code == 302
        assert list(person.contracts.order_by("start").values_list("start", flat=True)) == [
            date(2020, 1, 1),
            date(2021, 1, 1),
        ]

    def test_the_database_refuses_overlaps_even_without_the_form(self):
        from django.db import IntegrityError, connection

        person = EmployeeFactory()
        ContractFactory(employee=person, kind="titulaire", start=date(2010, 1, 1))
        if connection.vendor != "postgresql":
            pytest.fail("The suite runs on PostgreSQL (./scripts/test).")
        with pytest.raises(IntegrityError):
            Contract.objects.create(
                employee=person, kind="cdd", start=date(2015, 1, 1), end=date(2015, 6, 30)
            )

    def test_the_database_refuses_a_fixed_term_contract_without_end(self):
        from django.db import IntegrityError

        with pytest.raises(IntegrityError):
            Contract.objects.create(employee=EmployeeFactory(), kind="cdd", start=date(2015, 1, 1))

    def test_concurrent_edit_of_a_contract_is_refused(self, client, make_user):
        contract = ContractFactory(kind="cdd", start=date(2020, 1, 1), end=date(2020, 12, 31))
        client.force_login(make_user(Role.HR))
        url = reverse("hr:contract_edit", args=[contract.pk])
        data = {
            "kind": "cdd",
            "start": "2020-01-01",
            "end": "2021-03-31",
            "working_time_ratio": "100",
            "category": "A",
            "version": "0",
        }
        assert client.post(url, data).status_code == 302
        response = client.post(url, dict(data, end="2021-06-30"))
        assert "Quelqu'un d'autre a modifié cet élément" in page_text(response)
        contract.refresh_from_db()
        assert contract.end == date(2021, 3, 31)


class TestSalaries:
    def test_salary_entry_asks_for_the_password_again(self, client, staff, make_user):
        _manager, _person, contract = staff
        client.force_login(make_user(Role.HR))
        response = client.get(reverse("hr:salary_add", args=[contract.pk]))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))

    def test_hr_adds_a_salary_from_the_index(self, client, staff, make_user):
        _manager, person, contract = staff
        hr = make_user(Role.HR)
        reauthenticate(client, hr)
        response = client.post(
            reverse("hr:salary_add", args=[contract.pk]),
            {"effective_date": "2023-07-01", "gross_monthly": "", "index_majore": "500"},
        )
        assert response.status_code == 302
        record = SalaryRecord.objects.get(contract=contract, effective_date=date(2023, 7, 1))
        # 500 × 5 907,34 € / 1 200 = 2 461,391… → 2 461,39 €
        assert record.gross_monthly == Decimal("2461.39")
        assert AuditEvent.objects.filter(action="change", subject=person.user).exists()

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"gross_monthly": "-10"}, "Le montant doit être positif."),
            ({"gross_monthly": ""}, "Indiquez le montant ou l'indice majoré."),
            (
                {"effective_date": "2017-01-01"},
                "La date d'effet doit tomber pendant le contrat.",
            ),
            ({"effective_date": "2018-01-01"}, "Un salaire existe déjà à cette date"),
        ],
    )
    def test_bad_salaries_are_refused(self, client, staff, make_user, data, message):
        _manager, _person, contract = staff
        reauthenticate(client, make_user(Role.HR))
        fields = {"effective_date": "2020-01-01", "gross_monthly": "3300", "index_majore": ""}
        fields.update(data)
        response = client.post(reverse("hr:salary_add", args=[contract.pk]), fields)
        assert response.status_code == 200
        assert message in page_text(response)
        assert contract.salaries.count() == 1


class TestDirectoryExport:
    def test_export_asks_for_the_password_again(self, client, make_user):
        client.force_login(make_user(Role.HR))
        response = client.get(reverse("hr:employee_export", args=["csv"]))
        assert response["Location"].startswith(reverse("account_reauthenticate"))

    def test_csv_export_follows_the_filters_and_is_logged(self, client, make_user):
        lab = DepartmentFactory(name="C2MA")
        EmployeeFactory(last_name="Durand", department=lab, employee_number="A1")
        EmployeeFactory(last_name="Dupont")
        hr = make_user(Role.HR)
        reauthenticate(client, hr)
        response = client.get(reverse("hr:employee_export", args=["csv"]), {"department": lab.pk})
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
        assert rows[0][:3] == ["Matricule", "Nom", "Prénom"]
        assert [row[1] for row in rows[1:]] == ["Durand"]
        assert "3000" not in page_text(response)  # never pay
        assert AuditEvent.objects.filter(actor=hr, action="export").count() == 1

    def test_xlsx_export(self, client, make_user):
        ContractFactory(employee=EmployeeFactory(last_name="Martin"), kind="cdi")
        reauthenticate(client, make_user(Role.HR))
        response = client.get(
            reverse("hr:employee_export", args=["xlsx"]), {"contract_kind": "cdi"}
        )
        sheet = load_workbook(io.BytesIO(response.content)).active
        names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert names == ["Martin"]

    def test_unknown_format_is_404(self, client, make_user):
        reauthenticate(client, make_user(Role.HR))
        assert client.get(reverse("hr:employee_export", args=["pdf"])).status_code == 404

    @pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.MANAGER, Role.DIRECTOR])
    def test_only_hr_exports(self, client, make_user, role):
        client.force_login(make_user(role))
        assert client.get(reverse("hr:employee_export", args=["csv"])).status_code == 403

    def test_sorting(self, client, make_user):
        department = DepartmentFactory()
        EmployeeFactory(last_name="Alpha", department=department, employee_number="Z9")
        EmployeeFactory(last_name="Omega", department=department, employee_number="A1")
        client.force_login(make_user(Role.HR))
        url = reverse("hr:employee_list")
        page = client.get(url, {"department": department.pk, "tri": "-nom"}).context["page"]
        assert [e.last_name for e in page] == ["Omega", "Alpha"]
        page = client.get(url, {"department": department.pk, "tri": "matricule"}).context["page"]
        assert [e.last_name for e in page] == ["Omega", "Alpha"]
