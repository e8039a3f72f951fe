from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models import Site
from imtsocial.forms import AmountField, DateInput, VersionedForm
from safety.asbestos.enums import Action, Material, State
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure


def _not_future(day):
    if day is not None and day > timezone.localdate():
        raise forms.ValidationError(_("La date ne peut pas être dans le futur."))
    return day


class LocationForm(VersionedForm):
    class Meta:
        model = Location
        fields = [
            "site",
            "building",
            "room",
            "element",
            "material",
            "identified_on",
            "identified_by",
            "notes",
        ]
        widgets = {"identified_on": DateInput()}
        help_texts = {
            "building": _("Par exemple A, B ou « galeries techniques »."),
            "identified_by": _("Organisme ou diagnostiqueur, par exemple APAVE."),
        }

    def clean_identified_on(self):
        return _not_future(self.cleaned_data["identified_on"])

    def clean_building(self):
        return self.cleaned_data["building"].strip()


class AssessmentForm(forms.ModelForm):
    score = forms.TypedChoiceField(
        label=_("État de conservation"),
        coerce=int,
        choices=[
            ("", _("Choisir une note")),
            (1, _("1 — bon état : nouvelle évaluation dans le délai")),
            (2, _("2 — état intermédiaire : mesure d'empoussièrement")),
            (3, _("3 — dégradé : travaux")),
        ],
        error_messages={
            "invalid_choice": _("L'état de conservation se note de 1 à 3."),
            "required": _("Choisissez l'état de conservation (1 à 3)."),
        },
    )

    class Meta:
        model = Assessment
        fields = ["date", "score", "assessed_by", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_date(self):
        return _not_future(self.cleaned_data["date"])


class MeasureForm(forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["kind", "done_on", "validated_by", "description"]
        widgets = {"done_on": DateInput(), "description": forms.Textarea(attrs={"rows": 2})}

    def clean_done_on(self):
        return _not_future(self.cleaned_data["done_on"])


class AirMeasurementForm(forms.ModelForm):
    fibres_per_litre = AmountField(
        label=_("Concentration (fibres par litre)"),
        max_digits=8,
        decimal_places=2,
        error_messages={"min_value": _("Une concentration n'est pas négative.")},
    )

    class Meta:
        model = AirMeasurement
        fields = ["date", "fibres_per_litre", "below_detection", "laboratory", "notes"]
        widgets = {"date": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_date(self):
        return _not_future(self.cleaned_data["date"])

    def clean_fibres_per_litre(self):
        value = self.cleaned_data["fibres_per_litre"]
        if value is not None and value < 0:
            raise forms.ValidationError(_("Une concentration n'est pas négative."))
        return value


class LocationFilterForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=Site.objects.all(), required=False)
    building = forms.CharField(label=_("Bâtiment"), max_length=60, required=False)
    state = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *State.choices], required=False
    )
    material = forms.ChoiceField(
        label=_("Matériau"), choices=[("", _("Tous")), *Material.choices], required=False
    )
    action = forms.ChoiceField(
        label=_("Suite à donner"),
        choices=[("", _("Toutes")), ("due", _("À faire maintenant")), *Action.choices],
        required=False,
    )

    def filter(self, locations):
        if not self.is_valid():
            return locations
        data = self.cleaned_data
        if data["site"]:
            locations = locations.filter(site=data["site"])
        if data["building"]:
            locations = locations.filter(building__iexact=data["building"].strip())
        if data["state"]:
            locations = locations.filter(state=data["state"])
        if data["material"]:
            locations = locations.filter(material=data["material"])
        return locations


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Année"), min_value=1950, max_value=2100, required=False)
