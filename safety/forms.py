from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role, members_of
from imtsocial.forms import (
    AmountField,
    DateInput,
    LeanModelChoiceField,
    VersionedForm,
    plausible_date,
    text_limited,
)
from safety.enums import ActionStatus, ControlLevel, Priority
from safety.models import ActionItem, Hazard, HazardFamily, RiskEntry, WorkUnit
from safety.stats import PLAN_READS

LEVEL_CHOICES = [(n, str(n)) for n in range(1, 5)]


@text_limited
class RiskEntryForm(VersionedForm):
    gravity = forms.TypedChoiceField(label=_("Gravité (1 à 4)"), choices=LEVEL_CHOICES, coerce=int)
    probability = forms.TypedChoiceField(
        label=_("Probabilité (1 à 4)"), choices=LEVEL_CHOICES, coerce=int
    )
    control_level = forms.TypedChoiceField(
        label=_("Niveau de maîtrise"), choices=ControlLevel.choices, coerce=int
    )

    class Meta:
        model = RiskEntry
        fields = [
            "hazard",
            "situation",
            "people_exposed",
            "exposed_count",
            "existing_measures",
            "gravity",
            "probability",
            "control_level",
        ]
        widgets = {
            "situation": forms.Textarea(attrs={"rows": 3}),
            "existing_measures": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hazard"].queryset = Hazard.objects.filter(active=True).select_related("family")


class EntryCommentForm(forms.Form):
    text = forms.CharField(
        label=_("Votre commentaire"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


def _owner_choices():
    return User.objects.filter(is_active=True, employee__isnull=False).order_by(
        "last_name", "first_name"
    )


@text_limited
class ActionItemForm(VersionedForm):
    class Meta:
        model = ActionItem
        fields = ["title", "description", "owner", "due_date", "budget"]
        widgets = {"due_date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        field_classes = {"budget": AmountField}  # « 12 500 », the French way

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _owner_choices()
        self.fields["owner"].label_from_instance = lambda u: f"{u.last_name} {u.first_name}"


class ActionStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Nouvel état"), choices=ActionStatus.choices)
    done_on = plausible_date(
        forms.DateField(
            label=_("Réalisée le"),
            required=False,
            widget=DateInput(),
            help_text=_("Obligatoire pour une action réalisée."),
        ),
        "done",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        missing = not data.get("done_on") and "done_on" not in self.errors
        if data.get("status") == ActionStatus.DONE and missing:
            self.add_error("done_on", _("Indiquez la date de réalisation."))
        return data


@text_limited
class HazardForm(forms.ModelForm):
    class Meta:
        model = Hazard
        fields = ["family", "name", "typical_situations", "typical_measures", "active"]
        widgets = {
            "typical_situations": forms.Textarea(attrs={"rows": 4}),
            "typical_measures": forms.Textarea(attrs={"rows": 6}),
        }


class EditionPublishForm(forms.Form):
    year = forms.IntegerField(label=_("Année du DUERP"), min_value=2000, max_value=2100)
    note = forms.CharField(
        label=_("Note de publication"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Par exemple : mise à jour annuelle, ou correction de l'édition précédente."),
    )


class UnitFilterForm(forms.Form):
    q = forms.CharField(label=_("Code ou nom"), required=False, max_length=100)
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"), queryset=None, required=False, empty_label=_("Tous")
    )
    mine = forms.BooleanField(label=_("Seulement mes unités"), required=False)

    def __init__(self, *args, **kwargs):
        from hr.models import Department

        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = (
            Department.objects.filter(Q(work_units__isnull=False)).distinct().order_by("name")
        )


class EntryFilterForm(forms.Form):
    q = forms.CharField(label=_("Recherche"), required=False, max_length=100)
    unit = LeanModelChoiceField(
        label=_("Unité de travail"),
        queryset=WorkUnit.objects.order_by("code"),
        required=False,
        empty_label=_("Toutes"),
    )
    family = LeanModelChoiceField(
        label=_("Famille de dangers"),
        queryset=HazardFamily.objects.all(),
        required=False,
        empty_label=_("Toutes"),
    )
    priority = forms.TypedChoiceField(
        label=_("Priorité"),
        choices=[("", _("Toutes")), *Priority.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )


class ActionFilterForm(forms.Form):
    late = forms.BooleanField(label=_("Seulement les actions en retard"), required=False)
    unit = LeanModelChoiceField(
        label=_("Unité de travail"),
        queryset=WorkUnit.objects.order_by("code"),
        required=False,
        empty_label=_("Toutes"),
        reads=PLAN_READS,
    )
    owner = LeanModelChoiceField(
        label=_("Responsable"),
        reads=PLAN_READS,
        # a semi-join on the owners (not DISTINCT over whole user rows)
        queryset=User.objects.filter(
            pk__in=ActionItem.objects.filter(owner__isnull=False).values("owner_id")
        ).order_by("last_name", "first_name", "pk"),
        required=False,
        empty_label=_("Tous"),
    )
    priority = forms.TypedChoiceField(
        label=_("Priorité du risque"),
        choices=[("", _("Toutes")), *Priority.choices],
        coerce=int,
        required=False,
        empty_value=None,
    )
    status = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *ActionStatus.choices], required=False
    )
    year = forms.IntegerField(
        label=_("Échéance en"), required=False, min_value=2000, max_value=2100
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].label_from_instance = lambda u: f"{u.last_name} {u.first_name}"


@text_limited
class WorkUnitForm(forms.ModelForm):
    """A work unit and the prevention agents who keep its DUERP entries."""

    class Meta:
        model = WorkUnit
        fields = [
            "code",
            "name",
            "site",
            "department",
            "headcount_exposed",
            "description",
            "agents",
            "active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "agents": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agents"].queryset = members_of(Role.PREVENTION)
        self.fields["agents"].help_text = _(
            "Les agents de prévention qui saisissent les risques et les actions de l'unité."
        )
