"""Forms of the registers: writing an entry, the prevention answer, the manager's visa,
the DGI follow-up, the accident record, and the GET filters of the lists."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from hr.pickers import PersonNumberField
from imtsocial.forms import (
    DateInput,
    LeanModelChoiceField,
    VersionedForm,
    VersionForm,
    text_limited,
)
from safety.forms import ActionItemForm
from safety.models import ActionItem, RiskEntry, WorkUnit
from safety.registers.enums import AccidentKind, DgiDecision, DgiStatus, RsstKind, RsstStatus
from safety.registers.models import COMMENT_MAX, TEXT_MAX, DgiReport, RsstEntry, WorkAccident

FUTURE = _("La date ne peut pas être dans le futur.")


def _units():
    return WorkUnit.objects.filter(active=True).order_by("code")


def _not_future(day):
    if day is not None and day > timezone.localdate():
        raise forms.ValidationError(FUTURE)
    return day


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class _UnitMixin:
    def _setup_unit(self):
        field = self.fields["work_unit"]
        field.queryset = _units()
        field.empty_label = _("— Aucune ou je ne sais pas —")
        field.help_text = _("Facultatif : l'unité de travail concernée, si vous la connaissez.")


class RsstForm(_UnitMixin, VersionedForm):
    class Meta:
        model = RsstEntry
        fields = ["kind", "occurred_on", "place", "work_unit", "text"]
        widgets = {
            "kind": forms.RadioSelect,
            "occurred_on": DateInput(),
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "place": _("Bâtiment, salle, couloir, parking…"),
            "text": _(
                "Décrivez ce que vous avez constaté ou ce que vous proposez "
                "(4 000 caractères au plus)."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = RsstKind.choices
        self.fields["text"].error_messages["required"] = _(
            "Écrivez votre observation ou votre suggestion."
        )
        self._setup_unit()

    def clean_occurred_on(self):
        return _not_future(self.cleaned_data.get("occurred_on"))

    def clean_text(self):
        text = self.cleaned_data.get("text", "").strip()
        if not text:
            raise forms.ValidationError(_("Écrivez votre observation ou votre suggestion."))
        return text


class AnswerForm(VersionForm):
    answer = forms.CharField(
        label=_("Réponse de la prévention"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Écrivez la réponse.")},
    )


class AcknowledgeForm(VersionForm):
    comment = forms.CharField(
        label=_("Commentaire du responsable"),
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Écrivez un commentaire pour viser l'observation.")},
    )


@text_limited
class RsstActionForm(ActionItemForm):
    """A DUERP action opened from an entry: on a risk of the entry's work unit."""

    risk = forms.ModelChoiceField(
        label=_("Risque du DUERP concerné"), queryset=RiskEntry.objects.none()
    )

    field_order = ["risk", "title", "description", "owner", "due_date", "budget"]

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["risk"].queryset = RiskEntry.objects.filter(
            work_unit=unit, active=True
        ).select_related("hazard", "work_unit")
        self.fields["risk"].label_from_instance = lambda r: f"{r.hazard.name} – {r.situation[:80]}"


class DgiForm(_UnitMixin, forms.ModelForm):
    class Meta:
        model = DgiReport
        fields = [
            "occurred_at",
            "place",
            "work_unit",
            "danger",
            "people_exposed",
            "immediate_measures",
        ]
        widgets = {
            "occurred_at": DateTimeInput(),
            "danger": forms.Textarea(attrs={"rows": 4}),
            "immediate_measures": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_unit()
        self.fields["danger"].error_messages["required"] = _("Décrivez le danger.")

    def clean_occurred_at(self):
        moment = self.cleaned_data.get("occurred_at")
        if moment is not None and moment > timezone.now():
            raise forms.ValidationError(FUTURE)
        return moment

    def clean_danger(self):
        text = self.cleaned_data.get("danger", "").strip()
        if not text:
            raise forms.ValidationError(_("Décrivez le danger."))
        return text


class InvestigationForm(VersionForm):
    investigation = forms.CharField(
        label=_("Enquête"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Constatations faites sur place, avec qui, et conclusions."),
        error_messages={"required": _("Écrivez le compte rendu de l'enquête.")},
    )


class DecisionForm(VersionForm):
    decision = forms.ChoiceField(label=_("Décision"), choices=DgiDecision.choices)
    decision_measures = forms.CharField(
        label=_("Mesures décidées"),
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decided_on = forms.DateField(label=_("Date de la décision"), widget=DateInput())

    def clean_decided_on(self):
        return _not_future(self.cleaned_data.get("decided_on"))


class AccidentForm(_UnitMixin, VersionedForm):
    leave_days = forms.IntegerField(
        label=_("Jours d'arrêt"),
        min_value=0,
        max_value=3650,
        required=False,
        help_text=_("Nombre de jours d'absence ; peut être complété plus tard."),
        error_messages={"min_value": _("Le nombre de jours d'arrêt ne peut pas être négatif.")},
    )

    class Meta:
        model = WorkAccident
        fields = [
            "kind",
            "occurred_on",
            "place",
            "work_unit",
            "circumstances",
            "leave_days",
            "follow_up",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "occurred_on": DateInput(),
            "circumstances": forms.Textarea(attrs={"rows": 5}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, for_someone=False, with_action=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = AccidentKind.choices
        self._setup_unit()
        if with_action:  # HR and prevention link the accident to a DUERP action
            self.fields["action"] = forms.ModelChoiceField(
                label=_("Action du plan de prévention"),
                queryset=ActionItem.objects.select_related("entry__work_unit").order_by(
                    "-due_date", "pk"
                ),
                required=False,
                empty_label=_("— Aucune —"),
                initial=self.instance.action_id,
            )
            self.fields["action"].label_from_instance = lambda a: (
                f"{a.entry.work_unit.code} – {a.title}"
            )
        if for_someone:
            self.fields["employee_number"] = PersonNumberField(
                label=_("Matricule de l'agent concerné"),
                required=False,
                help_text=_(
                    "Tapez son nom et choisissez dans la liste, ou saisissez son matricule. "
                    "Laissez vide s'il s'agit de vous."
                ),
            )
            self.order_fields(["employee_number"])

    def clean_occurred_on(self):
        return _not_future(self.cleaned_data.get("occurred_on"))

    def clean_employee_number(self):
        number = self.cleaned_data.get("employee_number", "").strip()
        if not number:
            return None
        employee = Employee.objects.filter(employee_number__iexact=number).first()
        if employee is None:
            raise forms.ValidationError(
                _("Aucun agent n'a le matricule %(number)s.") % {"number": number}
            )
        return employee


# Filters ------------------------------------------------------------------------------


class _FilterForm(forms.Form):
    unit = LeanModelChoiceField(
        label=_("Unité de travail"), queryset=WorkUnit.objects.none(), required=False
    )
    year = forms.IntegerField(label=_("Année"), min_value=1990, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = WorkUnit.objects.order_by("code")
        self.fields["unit"].empty_label = _("Toutes")

    date_field = "occurred_on"

    def filter(self, rows):
        """The valid filters only: a wrong value (« abc ») is ignored, never a server error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        for name in ("kind", "status"):
            if data.get(name):
                rows = rows.filter(**{name: data[name]})
        if data.get("unit"):
            rows = rows.filter(work_unit=data["unit"])
        if data.get("year"):
            rows = rows.filter(**{f"{self.date_field}__year": data["year"]})
        return rows


class RsstFilterForm(_FilterForm):
    kind = forms.ChoiceField(
        label=_("Nature"), choices=[("", _("Toutes")), *RsstKind.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *RsstStatus.choices], required=False
    )
    field_order = ["kind", "status", "unit", "year"]


class DgiFilterForm(_FilterForm):
    status = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *DgiStatus.choices], required=False
    )
    date_field = "occurred_at"
    field_order = ["status", "unit", "year"]


class AccidentFilterForm(_FilterForm):
    kind = forms.ChoiceField(
        label=_("Nature"), choices=[("", _("Toutes")), *AccidentKind.choices], required=False
    )
    field_order = ["kind", "unit", "year"]


class StatsYearForm(forms.Form):
    year = forms.IntegerField(label=_("Année"), min_value=1990, max_value=2100, required=False)
