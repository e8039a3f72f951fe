from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from hr.pickers import PersonNumberField
from hr.training.enums import EnrolmentStatus, Mode, Theme
from hr.training.models import Course, TrainingSession
from imtsocial.forms import DateInput, HoursField, VersionForm


class CourseForm(forms.ModelForm):
    hours = HoursField(label=_("Durée (heures)"), min_value=0, max_digits=5, decimal_places=1)

    class Meta:
        model = Course
        fields = ["title", "provider", "theme", "mode", "hours", "description", "active"]


class SessionForm(forms.ModelForm):
    class Meta:
        model = TrainingSession
        fields = ["starts_on", "ends_on", "capacity", "location"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if starts_on < timezone.localdate():
            raise forms.ValidationError(_("Une session ne se crée pas dans le passé."))
        return starts_on

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("La fin de la session précède son début."))
        return data


class EnrolForm(forms.Form):
    uses_cpf = forms.BooleanField(
        label=_("Au titre de mon compte personnel de formation (CPF)"), required=False
    )


class HrEnrolForm(EnrolForm):
    employee_number = PersonNumberField(
        label=_("Matricule de l'agent"),
        help_text=_("Tapez son nom et choisissez dans la liste, ou saisissez son matricule."),
    )

    def clean_employee_number(self):
        number = self.cleaned_data["employee_number"].strip()
        employee = Employee.objects.active().filter(employee_number__iexact=number).first()
        if employee is None:
            raise forms.ValidationError(
                _("Aucun agent en poste n'a le matricule %(number)s.") % {"number": number}
            )
        return employee


class DecisionForm(VersionForm):
    reason = forms.CharField(
        label=_("Motif (obligatoire pour un refus)"), required=False, max_length=500
    )


class CatalogueFilterForm(forms.Form):
    theme = forms.ChoiceField(
        label=_("Thème"), choices=[("", _("Tous")), *Theme.choices], required=False
    )
    mode = forms.ChoiceField(
        label=_("Modalité"), choices=[("", _("Toutes")), *Mode.choices], required=False
    )
    q = forms.CharField(label=_("Intitulé ou organisme"), required=False, max_length=100)

    def filter(self, courses):
        if not self.is_valid():
            return courses
        data = self.cleaned_data
        if data["theme"]:
            courses = courses.filter(theme=data["theme"])
        if data["mode"]:
            courses = courses.filter(mode=data["mode"])
        if data["q"]:
            courses = courses.filter(
                Q(title__icontains=data["q"]) | Q(provider__icontains=data["q"])
            )
        return courses


class TeamFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("État"),
        choices=[("", _("Tous")), *EnrolmentStatus.choices],
        required=False,
    )


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Année"), min_value=2000, max_value=2100, required=False)


class AttendanceForm(forms.Form):
    """One line per enrolment holding a place: present or not, and the hours attended."""

    def __init__(self, *args, enrolments, **kwargs):
        super().__init__(*args, **kwargs)
        self.enrolments = list(enrolments)
        for enrolment in self.enrolments:
            name = enrolment.employee.full_name
            self.fields[f"present_{enrolment.pk}"] = forms.BooleanField(
                label=_("%(name)s était présent(e)") % {"name": name},
                required=False,
                initial=enrolment.status != EnrolmentStatus.ABSENT,
            )
            self.fields[f"hours_{enrolment.pk}"] = HoursField(
                label=_("Heures suivies par %(name)s") % {"name": name},
                required=False,
                max_digits=5,
                decimal_places=1,
                initial=enrolment.attended_hours,
            )

    def rows(self):
        for enrolment in self.enrolments:
            yield enrolment, self[f"present_{enrolment.pk}"], self[f"hours_{enrolment.pk}"]

    def hours(self, default) -> dict:
        """enrolment pk → hours attended (the course length when left empty), None if absent."""
        result = {}
        for enrolment in self.enrolments:
            if not self.cleaned_data[f"present_{enrolment.pk}"]:
                result[enrolment.pk] = None
            else:
                value = self.cleaned_data[f"hours_{enrolment.pk}"]
                result[enrolment.pk] = default if value is None else value
        return result
