import re

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models import Department, Employee
from hr.pickers import PersonNumberField
from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.forms import DateInput, LeanModelChoiceField, VersionedForm
from safety.trainings.enums import NEWCOMER_KINDS, LearnerKind
from safety.trainings.models import (
    Learner,
    QuizAnswer,
    QuizQuestion,
    RoadRiskExposure,
    SafetySession,
    TrainingKind,
)

SCHOOL_YEAR = re.compile(r"^(\d{4})-(\d{4})$")


def _employee_by_number(number: str):
    number = number.strip()
    employee = Employee.objects.active().filter(employee_number__iexact=number).first()
    if employee is None:
        raise forms.ValidationError(
            _("Aucun agent en poste n'a le matricule %(number)s.") % {"number": number}
        )
    return employee


def _departments():
    return Department.objects.order_by("name")


class SessionForm(VersionedForm):
    kind = forms.ModelChoiceField(
        label=_("Formation"), queryset=TrainingKind.objects.filter(active=True)
    )
    trainer_agent = forms.ModelChoiceField(
        label=_("Formateur : agent de prévention"),
        queryset=User.objects.filter(groups__name=Role.PREVENTION.value, is_active=True)
        .distinct()
        .order_by("last_name", "first_name"),
        required=False,
    )

    class Meta:
        model = SafetySession
        fields = ["kind", "date", "place", "trainer_agent", "trainer_body"]
        widgets = {"date": DateInput()}
        help_texts = {"trainer_body": _("Ou, pour un intervenant extérieur, son organisme.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainer_agent"].label_from_instance = lambda u: u.get_full_name() or u.email

    def clean(self):
        data = super().clean()
        agent, body = data.get("trainer_agent"), (data.get("trainer_body") or "").strip()
        if (agent is None) == (not body):
            self.add_error(
                "trainer_body",
                _("Indiquez soit un agent de prévention, soit un organisme formateur."),
            )
        return data


class AttendanceForm(forms.Form):
    employee_number = PersonNumberField(
        label=_("Matricule de l'agent"),
        required=False,
        help_text=_("Tapez son nom et choisissez dans la liste, ou saisissez son matricule."),
    )
    learner = forms.ModelChoiceField(
        label=_("Ou élève, apprenti ou stagiaire"), queryset=Learner.objects.none(), required=False
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["learner"].queryset = (
            Learner.objects.filter(arrived_on__lte=session.date)
            .filter(Q(left_on__isnull=True) | Q(left_on__gte=session.date))
            .exclude(attendances__session=session)
            .order_by("last_name", "first_name")
        )
        self.fields["learner"].label_from_instance = lambda learner: (
            f"{learner.last_name} {learner.first_name} ({learner.get_kind_display()})"
        )

    def clean_employee_number(self):
        number = self.cleaned_data["employee_number"]
        return _employee_by_number(number) if number.strip() else None

    def clean(self):
        data = super().clean()
        both_read = "employee_number" in data and "learner" in data
        if both_read and (data["employee_number"] is None) == (data["learner"] is None):
            raise forms.ValidationError(
                _("Indiquez soit le matricule d'un agent, soit un élève, apprenti ou stagiaire.")
            )
        return data


class LearnerForm(VersionedForm):
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire d'accueil"), queryset=_departments(), required=False
    )

    class Meta:
        model = Learner
        fields = [
            "last_name",
            "first_name",
            "kind",
            "school_year",
            "arrived_on",
            "department",
            "left_on",
        ]
        widgets = {"arrived_on": DateInput(), "left_on": DateInput()}

    def clean_school_year(self):
        value = self.cleaned_data["school_year"].strip()
        match = SCHOOL_YEAR.match(value)
        if value and (not match or int(match[2]) != int(match[1]) + 1):
            raise forms.ValidationError(_("Écrivez l'année scolaire ainsi : 2020-2021."))
        return value

    def clean(self):
        data = super().clean()
        arrived, left = data.get("arrived_on"), data.get("left_on")
        if arrived and left and left < arrived:
            self.add_error("left_on", _("La date de départ précède la date d'arrivée."))
        return data


class ExposureForm(VersionedForm):
    employee_number = PersonNumberField(
        label=_("Matricule de l'agent"),
        help_text=_("Tapez son nom et choisissez dans la liste, ou saisissez son matricule."),
    )

    class Meta:
        model = RoadRiskExposure
        fields = ["since", "reason", "until"]
        widgets = {"since": DateInput(), "until": DateInput()}

    field_order = ["employee_number", "since", "reason", "until"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["employee_number"]

    def clean_employee_number(self):
        employee = _employee_by_number(self.cleaned_data["employee_number"])
        self.instance.employee = employee
        return employee

    def clean_since(self):
        since = self.cleaned_data["since"]
        if since > timezone.localdate():
            raise forms.ValidationError(_("Une exposition se recense à partir d'aujourd'hui."))
        return since

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("La fin de l'exposition précède son début."))
        employee_id = self.instance.employee_id
        if employee_id and until is None:
            others = RoadRiskExposure.objects.filter(employee_id=employee_id, until__isnull=True)
            if others.exclude(pk=self.instance.pk).exists():
                self.add_error(None, _("Cet agent est déjà recensé comme exposé."))
        return data


class QuestionForm(VersionedForm):
    class Meta:
        model = QuizQuestion
        fields = ["text", "explanation", "position", "active"]
        widgets = {"explanation": forms.Textarea(attrs={"rows": 3})}


class BaseAnswerFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [
            form
            for form in self.forms
            if form.cleaned_data.get("text") and not form.cleaned_data.get("DELETE")
        ]
        if not 2 <= len(kept) <= 5:
            raise forms.ValidationError(_("Une question a de 2 à 5 réponses."))
        if not any(form.cleaned_data.get("correct") for form in kept):
            raise forms.ValidationError(_("Cochez au moins une bonne réponse."))


def answer_formset(data=None, *, instance):
    """Five lines in all: the existing answers, then blank ones."""
    existing = instance.answers.count() if instance.pk else 0
    formset_class = forms.inlineformset_factory(
        QuizQuestion,
        QuizAnswer,
        formset=BaseAnswerFormSet,
        fields=["text", "correct"],
        extra=max(0, 5 - existing),
        max_num=5,
        validate_max=True,
        can_delete=bool(existing),
    )
    formset = formset_class(data, instance=instance, prefix="answers")
    for form in formset.forms:
        form.use_required_attribute = False
    return formset


class QuizForm(forms.Form):
    """One group of boxes per active question; an answer of another question is refused."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedMultipleChoiceField(
                label=question.text,
                choices=[(answer.pk, answer.text) for answer in question.answers.all()],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                error_messages={
                    "required": _("Cochez au moins une réponse."),
                    "invalid_choice": _("Cette réponse ne fait pas partie de la question."),
                },
            )

    def chosen(self) -> dict:
        return {
            int(name[1:]): set(values)
            for name, values in self.cleaned_data.items()
            if name.startswith("q")
        }


class _Filter(forms.Form):
    def valid_data(self) -> dict:
        """The fields that are valid (a non-numeric id is ignored, not a 500)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class SessionFilterForm(_Filter):
    kind = forms.ModelChoiceField(
        label=_("Formation"), queryset=TrainingKind.objects.order_by("name"), required=False
    )
    year = forms.IntegerField(label=_("Année"), min_value=1990, max_value=2100, required=False)


class NewcomerFilterForm(_Filter):
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"), queryset=Department.objects.none(), required=False
    )
    kind = forms.ChoiceField(
        label=_("Statut"), choices=[("", _("Tous")), *NEWCOMER_KINDS], required=False
    )

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = (
            _departments() if departments is None else departments.order_by("name")
        )


class LearnerFilterForm(_Filter):
    kind = forms.ChoiceField(
        label=_("Statut"), choices=[("", _("Tous")), *LearnerKind.choices], required=False
    )
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"), queryset=_departments(), required=False
    )
    q = forms.CharField(label=_("Nom"), max_length=100, required=False)


class DepartmentFilterForm(_Filter):
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"), queryset=_departments(), required=False
    )
