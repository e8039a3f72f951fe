from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.dialogue.models import Mandate, Meeting
from hr.models import Employee
from hr.pickers import PersonNumberField
from imtsocial.forms import DateInput
from imtsocial.uploads import PDF, checked_upload


class MandateForm(forms.ModelForm):
    employee_number = PersonNumberField(
        label=_("Matricule de l'agent"),
        required=False,
        help_text=_(
            "Tapez son nom et choisissez dans la liste, ou saisissez son matricule. "
            "Laisser vide pour un membre extérieur."
        ),
    )

    class Meta:
        model = Mandate
        fields = ["member_name", "kind", "union", "starts_on", "ends_on"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    field_order = ["employee_number", "member_name", "kind", "union", "starts_on", "ends_on"]

    def clean_employee_number(self):
        number = self.cleaned_data["employee_number"].strip()
        if not number:
            return None
        employee = Employee.objects.filter(employee_number__iexact=number).first()
        if employee is None:
            raise forms.ValidationError(
                _("Aucun agent n'a le matricule %(number)s.") % {"number": number}
            )
        return employee

    def _post_clean(self):
        self.instance.employee = self.cleaned_data.get("employee_number")
        super()._post_clean()


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["date", "agenda", "minutes"]
        widgets = {
            "date": DateInput(),
            "minutes": forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
        }

    def clean_minutes(self):
        upload = self.cleaned_data.get("minutes")
        if not upload or not hasattr(upload, "content_type"):
            return upload  # nothing new
        checked = checked_upload(
            upload, limit=settings.MINUTES_MAX_UPLOAD_BYTES, kinds=(PDF,), kinds_label="PDF"
        )
        checked.name = checked.safe_name
        return checked

    def clean(self):
        data = super().clean()
        if data.get("minutes") and data.get("date") and data["date"] > timezone.localdate():
            self.add_error("minutes", _("Le procès-verbal se dépose après la réunion."))
        return data
