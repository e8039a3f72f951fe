"""The picker kit: what the server reads from a picker, and what it renders without script."""

import pytest
from django import forms

from hr.models import Employee
from hr.pickers import PersonField, PersonNumberField
from imtsocial.pickers import fold, folded, picked_key
from tests.factories import EmployeeFactory


@pytest.mark.parametrize(
    ("posted", "key"),
    [
        ("A123", "A123"),
        ("  a123 ", "a123"),
        ("Marie Dupont (A123)", "A123"),
        ("Jean (dit Jeannot) Martin (B-7)", "B-7"),  # the last parentheses
        ("Marie Dupont (A123) ", "A123"),
        ("Marie (Dupont", "Marie (Dupont"),  # no closing parenthesis: taken as typed
        ("", ""),
        (None, ""),
    ],
)
def test_the_key_is_the_typed_text_or_the_end_of_a_chosen_label(posted, key):
    assert picked_key(posted) == key


@pytest.mark.django_db
def test_sql_and_python_fold_names_alike():
    EmployeeFactory(last_name="ÉLÈVE-Œuvrà", first_name="Çédric")
    row = Employee.objects.annotate(
        last=folded("last_name"), first=folded("first_name")
    ).values_list("last", "first")[0]
    assert row == ("eleve-ouvra", "cedric") == (fold("ÉLÈVE-Œuvrà"), fold("Çédric"))


class _Form(forms.Form):
    person = PersonField(label="Agent", required=False)
    number = PersonNumberField(label="Matricule", required=False)


def test_without_script_the_picker_is_a_plain_text_input():
    html = str(_Form()["person"])
    assert 'type="text"' in html
    assert 'data-picker-url="/rh/recherche/personnes/"' in html
    assert 'autocomplete="off"' in html
    # The combobox roles come with the script that makes them true.
    assert "role=" not in html and "aria-expanded" not in html


@pytest.mark.django_db
def test_the_person_field_cleans_to_the_employee_and_shows_its_label():
    person = EmployeeFactory(first_name="Léa", last_name="Roux", employee_number="E0077")
    form = _Form({"person": "Léa Roux (e0077)", "number": "Léa Roux (E0077)"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"person": person, "number": "E0077"}

    shown = _Form(initial={"person": person})["person"].value()
    assert _Form.base_fields["person"].prepare_value(shown) == "Léa Roux (E0077)"
    assert _Form.base_fields["person"].prepare_value(person.pk) == "Léa Roux (E0077)"
    assert not _Form.base_fields["person"].has_changed(person, "E0077")
    assert _Form.base_fields["person"].has_changed(person, "E0078")

    unknown = _Form({"person": "Quelqu'un (Z9)"})
    assert unknown.errors["person"] == ["Aucun agent en poste n'a le matricule Z9."]
    assert _Form({"person": ""}).is_valid()
