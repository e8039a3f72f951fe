"""Forms of the inspections register (DSFR renderer of the kit)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.forms import DateInput, LeanModelChoiceField, VersionedForm, text_limited
from safety.documents import checked_pdf
from safety.forms import ActionItemForm
from safety.inspections.enums import DueState, InspectionResult
from safety.inspections.models import ControlledEquipment, EquipmentKind, Inspection
from safety.models import RiskEntry


class EquipmentFilterForm(forms.Form):
    """GET filters; an invalid value (« abc » as a kind) is ignored with its message."""

    q = forms.CharField(label=_("Désignation ou référence"), required=False, max_length=100)
    kind = forms.ModelChoiceField(
        label=_("Type"),
        queryset=EquipmentKind.objects.none(),
        required=False,
        empty_label=_("Tous"),
    )
    unit = LeanModelChoiceField(
        label=_("Unité de travail"),
        queryset=None,
        required=False,
        empty_label=_("Toutes"),
    )
    state = forms.ChoiceField(
        label=_("Échéance"),
        choices=[("", _("Toutes")), *DueState.choices, ("withdrawn", _("Retirés du service"))],
        required=False,
    )
    mine = forms.BooleanField(label=_("Seulement mes unités"), required=False)

    def __init__(self, *args, units, show_state=True, show_mine=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = EquipmentKind.objects.order_by("name")
        self.fields["unit"].queryset = units.order_by("code")
        if not show_state:
            del self.fields["state"]
        if not show_mine:
            del self.fields["mine"]

    def value(self, name):
        """The cleaned value of a valid field, None otherwise (bad input filters nothing)."""
        if not self.is_bound:
            return None
        self.is_valid()
        return self.cleaned_data.get(name)


class EquipmentForm(VersionedForm):
    class Meta:
        model = ControlledEquipment
        fields = ["kind", "work_unit", "label", "inventory_ref", "location", "commissioned_on"]
        widgets = {"commissioned_on": DateInput()}

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = EquipmentKind.objects.filter(active=True).order_by("name")
        self.fields["work_unit"].queryset = units.filter(active=True).order_by("code")

    def clean_commissioned_on(self):
        day = self.cleaned_data["commissioned_on"]
        if day and day > timezone.localdate():
            raise forms.ValidationError(_("La date de mise en service ne peut pas être future."))
        return day


@text_limited
class KindForm(forms.ModelForm):
    months = forms.IntegerField(
        label=_("Périodicité (mois)"),
        min_value=1,
        max_value=240,
        help_text=_("Modifiable ensuite dans « Référentiels », à partir d'une date."),
    )
    valid_from = forms.DateField(label=_("Périodicité en vigueur à partir du"), widget=DateInput())

    class Meta:
        model = EquipmentKind
        fields = ["code", "name", "description", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # the periodicity of an existing kind is a reference row
            del self.fields["months"]
            del self.fields["valid_from"]


@text_limited
class InspectionForm(forms.ModelForm):
    report = forms.FileField(
        label=_("Rapport de contrôle (PDF)"),
        required=False,
        help_text=_("Un fichier PDF."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    class Meta:
        model = Inspection
        fields = ["date", "body", "result", "remarks"]
        widgets = {
            "date": DateInput(),
            "result": forms.RadioSelect,
            "remarks": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"body": _("Organisme agréé ou service ayant réalisé le contrôle.")}

    def __init__(self, *args, equipment, **kwargs):
        self.equipment = equipment
        super().__init__(*args, **kwargs)
        self.fields["result"].choices = InspectionResult.choices  # no blank radio

    def clean_date(self):
        from safety.inspections.services import InspectionError, check_inspection_date

        day = self.cleaned_data["date"]
        try:
            check_inspection_date(day, self.equipment)
        except InspectionError as error:
            raise forms.ValidationError(error.messages) from None
        return day

    def clean_report(self):
        return checked_pdf(self.cleaned_data.get("report")) or None

    def clean(self):
        data = super().clean()
        if (
            data.get("result") in (InspectionResult.REMARKS, InspectionResult.NON_COMPLIANT)
            and not data.get("remarks", "").strip()
        ):
            self.add_error("remarks", _("Indiquez les remarques ou les non-conformités relevées."))
        return data


@text_limited
class OpenActionForm(ActionItemForm):
    """An action of the DUERP plan, on a risk of the equipment's unit."""

    entry = forms.ModelChoiceField(label=_("Risque du DUERP concerné"), queryset=None)

    field_order = ["entry", "title", "description", "owner", "due_date", "budget"]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["entry"].queryset = (
            RiskEntry.objects.filter(work_unit=unit, active=True)
            .select_related("hazard")
            .order_by("priority", "-score")
        )
        self.fields["entry"].label_from_instance = lambda e: e.hazard.name
        self.order_fields(self.field_order)
