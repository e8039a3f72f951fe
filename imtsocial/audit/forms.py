from django import forms
from django.utils.translation import gettext_lazy as _

from imtsocial.audit.models import AuditAction


class JournalFilterForm(forms.Form):
    actor = forms.CharField(label=_("Auteur"), required=False, max_length=100)
    subject = forms.CharField(label=_("Personne concernée"), required=False, max_length=100)
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("Toutes")), *AuditAction.choices], required=False
    )
    start = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("La date de fin précède la date de début."))
        return data
