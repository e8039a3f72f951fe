from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.enums import DepartmentKind
from hr.models import Department
from hr.pickers import PersonField
from imtsocial.forms import DateInput, LeanModelChoiceField, VersionedForm, VersionForm
from safety.documents import checked_pdf
from safety.models import WorkUnit
from safety.network.enums import Expertise, Function
from safety.network.models import Appointment


class EmployeeNumberField(PersonField):
    """An employee in post, typed by staff number (« matricule ») or chosen by name in
    the person picker; cleans to the ``Employee`` (None when optional and empty)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Tapez son nom et choisissez dans la liste, ou saisissez son matricule."),
        )
        super().__init__(**kwargs)


class AppointmentForm(VersionedForm):
    employee = EmployeeNumberField(label=_("Matricule de l'agent nommé"))

    class Meta:
        model = Appointment
        fields = [
            "employee",
            "function",
            "expertise",
            "starts_on",
            "ends_on",
            "laboratory",
            "work_units",
            "letter",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "work_units": forms.CheckboxSelectMultiple,
            "letter": forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].choices = [("", _("Sans objet")), *Expertise.choices]
        self.fields["laboratory"].queryset = Department.objects.filter(
            kind=DepartmentKind.LABORATORY
        ).order_by("name")
        self.fields["work_units"].queryset = WorkUnit.objects.filter(active=True).order_by("code")

    def clean_letter(self):
        return checked_pdf(self.cleaned_data.get("letter"))

    def clean(self):
        data = super().clean()
        function, expertise = data.get("function"), data.get("expertise")
        if function == Function.EXPERT and not expertise:
            self.add_error("expertise", _("Indiquez le domaine d'expertise de l'expert."))
        elif function and function != Function.EXPERT and expertise:
            self.add_error("expertise", _("Seul un expert a un domaine d'expertise."))
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("La fin de la nomination précède son début."))
        return data


class EndForm(VersionForm):
    ends_on = forms.DateField(label=_("Fin de la nomination"), widget=DateInput())

    def __init__(self, *args, appointment, **kwargs):
        super().__init__(*args, **kwargs)
        self.appointment = appointment
        self.initial.setdefault("ends_on", timezone.localdate())
        self.initial.setdefault("version", appointment.version)

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < self.appointment.starts_on:
            raise forms.ValidationError(
                _("La fin de la nomination précède son début (%(start)s).")
                % {"start": self.appointment.starts_on.strftime("%d/%m/%Y")}
            )
        return ends_on


class NetworkFilterForm(forms.Form):
    at = forms.DateField(label=_("Réseau au"), required=False, widget=DateInput())
    function = forms.ChoiceField(
        label=_("Fonction"), choices=[("", _("Toutes")), *Function.choices], required=False
    )
    laboratory = LeanModelChoiceField(
        label=_("Laboratoire"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("Tous"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["laboratory"].queryset = Department.objects.filter(
            kind=DepartmentKind.LABORATORY
        ).order_by("name")

    def date(self):
        if self.is_bound and self.is_valid() and self.cleaned_data["at"]:
            return self.cleaned_data["at"]
        return timezone.localdate()

    def filter(self, appointments):
        if not (self.is_bound and self.is_valid()):
            return appointments
        if self.cleaned_data["function"]:
            appointments = appointments.filter(function=self.cleaned_data["function"])
        if self.cleaned_data["laboratory"]:
            appointments = appointments.filter(laboratory=self.cleaned_data["laboratory"])
        return appointments
