from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from hr.models import Contract, Employee, IndexPointValue, SalaryRecord
from hr.pay_checks import salary_warnings
from hr.pickers import PersonField
from imtsocial.accounts.models import User
from imtsocial.forms import (
    AmountField,
    DateInput,
    VersionedForm,
    VersionField,
    VersionForm,
    identifier,
    plausible_date,
)


class EmployeeForm(VersionedForm):
    manager_number = PersonField(
        label=_("Responsable hiérarchique"),
        required=False,
        # Any record, as before the picker: a manager who has left stays shown until replaced.
        queryset=Employee.objects.all(),
        error_messages={"unknown": _("Aucun agent n'a le matricule %(key)s.")},
        help_text=_(
            "Tapez son nom et choisissez dans la liste, ou saisissez son matricule. "
            "Laisser vide si l'agent n'a pas de responsable."
        ),
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
            self.fields["manager_number"].initial = self.instance.manager
        # plausible dates and employee numbers (« 0000-00-00 » is none): bounds and pattern
        # in one place of the kit (settings.DATE_BOUNDS, IDENTIFIER_PATTERNS)
        identifier(self.fields["employee_number"], "employee_number")
        plausible_date(self.fields["birth_date"], "birth")
        plausible_date(self.fields["hire_date"])
        plausible_date(self.fields["leave_date"])

    def clean_manager_number(self):
        manager = self.cleaned_data["manager_number"]
        if manager is None:
            return None
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
    """A salary typed by HR: the French way (« 4 250,75 »), or computed from the index.

    An amount far from the person's previous salary or from their category's minimum
    (``hr.pay_checks``) is not saved at once: the form comes back with the reason and a
    « Je confirme ce montant » box; the confirmation holds for the amount it was asked
    for only (``warned_amount``), so changing the amount asks again."""

    gross_monthly = AmountField(
        label=_("Brut mensuel (€)"),
        required=False,
        max_digits=9,
        min_value=Decimal("0.01"),
        error_messages={"min_value": _("Le montant doit être positif.")},
        help_text=_(
            "Par exemple 4 250,75. Laisser vide avec un indice majoré : le traitement de base "
            "est calculé (indice × valeur annuelle du point / 1 200)."
        ),
    )
    confirm_amount = forms.BooleanField(
        label=_("Je confirme ce montant"),
        required=False,
        help_text=_("Cochez après avoir vérifié le montant signalé."),
    )
    warned_amount = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = SalaryRecord
        fields = ["effective_date", "gross_monthly", "index_majore"]
        widgets = {"effective_date": DateInput()}

    def __init__(self, *args, contract, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.contract = contract
        self.amount_warnings: list[str] = []

    def full_clean(self):
        super().full_clean()
        if not self.amount_warnings:  # the box is shown only with a warning
            self.fields.pop("confirm_amount", None)
            self.fields.pop("warned_amount", None)

    def get_context(self):
        self.errors  # noqa: B018 -- cleans first: the fields shown depend on it
        return super().get_context()

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
        self._check_plausibility(data)
        return data

    def _check_plausibility(self, data):
        amount, day = data.get("gross_monthly"), data.get("effective_date")
        if amount is None or day is None or self.has_error("effective_date"):
            return
        self.amount_warnings = salary_warnings(
            contract=self.instance.contract,
            effective_date=day,
            amount=amount,
            exclude_pk=self.instance.pk,
        )
        if not self.amount_warnings:
            return
        if data.get("confirm_amount") and data.get("warned_amount") == str(amount):
            return
        hint = _("Vérifiez-le, puis cochez « Je confirme ce montant » pour l'enregistrer.")
        self.add_error("gross_monthly", " ".join([*self.amount_warnings, str(hint)]))
        # The box comes back unticked, for the amount just checked.
        self.data = self.data.copy()
        self.data["warned_amount"] = str(amount)
        self.data.pop("confirm_amount", None)


class SalaryCorrectionForm(SalaryRecordForm):
    """HR corrects a mistaken record; the reason goes to the file's history."""

    reason = forms.CharField(
        label=_("Motif de la correction"),
        max_length=100,
        help_text=_("Visible dans l'historique du dossier (100 caractères au plus)."),
    )

    version = VersionField()

    field_order = ["effective_date", "gross_monthly", "index_majore", "reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, contract=kwargs["instance"].contract, **kwargs)
        self.initial.setdefault("version", self.instance.version)


class SalaryCancelForm(VersionForm):
    """HR cancels a mistaken record: it stays in the history, marked cancelled."""

    reason = forms.CharField(
        label=_("Motif de l'annulation"),
        max_length=100,
        help_text=_("Par exemple « saisie en double ». Visible dans l'historique du dossier."),
    )
