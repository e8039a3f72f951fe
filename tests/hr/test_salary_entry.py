"""HR enter, correct and cancel salaries: French amounts, a confirmation for an amount far
from the person's previous pay or their category's minimum, the file's history, never
their own pay. (« 4 250,75 » once saved 425 075,00 € through a number input.)"""

import html as htmllib
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from hr.models import SalaryRecord
from hr.stats import permanent_contracts_with_pay, salaries_below_benchmark
from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AuditEvent
from imtsocial.refdata.models import Parameter
from imtsocial.refdata.services import reference_row_add
from tests.factories import (
    PASSWORD,
    ContractFactory,
    EmployeeFactory,
    PayBenchmarkFactory,
    SalaryRecordFactory,
)

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def text(response) -> str:
    return htmllib.unescape(response.content.decode())


def spaces(value: str) -> str:
    """Thousands separators (non-breaking, narrow) as ordinary spaces, to compare."""
    return value.replace(NBSP, " ").replace("\u202f", " ")


@pytest.fixture
def hr(client, make_user):
    """An HR agent, logged in, who has just confirmed their password."""
    user = make_user(Role.HR)
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return user


@pytest.fixture
def person():
    """Full-time CDI in category A since 2018, paid 4 090,00 €; category A minimum from
    2020: 2 500,00 €."""
    employee = EmployeeFactory(with_login=True, last_name="Durand", first_name="Élodie")
    contract = ContractFactory(employee=employee, kind="cdi", start=date(2018, 1, 1))
    SalaryRecordFactory(
        contract=contract, effective_date=date(2018, 1, 1), gross_monthly=Decimal("4090.00")
    )
    PayBenchmarkFactory(category="A", valid_from=date(2020, 1, 1), minimum_gross_monthly=2500)
    return contract


def add(client, contract, amount, day="2024-01-01", **extra):
    return client.post(
        reverse("hr:salary_add", args=[contract.pk]),
        {"effective_date": day, "gross_monthly": amount, "index_majore": "", **extra},
    )


class TestEntry:
    def test_a_french_amount_is_saved_as_typed_and_shown_on_the_file(self, client, hr, person):
        response = add(client, person, "4 250,75")
        assert response.status_code == 302
        record = SalaryRecord.objects.get(contract=person, effective_date=date(2024, 1, 1))
        assert record.gross_monthly == Decimal("4250.75")
        page = text(client.get(reverse("hr:employee_detail", args=[person.employee.pk])))
        assert f"4{NBSP}250,75{NBSP}€" in page

    @pytest.mark.parametrize(
        ("typed", "message"),
        [
            ("4.090,50", "Saisissez un montant, par exemple 4 250,75"),
            ("1e3", "Saisissez un montant, par exemple 4 250,75"),
            ("4250,755", "Indiquez au plus 2 chiffres après la virgule."),
            ("-10", "Le montant doit être positif."),
            ("0", "Le montant doit être positif."),
        ],
    )
    def test_foreign_or_ambiguous_amounts_are_refused(self, client, hr, person, typed, message):
        response = add(client, person, typed)
        assert response.status_code == 200
        assert message in text(response)
        assert person.salaries.count() == 1

    def test_the_amount_field_is_a_text_input_with_the_decimal_keyboard(self, client, hr, person):
        page = text(client.get(reverse("hr:salary_add", args=[person.pk])))
        assert '<input type="text" name="gross_monthly"' in page and 'inputmode="decimal"' in page
        assert "Je confirme ce montant" not in page  # only with a warning


class TestPlausibility:
    def test_an_amount_far_above_the_previous_salary_asks_for_confirmation(
        self, client, hr, person
    ):
        # 425 075 > 150 % × 4 090 = 6 135 and > 400 % × 2 500 = 10 000
        response = add(client, person, "425075")
        assert response.status_code == 200
        page = spaces(text(response))
        assert (
            "Ce montant (425 075,00 €) dépasse 150 % du salaire précédent de l'agent "
            "(4 090,00 € au 01/01/2018)." in page
        )
        assert (
            "dépasse 400 % de la rémunération minimale de la catégorie « Catégorie A » "
            "(2 500,00 € pour cette quotité)" in page
        )
        assert "Je confirme ce montant" in page
        assert 'name="warned_amount" value="425075"' in page
        assert person.salaries.count() == 1  # nothing saved

        confirmed = add(client, person, "425075", confirm_amount="on", warned_amount="425075")
        assert confirmed.status_code == 302
        assert person.salaries.get(effective_date=date(2024, 1, 1)).gross_monthly == 425075

    def test_the_confirmation_holds_for_the_amount_it_was_asked_for_only(self, client, hr, person):
        response = add(client, person, "500000", confirm_amount="on", warned_amount="425075")
        assert response.status_code == 200
        assert "Je confirme ce montant" in text(response)
        assert person.salaries.count() == 1

    def test_an_amount_far_below_asks_too(self, client, hr, person):
        # 409 < 67 % × 4 090 = 2 740,30 and < 67 % × 2 500 = 1 675
        page = spaces(text(add(client, person, "409")))
        assert "est inférieur à 67 % du salaire précédent de l'agent" in page
        assert "est inférieur à 67 % de la rémunération minimale de la catégorie" in page
        assert person.salaries.count() == 1

    def test_a_normal_rise_needs_no_confirmation(self, client, hr, person):
        # 6 135 = exactly 150 % of 4 090: not beyond the threshold
        assert add(client, person, "6 135").status_code == 302

    def test_the_thresholds_are_dated_reference_data(self, client, hr, person):
        row = Parameter(
            key="hr.salary_rise_confirm_percent",
            valid_from=date(2024, 1, 1),
            value=Decimal("110"),
            source="Test",
        )
        row.replaces_latest = True  # as HR do on the reference-data page
        reference_row_add(row=row, by=None)
        # 4 600 = 112,5 % of 4 090: beyond 110 % from 2024, within 150 % before
        assert "dépasse 110 % du salaire précédent" in text(add(client, person, "4600"))
        assert add(client, person, "4600", day="2023-06-01").status_code == 302

    def test_a_part_time_contract_is_compared_pro_rata(self, client, hr):
        contract = ContractFactory(start=date(2021, 1, 1), working_time_ratio=50, category="B")
        PayBenchmarkFactory(category="B", valid_from=date(2020, 1, 1), minimum_gross_monthly=2000)
        # no previous salary; minimum at 50 %: 1 000; 67 % of it: 670 > 600
        page = spaces(text(add(client, contract, "600", day="2021-01-01")))
        assert "(1 000,00 € pour cette quotité)" in page
        assert add(client, contract, "1 100", day="2021-01-01").status_code == 302


@pytest.fixture
def typo(person):
    """The mistake of the issue: 425 075,00 € saved for 4 250,75 € on 01/01/2024."""
    return SalaryRecordFactory(
        contract=person, effective_date=date(2024, 1, 1), gross_monthly=Decimal("425075")
    )


class TestCorrection:
    def test_hr_corrects_a_mistaken_record_with_a_reason_kept_in_the_history(
        self, client, hr, typo
    ):
        url = reverse("hr:salary_edit", args=[typo.pk])
        assert 'value="425075,00"' in text(client.get(url))
        response = client.post(
            url,
            {
                "effective_date": "2024-01-01",
                "gross_monthly": "4 250,75",
                "index_majore": "",
                "reason": "Faute de frappe",
                "version": "0",
            },
        )
        assert response.status_code == 302
        typo.refresh_from_db()
        assert typo.gross_monthly == Decimal("4250.75")
        history = client.get(reverse("hr:employee_history", args=[typo.contract.employee.pk]))
        row = history.context["history"][0]
        assert (row.who, row.reason) == (str(hr), "Faute de frappe")
        assert spaces(row.subject) == "Salaire au 01/01/2024 : 4 250,75 €"
        assert [(c.field, spaces(c.old), spaces(c.new)) for c in row.changes] == [
            ("brut mensuel (€)", "425 075,00", "4 250,75")
        ]
        assert AuditEvent.objects.filter(actor=hr, detail="Salaire au 01/01/2024 corrigé").exists()

    def test_a_correction_needs_a_reason_and_is_checked_like_an_entry(self, client, hr, typo):
        url = reverse("hr:salary_edit", args=[typo.pk])
        data = {
            "effective_date": "2024-01-01",
            "gross_monthly": "4 250,75",
            "index_majore": "",
            "version": "0",
        }
        assert "Ce champ est obligatoire." in text(client.post(url, data))
        # 42 507,50 > 150 % × 4 090 (the previous record, not the one corrected)
        refused = client.post(url, dict(data, gross_monthly="42 507,50", reason="Frappe"))
        assert "dépasse 150 % du salaire précédent" in text(refused)
        typo.refresh_from_db()
        assert typo.gross_monthly == Decimal("425075")


class TestCancellation:
    def test_a_cancelled_record_stays_visible_but_no_longer_counts(self, client, hr, typo):
        at = date(2024, 6, 30)
        typo.gross_monthly = Decimal("1000")  # below the 2 500 € minimum: a pay alert
        typo.save()
        assert salaries_below_benchmark(at=at).count() == 1
        response = client.post(
            reverse("hr:salary_cancel", args=[typo.pk]),
            {"reason": "Saisie sur le mauvais agent", "version": "0"},
        )
        assert response.status_code == 302
        typo.refresh_from_db()
        assert typo.is_cancelled and typo.cancelled_by == hr
        # the salary in force is the 2018 one again; no alert left
        pay = permanent_contracts_with_pay(at).get(pk=typo.contract_id).current_salary
        assert pay == Decimal("4090.00")
        assert salaries_below_benchmark(at=at).count() == 0

        file = client.get(reverse("hr:employee_detail", args=[typo.contract.employee.pk]))
        page = spaces(text(file))
        assert "annulé" in page
        history = client.get(reverse("hr:employee_history", args=[typo.contract.employee.pk]))
        assert "Saisie sur le mauvais agent" in spaces(text(history))
        row = history.context["history"][0]
        assert spaces(row.subject) == "Salaire au 01/01/2024 : 1 000,00 €, annulé"
        assert row.reason == "Saisie sur le mauvais agent"
        assert "motif de l'annulation" in [c.field for c in row.changes]

    def test_cancelling_needs_a_reason_and_happens_once(self, client, hr, typo):
        url = reverse("hr:salary_cancel", args=[typo.pk])
        assert client.get(url).status_code == 200
        assert "Ce champ est obligatoire." in text(client.post(url, {"reason": "", "version": "0"}))
        assert not SalaryRecord.objects.get(pk=typo.pk).is_cancelled
        assert client.post(url, {"reason": "Doublon", "version": "0"}).status_code == 302
        assert client.post(url, {"reason": "Doublon", "version": "1"}).status_code == 404
        assert client.get(reverse("hr:salary_edit", args=[typo.pk])).status_code == 404

    def test_a_new_record_may_replace_a_cancelled_one_at_the_same_date(self, client, hr, typo):
        client.post(reverse("hr:salary_cancel", args=[typo.pk]), {"reason": "Frappe", "version": 0})
        assert add(client, typo.contract, "4 250,75").status_code == 302
        assert typo.contract.salaries.in_effect().count() == 2

    def test_a_page_opened_before_someone_elses_change_is_refused(self, client, hr, typo):
        url = reverse("hr:salary_edit", args=[typo.pk])
        data = {
            "effective_date": "2024-01-01",
            "gross_monthly": "4 250,75",
            "index_majore": "",
            "reason": "Frappe",
            "version": "0",
        }
        assert client.post(url, data).status_code == 302  # version 0 → 1
        stale = client.post(
            reverse("hr:salary_cancel", args=[typo.pk]), {"reason": "x", "version": "0"}
        )
        assert "Quelqu'un d'autre a modifié cet élément" in text(stale)
        assert not SalaryRecord.objects.get(pk=typo.pk).is_cancelled

    def test_only_post_changes_anything(self, client, hr, typo):
        assert client.put(reverse("hr:salary_cancel", args=[typo.pk])).status_code == 405


class TestOwnPay:
    @pytest.fixture
    def own(self, hr):
        contract = ContractFactory(employee=hr.employee, kind="cdi", start=date(2018, 1, 1))
        return SalaryRecordFactory(contract=contract, effective_date=date(2018, 1, 1))

    def test_hr_cannot_enter_correct_nor_cancel_their_own_salary(self, client, hr, own):
        assert client.get(reverse("hr:salary_add", args=[own.contract_id])).status_code == 404
        assert add(client, own.contract, "9 999").status_code == 404
        assert client.get(reverse("hr:salary_edit", args=[own.pk])).status_code == 404
        cancel = client.post(reverse("hr:salary_cancel", args=[own.pk]), {"reason": "x"})
        assert cancel.status_code == 404
        assert own.contract.salaries.count() == 1 and not own.contract.salaries.get().is_cancelled

    def test_no_salary_button_on_ones_own_file(self, client, hr, own):
        page = text(client.get(reverse("hr:employee_detail", args=[hr.employee.pk])))
        assert "Ajouter un salaire" not in page and "Corriger" not in page

    def test_another_hr_agent_may(self, client, hr, own, make_user):
        colleague = make_user(Role.HR)
        client.force_login(colleague)
        client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
        page = text(client.get(reverse("hr:employee_detail", args=[hr.employee.pk])))
        assert "Ajouter un salaire" in page and "Corriger" in page
        assert client.get(reverse("hr:salary_edit", args=[own.pk])).status_code == 200


class TestHistory:
    def test_the_addition_appears_in_the_files_history(self, client, hr, person):
        add(client, person, "4 250,75")
        rows = client.get(reverse("hr:employee_history", args=[person.employee.pk])).context[
            "history"
        ]
        assert (spaces(rows[0].subject), rows[0].who, rows[0].is_creation) == (
            "Salaire au 01/01/2024 : 4 250,75 €",
            str(hr),
            True,
        )

    def test_the_file_of_an_employee_without_history_opens(self, client, hr):
        """Employees created in bulk (imports, demo) have no history row at all."""
        employee = EmployeeFactory()
        contract = ContractFactory(employee=employee)
        SalaryRecordFactory(contract=contract)
        employee.history.all().delete()
        contract.history.all().delete()
        SalaryRecord.history.all().delete()
        response = client.get(reverse("hr:employee_detail", args=[employee.pk]))
        assert response.status_code == 200
        response = client.get(reverse("hr:employee_history", args=[employee.pk]))
        assert response.status_code == 200
        assert response.context["history"] == []
        assert "Aucune modification enregistrée." in text(response)

    def test_a_first_change_without_an_earlier_row_is_shown(self, client, hr):
        employee = EmployeeFactory(job_title="Technicienne")
        employee.history.all().delete()
        employee.job_title, employee._history_user = "Ingénieure", hr
        employee.save()
        response = client.get(reverse("hr:employee_history", args=[employee.pk]))
        assert response.status_code == 200
        assert "l'état précédent n'est pas connu" in text(response)
