from django import forms
from django.utils.translation import gettext_lazy as _

from hr.models import Department, Site
from hr.pickers import PersonField
from imtsocial.forms import (
    SEARCH_MAX_LENGTH,
    TEXT_MAX_LENGTH,
    DateInput,
    LeanModelChoiceField,
    VersionedForm,
    VersionField,
    identifier,
    plausible_date,
    text_limited,
)
from telework import rules
from telework.enums import (
    AssetKind,
    AssetState,
    FloatingPeriod,
    Reason,
    RequestStatus,
    ReturnCondition,
    Weekday,
)
from telework.models import Asset, ExceptionalRegime
from telework.pickers import AssetField


class TeleworkRequestForm(forms.Form):
    fixed_days = forms.TypedMultipleChoiceField(
        label=_("Jours fixes de télétravail"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    floating_days = forms.IntegerField(
        label=_("Jours flottants"),
        min_value=0,
        max_value=60,
        initial=0,
        help_text=_("Jours posés au fil de l'eau, comme un congé, en plus des jours fixes."),
    )
    floating_period = forms.ChoiceField(
        label=_("Période des jours flottants"),
        choices=FloatingPeriod.choices,
        initial=FloatingPeriod.WEEK,
    )
    start = forms.DateField(label=_("Début"), widget=DateInput())
    end = forms.DateField(label=_("Fin"), widget=DateInput())
    reason = forms.ChoiceField(label=_("Motif"), choices=Reason.choices)
    physician_opinion_received = forms.BooleanField(
        label=_("Avis du médecin du travail reçu (dérogation santé)"),
        required=False,
        help_text=_("N'indiquez aucune information médicale : seulement la réception et la date."),
    )
    physician_opinion_date = forms.DateField(
        label=_("Date de l'avis du médecin du travail"), required=False, widget=DateInput()
    )

    def proposal(self) -> rules.Proposal:
        data = self.cleaned_data
        return rules.Proposal(
            start=data["start"],
            end=data["end"],
            reason=data["reason"],
            fixed_days=list(data["fixed_days"]),
            floating_days=data["floating_days"],
            floating_period=data["floating_period"],
            physician_opinion_received=data["physician_opinion_received"],
            physician_opinion_date=data["physician_opinion_date"],
        )

    @classmethod
    def initial_from(cls, proposal: rules.Proposal) -> dict:
        return {
            "fixed_days": proposal.fixed_days,
            "floating_days": proposal.floating_days,
            "floating_period": proposal.floating_period,
            "start": proposal.start,
            "end": proposal.end,
            "reason": proposal.reason,
            "physician_opinion_received": proposal.physician_opinion_received,
            "physician_opinion_date": proposal.physician_opinion_date,
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[("approve", _("Favorable")), ("reject", _("Défavorable"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une décision.")},
    )
    refusal_reason = forms.CharField(
        label=_("Motif du refus"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatoire en cas de refus ; communiqué à l'agent."),
    )
    interview_on = forms.DateField(
        label=_("Date de l'entretien préalable"),
        required=False,
        widget=DateInput(),
        help_text=_("Obligatoire en cas de refus."),
    )
    version = VersionField()


class RequestFilterForm(forms.Form):
    q = forms.CharField(label=_("Nom ou matricule"), required=False, max_length=SEARCH_MAX_LENGTH)
    status = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *RequestStatus.choices], required=False
    )
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"),
        queryset=Department.objects.all(),
        required=False,
        empty_label=_("Tous"),
    )


@text_limited
class RegimeForm(forms.ModelForm):
    class Meta:
        model = ExceptionalRegime
        fields = ["name", "start", "end", "description"]
        widgets = {"start": DateInput(), "end": DateInput()}


class AtDateForm(forms.Form):
    at = forms.DateField(label=_("À la date du"), required=False, widget=DateInput())
    start = forms.DateField(label=_("Prêts du"), required=False, widget=DateInput())
    end = forms.DateField(label=_("au"), required=False, widget=DateInput())


@text_limited
class AssetForm(VersionedForm):
    class Meta:
        model = Asset
        fields = [
            "tag",
            "serial",
            "kind",
            "model_name",
            "site",
            "state",
            "vpn_configured",
            "videoconf_configured",
            "notes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        identifier(self.fields["tag"], "asset_tag")  # « NaN » is no inventory number
        if self.instance.state == AssetState.LENT:
            # Lent and back in stock follow the loans, not this form.
            self.fields["state"].disabled = True
        else:
            self.fields["state"].choices = [
                c for c in AssetState.choices if c[0] != AssetState.LENT
            ]


class AssetFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Inventaire ou série"), required=False, max_length=SEARCH_MAX_LENGTH
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Tous")), *AssetKind.choices], required=False
    )
    state = forms.ChoiceField(
        label=_("État"), choices=[("", _("Tous")), *AssetState.choices], required=False
    )
    site = LeanModelChoiceField(
        label=_("Site"), queryset=Site.objects.all(), required=False, empty_label=_("Tous")
    )


class CheckoutForm(forms.Form):
    employee_number = PersonField(
        label=_("Emprunteur"),
        help_text=_("Tapez son nom et choisissez dans la liste, ou saisissez son matricule."),
    )
    out_on = plausible_date(forms.DateField(label=_("Date du prêt"), widget=DateInput()))
    due_on = plausible_date(forms.DateField(label=_("À rendre le"), widget=DateInput()), "due")

    def clean(self):
        data = super().clean()
        out_on, due_on = data.get("out_on"), data.get("due_on")
        if out_on and due_on and due_on < out_on:
            self.add_error("due_on", _("La date de retour prévue précède la date de prêt."))
        return data

    def clean_employee_number(self):
        # An employee in post only (PersonField): no loan to someone who has left.
        self.employee = self.cleaned_data["employee_number"]
        return self.employee


class LoanForm(CheckoutForm):
    """A loan recorded from the loans pages: the asset is chosen too."""

    asset = AssetField(
        label=_("Équipement"),
        help_text=_(
            "Tapez son modèle ou son numéro de série et choisissez dans la liste, "
            "ou saisissez son numéro d'inventaire."
        ),
    )
    field_order = ["asset", "employee_number", "out_on", "due_on"]


class CheckinForm(forms.Form):
    returned_on = plausible_date(forms.DateField(label=_("Rendu le"), widget=DateInput()), "done")
    condition = forms.ChoiceField(label=_("État au retour"), choices=ReturnCondition.choices)
    notes = forms.CharField(
        label=_("Remarques"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Rayures, pièce manquante… : elles restent dans l'historique de l'équipement."),
    )


class LoanFilterForm(forms.Form):
    """IT's current loans: search a borrower (name or number) or an asset (tag, serial)."""

    q = forms.CharField(
        label=_("Agent, inventaire ou série"), required=False, max_length=SEARCH_MAX_LENGTH
    )
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Tous")), *AssetKind.choices], required=False
    )
    overdue = forms.BooleanField(label=_("En retard seulement"), required=False)
