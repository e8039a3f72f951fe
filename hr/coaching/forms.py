from django import forms
from django.utils.translation import gettext_lazy as _

from hr.coaching.models import EndReason
from hr.models import TalentDeveloper
from imtsocial.forms import DateInput, VersionForm


class ChooseForm(forms.Form):
    coach = forms.ModelChoiceField(
        label=_("Développeur de talents"),
        queryset=TalentDeveloper.objects.filter(active=True),
        error_messages={"invalid_choice": _("Choisissez un développeur de talents en activité.")},
    )


class SessionForm(forms.Form):
    date = forms.DateField(label=_("Date de la séance"), widget=DateInput())
    notes = forms.CharField(
        label=_("Notes (visibles de vous deux seulement)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class EndForm(VersionForm):
    pass


END_REASON_OF_ROLE = {"coach": EndReason.COACH, "coachee": EndReason.COACHEE}
