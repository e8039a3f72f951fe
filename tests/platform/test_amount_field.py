"""The one amount field of the intranet: what people type the French way is read as they
mean it; anything ambiguous is refused with a French message, never read as another
number (« 4 250,75 » once became 425 075,00 € through a number input)."""

from decimal import Decimal

import pytest
from django import forms

from imtsocial.forms import AmountField

NBSP, NNBSP = "\u00a0", "\u202f"


class PayForm(forms.Form):
    amount = AmountField(label="Montant", max_digits=9)
    adjustment = AmountField(label="Régularisation", max_digits=9, allow_negative=True)


def clean(value, field="amount"):
    form = PayForm({"amount": "1", "adjustment": "1", field: value})
    assert form.is_valid(), form.errors
    return form.cleaned_data[field]


def errors(value, field="amount"):
    form = PayForm({"amount": "1", "adjustment": "1", field: value})
    assert not form.is_valid()
    return form.errors[field]


@pytest.mark.parametrize(
    "typed",
    [
        "4 250,75",  # ordinary space
        f"4{NBSP}250,75",  # non-breaking space (copied from a page of the intranet)
        f"4{NNBSP}250,75",  # narrow non-breaking space (copied from a spreadsheet)
        "4250,75",
        "4250.75",
        " 4 250,75 € ",
    ],
)
def test_french_inputs_are_read_as_meant(typed):
    assert clean(typed) == Decimal("4250.75")


def test_whole_amounts_and_large_groupings():
    assert clean("1 234 567") == Decimal("1234567")
    assert clean("12") == Decimal("12")


@pytest.mark.parametrize(
    "typed",
    [
        "1e3",
        "4.090,50",
        "4,090.50",
        "42 50,75",
        "NaN",
        "abc",
        "4,",
        "4,090",  # 4 090 or 4,09? ambiguous
        "4.090",
        "\u0664\u0660\u0669\u0660",  # 4090 in Arabic-Indic digits
        "Infinity",
        "1_000",
    ],
)
def test_ambiguous_or_foreign_formats_are_refused_in_french(typed):
    assert errors(typed) == [
        "Saisissez un montant, par exemple 4 250,75 (chiffres, espaces entre les milliers, "
        "une virgule avant les centimes)."
    ]


def test_more_than_two_decimals_is_refused():
    assert errors("4250,755") == ["Indiquez au plus 2 chiffres après la virgule."]


def test_a_negative_amount_is_refused_unless_allowed():
    assert errors("-12,50") == ["Le montant ne peut pas être négatif."]
    assert clean("-12,50", field="adjustment") == Decimal("-12.50")


def test_too_big_for_the_column():
    # max_digits=9 with 2 decimals: 7 whole digits at most
    assert errors("12 345 678") == ["Ce montant est trop grand."]


def test_a_text_input_with_the_decimal_keyboard():
    html = str(PayForm()["amount"])
    assert 'type="text"' in html and 'inputmode="decimal"' in html
    assert 'type="number"' not in html


def test_a_stored_amount_is_shown_with_a_comma():
    form = PayForm(initial={"amount": Decimal("4250.75")})
    assert 'value="4250,75"' in str(form["amount"])


def test_messages_can_be_given_by_the_form():
    field = AmountField(
        min_value=Decimal("0.01"), error_messages={"min_value": "Le montant doit être positif."}
    )
    with pytest.raises(forms.ValidationError) as refused:
        field.clean("0")
    assert refused.value.messages == ["Le montant doit être positif."]


def test_every_money_field_of_the_forms_is_an_amount_field():
    """hr salaries, social action amounts, safety budgets: no number input for money."""
    from hr.forms import SalaryRecordForm
    from safety.forms import ActionItemForm
    from social_action.forms import AidRequestForm, DecisionForm, GrantForm

    fields = [
        SalaryRecordForm.base_fields["gross_monthly"],
        ActionItemForm.base_fields["budget"],
        AidRequestForm.base_fields["reference_income"],
        AidRequestForm.base_fields["expenses"],
        AidRequestForm.base_fields["amount_asked"],
        DecisionForm.base_fields["amount"],
        GrantForm.base_fields["amount"],
    ]
    assert all(isinstance(field, AmountField) for field in fields)
