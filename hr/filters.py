from django import forms
from django.utils.translation import gettext_lazy as _

from hr.enums import ContractKind
from hr.models import Department, Site
from imtsocial.forms import LeanModelChoiceField


class EmployeeFilterForm(forms.Form):
    STATUS_CHOICES = [
        ("active", _("En poste")),
        ("left", _("Partis")),
        ("all", _("Tous")),
    ]
    q = forms.CharField(label=_("Nom ou matricule"), required=False, max_length=100)
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"),
        queryset=Department.objects.order_by("name"),
        required=False,
        empty_label=_("Tous"),
    )
    site = LeanModelChoiceField(
        label=_("Site"),
        queryset=Site.objects.order_by("name"),
        required=False,
        empty_label=_("Tous"),
    )
    contract_kind = forms.ChoiceField(
        label=_("Contrat en cours"),
        choices=[("", _("Tous")), *ContractKind.choices],
        required=False,
    )
    ending_before = forms.DateField(
        label=_("Contrat se terminant au plus tard le"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(label=_("Situation"), choices=STATUS_CHOICES, required=False)
    at = forms.DateField(
        label=_("À la date du"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class TeamFilterForm(forms.Form):
    """The manager's team: search a report by name or number (no query of its own)."""

    q = forms.CharField(label=_("Nom ou matricule"), required=False, max_length=100)
