from django import forms
from django.forms import modelform_factory
from django.utils.translation import gettext_lazy as _

from imtsocial.forms import DateInput, amount_formfield


class ReferenceRowForm(forms.ModelForm):
    """A new value of a reference table from a date (the previous one ends the day before)."""

    def __init__(self, *args, table, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table
        self.instance.replaces_latest = True
        for name, choices in table.key_choices.items():
            field = self.fields[name]
            self.fields[name] = forms.ChoiceField(
                label=field.label,
                choices=[("", "---------"), *choices()],
                help_text=field.help_text,
            )
        self.fields["valid_from"].help_text = _(
            "La valeur en vigueur jusque-là prend fin la veille."
        )


class ListFilterForm(forms.Form):
    PERIODS = [("current", _("En vigueur et à venir")), ("all", _("Toutes les périodes"))]
    period = forms.ChoiceField(label=_("Périodes affichées"), choices=PERIODS, required=False)


def row_form_class(table):
    """The table's own form when it has one (a ``ReferenceRowForm`` with its ``Meta``), else
    a ModelForm of the key, the period, the values, the source and the check mark."""
    if table.form_class is not None and getattr(table.form_class._meta, "model", None):
        return table.form_class
    fields = [*table.key_fields, "valid_from", "valid_to", *table.fields, "source", "verified"]
    return modelform_factory(
        table.model,
        form=table.form_class or ReferenceRowForm,
        fields=fields,
        widgets={"valid_from": DateInput(), "valid_to": DateInput()},
        formfield_callback=amount_formfield,
    )
