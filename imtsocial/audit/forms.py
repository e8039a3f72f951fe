from django import forms
from django.utils.translation import gettext_lazy as _

from imtsocial.audit.models import AuditAction, kind_label

# The kinds of record whose reads are journaled (the « Type d'objet » filter); a model's
# ``label_lower``, shown by its verbose name.
AUDITED_KINDS = (
    "hr.employee",
    "hr.salaryrecord",
    "evaluations.evaluationinterview",
    "coaching.coachingrelationship",
    "social_action.aidrequest",
    "social_action.aiddocument",
    "telework.teleworkrequest",
    "qualifications.qualification",
    "registers.workaccident",
)


def _kind_choices():
    return [("", _("Tous")), *((kind, kind_label(kind).capitalize()) for kind in AUDITED_KINDS)]


class JournalFilterForm(forms.Form):
    actor = forms.CharField(label=_("Auteur"), required=False, max_length=100)
    subject = forms.CharField(label=_("Personne concernée"), required=False, max_length=100)
    action = forms.ChoiceField(
        label=_("Action"), choices=[("", _("Toutes")), *AuditAction.choices], required=False
    )
    kind = forms.ChoiceField(label=_("Type d'objet"), choices=_kind_choices, required=False)
    with_pay = forms.BooleanField(
        label=_("Seulement les consultations avec la rémunération"), required=False
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
