from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from hr.models import Contract, Employee, IndexPointValue, SalaryRecord
from imtsocial.accounts.models import User
from imtsocial.forms import DateInput, VersionedForm


class EmployeeForm(VersionedForm):
    manager_number = forms.CharField(
        label=_("Matricule du responsable hiérarchique"),
        required=False,
        max_length=20,
        help_text=_("Laisser vide si l'agent n'a pas de responsable."),
    )

    class Meta:
        model = Employee
        fields = [
            "employee_number",
            "last_name",
            "first_name",
            "work_email",
            "site",
            "department",
            "job_title",
            "hire_date",
            "leave_date",
            "category",
            "corps",
            "grade",
            "level3_diploma",
            "birth_date",
        ]
        widgets = {
            "hire_date": DateInput(),
            "leave_date": DateInput(),
            "birth_date": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.manager_id:
            self.fields["manager_number"].initial = self.instance.manager.employee_number

    def clean_manager_number(self):
        number = self.cleaned_data["manager_number"].strip()
        if not number:
            return None
        manager = Employee.objects.filter(employee_number__iexact=number).first()
        if manager is None:
            raise forms.ValidationError(
                _("Aucun agent n'a le matricule %(number)s.") % {"number": number}
            )
        if self.instance.pk and manager.pk == self.instance.pk:
            raise forms.ValidationError(_("Un agent ne peut pas être son propre responsable."))
        return manager

    def _post_clean(self):
        self.instance.manager = self.cleaned_data.get("manager_number")
        super()._post_clean()


class EmployeeCreateForm(EmployeeForm):
    create_login = forms.BooleanField(
        label=_("Créer son compte et lui envoyer l'e-mail de choix du mot de passe"),
        required=False,
        initial=True,
    )

    def clean(self):
        data = super().clean()
        email = data.get("work_email")
        if data.get("create_login"):
            if not email:
                self.add_error("work_email", _("Indiquez l'e-mail pour créer le compte."))
            elif User.objects.filter(email__iexact=email).exists():
                self.add_error("work_email", _("Un compte existe déjà avec cet e-mail."))
        return data


class ContractForm(VersionedForm):
    class Meta:
        model = Contract
        fields = ["kind", "start", "end", "signed_on", "working_time_ratio", "category", "grade"]
        widgets = {"start": DateInput(), "end": DateInput(), "signed_on": DateInput()}


class SalaryRecordForm(forms.ModelForm):
    class Meta:
        model = SalaryRecord
        fields = ["effective_date", "gross_monthly", "index_majore"]
        widgets = {"effective_date": DateInput()}
        help_texts = {
            "gross_monthly": _(
                "Laisser vide avec un indice majoré : le traitement de base est calculé "
                "(indice × valeur annuelle du point / 1 200)."
            )
        }

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.contract = contract
        self.fields["gross_monthly"].required = False

    def clean(self):
        data = super().clean()
        if data.get("gross_monthly") is None and not self.has_error("gross_monthly"):
            index = data.get("index_majore")
            date = data.get("effective_date")
            if not index:
                self.add_error("gross_monthly", _("Indiquez le montant ou l'indice majoré."))
            elif date:
                point = IndexPointValue.objects.get_in_force(date)
                if point is None:
                    self.add_error(
                        "index_majore", _("Aucune valeur du point d'indice à cette date.")
                    )
                else:
                    amount = (Decimal(index) * point.yearly_value_100 / 1200).quantize(
                        Decimal("0.01"), rounding=ROUND_HALF_UP
                    )
                    data["gross_monthly"] = amount
                    self.instance.gross_monthly = amount
        return data
