from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.forms import AmountField, DateInput, LeanModelChoiceField, VersionedForm
from safety.documents import checked_pdf
from safety.exposure.enums import ConcentrationUnit, Kind, Verdict
from safety.exposure.models import MeasurementCampaign, Substance
from safety.models import WorkUnit


class SubstanceForm(forms.ModelForm):
    class Meta:
        model = Substance
        fields = ["name", "cas_number", "molar_mass", "active"]

    def clean_cas_number(self):
        return self.cleaned_data["cas_number"].strip()


class CampaignForm(VersionedForm):
    class Meta:
        model = MeasurementCampaign
        fields = ["work_unit", "date", "laboratory", "notes", "report"]
        widgets = {
            "date": DateInput(),
            "report": forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        }

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_unit"].queryset = units.order_by("code")

    def clean_date(self):
        day = self.cleaned_data["date"]
        if day > timezone.localdate():
            raise forms.ValidationError(
                _("Une campagne se saisit une fois les prélèvements faits : la date est future.")
            )
        return day

    def clean_report(self):
        return checked_pdf(self.cleaned_data.get("report"))


class MeasurementForm(forms.Form):
    substance = forms.ModelChoiceField(
        label=_("Substance"), queryset=Substance.objects.filter(active=True)
    )
    kind = forms.ChoiceField(label=_("Type de mesure"), choices=Kind.choices)
    duration_minutes = forms.IntegerField(
        label=_("Durée de prélèvement (minutes)"), min_value=1, max_value=24 * 60
    )
    # Its own check says « Une concentration n'est pas négative » (not an amount).
    value = AmountField(
        label=_("Valeur mesurée"), max_digits=12, decimal_places=4, allow_negative=True
    )
    unit = forms.ChoiceField(
        label=_("Unité"),
        choices=[("", _("Choisir l'unité")), *ConcentrationUnit.choices],
        error_messages={"required": _("Précisez l'unité de la valeur mesurée.")},
    )

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise forms.ValidationError(_("Une concentration n'est pas négative."))
        return value


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Suite donnée au dépassement"), max_length=2000, widget=forms.Textarea
    )


class CampaignFilterForm(forms.Form):
    work_unit = LeanModelChoiceField(
        label=_("Unité de travail"), queryset=WorkUnit.objects.none(), required=False
    )
    year = forms.IntegerField(label=_("Année"), min_value=1950, max_value=2100, required=False)
    over = forms.BooleanField(label=_("Avec un dépassement seulement"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_unit"].queryset = units.order_by("code")

    def filter(self, campaigns):
        if not self.is_valid():
            return campaigns
        data = self.cleaned_data
        if data["work_unit"]:
            campaigns = campaigns.filter(work_unit=data["work_unit"])
        if data["year"]:
            campaigns = campaigns.filter(date__year=data["year"])
        if data["over"]:
            campaigns = campaigns.filter(measurements__verdict=Verdict.OVER).distinct()
        return campaigns


class HistoryFilterForm(forms.Form):
    work_unit = LeanModelChoiceField(label=_("Unité de travail"), queryset=WorkUnit.objects.none())
    substance = forms.ModelChoiceField(label=_("Substance"), queryset=Substance.objects.all())

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["work_unit"].queryset = units.order_by("code")


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Année"), min_value=1950, max_value=2100, required=False)
