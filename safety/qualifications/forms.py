from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models import Department
from imtsocial.forms import DateInput, LeanModelChoiceField, VersionedForm
from safety.documents import checked_pdf
from safety.network.forms import EmployeeNumberField
from safety.qualifications import services
from safety.qualifications.enums import State
from safety.qualifications.models import Qualification, QualificationType


class QualificationForm(VersionedForm):
    holder = EmployeeNumberField(label=_("Matricule du titulaire"))

    class Meta:
        model = Qualification
        fields = [
            "holder",
            "qualification_type",
            "level",
            "obtained_on",
            "expires_on",
            "certificate",
        ]
        widgets = {
            "obtained_on": DateInput(),
            "expires_on": DateInput(),
            "certificate": forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        }
        help_texts = {
            "level": _("Pour une habilitation à niveaux (électrique : B0, B1V, BR, H0…)."),
            "expires_on": _(
                "Vide : calculée avec la durée de validité du type en vigueur à la date "
                "d'obtention."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        types = QualificationType.objects.filter(active=True)
        if self.instance.pk:
            types = types | QualificationType.objects.filter(pk=self.instance.qualification_type_id)
        self.fields["qualification_type"].queryset = types.order_by("name")
        self.fields["expires_on"].required = False

    def clean_obtained_on(self):
        obtained_on = self.cleaned_data["obtained_on"]
        if obtained_on > timezone.localdate():
            raise forms.ValidationError(_("La date d'obtention ne peut pas être dans le futur."))
        return obtained_on

    def clean_certificate(self):
        return checked_pdf(self.cleaned_data.get("certificate"))

    def clean(self):
        data = super().clean()
        kind, level = data.get("qualification_type"), (data.get("level") or "").strip()
        if kind is not None:
            levels = kind.level_list
            if levels and not level:
                self.add_error(
                    "level",
                    _("Indiquez le niveau (%(levels)s).") % {"levels": ", ".join(levels)},
                )
            elif levels and level.upper() not in {value.upper() for value in levels}:
                self.add_error(
                    "level",
                    _("Niveau inconnu pour ce type : choisissez parmi %(levels)s.")
                    % {"levels": ", ".join(levels)},
                )
            elif not levels and level:
                self.add_error("level", _("Ce type d'habilitation n'a pas de niveau."))
            elif levels:
                data["level"] = next(v for v in levels if v.upper() == level.upper())
        obtained_on, expires_on = data.get("obtained_on"), data.get("expires_on")
        if obtained_on and expires_on and expires_on < obtained_on:
            self.add_error("expires_on", _("L'échéance précède la date d'obtention."))
        elif (
            obtained_on and kind is not None and not expires_on and "expires_on" not in self.errors
        ):
            validity = services.validity_at(kind, obtained_on)
            if validity is None:
                self.add_error(
                    "expires_on",
                    _(
                        "Aucune durée de validité de ce type n'est en vigueur au %(date)s : "
                        "indiquez l'échéance."
                    )
                    % {"date": obtained_on.strftime("%d/%m/%Y")},
                )
            else:
                data["expires_on"] = services.expiry_for(validity, obtained_on)
        return data


class QualificationFilterForm(forms.Form):
    qualification_type = forms.ModelChoiceField(
        label=_("Type"), queryset=QualificationType.objects.none(), required=False,
        empty_label=_("Tous"),
    )  # fmt: skip
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"), queryset=Department.objects.none(), required=False,
        empty_label=_("Tous"),
    )  # fmt: skip
    state = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *State.choices], required=False
    )
    q = forms.CharField(label=_("Nom ou matricule"), required=False, max_length=100)

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["qualification_type"].queryset = QualificationType.objects.order_by("name")
        self.fields["department"].queryset = (
            departments if departments is not None else Department.objects.order_by("name")
        )

    def filter(self, qualifications, at, notices):
        if not (self.is_bound and self.is_valid()):
            return qualifications
        data = self.cleaned_data
        if data["qualification_type"]:
            qualifications = qualifications.filter(qualification_type=data["qualification_type"])
        if data["department"]:
            qualifications = qualifications.filter(holder__department=data["department"])
        if data["state"]:
            qualifications = qualifications.filter(services.state_q(data["state"], at, notices))
        if data["q"]:
            term = data["q"].strip()
            qualifications = qualifications.filter(
                Q(holder__last_name__icontains=term)
                | Q(holder__first_name__icontains=term)
                | Q(holder__employee_number__iexact=term)
            )
        return qualifications


class QualificationTypeForm(forms.ModelForm):
    class Meta:
        model = QualificationType
        fields = ["name", "code", "kind", "levels", "active"]

    def clean_levels(self):
        levels = [level.strip() for level in self.cleaned_data["levels"].split(",")]
        levels = [level for level in levels if level]
        if len({level.upper() for level in levels}) != len(levels):
            raise forms.ValidationError(_("Un même niveau figure deux fois."))
        if any(len(level) > 20 for level in levels):
            raise forms.ValidationError(_("Un niveau tient en 20 caractères au plus."))
        return ", ".join(levels)
