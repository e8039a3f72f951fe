from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.formats import money
from imtsocial.forms import TEXT_MAX_LENGTH, AmountField, plausible_date, text_limited
from imtsocial.uploads import JPEG, PDF, PNG, checked_upload
from social_action.enums import RequestStatus, SlotKind
from social_action.models import AidRequest, AidScheme, Association, Event, Slot
from social_action.rules import REQUIRED_FIELDS, RULE_FIELDS, christmas_max_age


def checked_document(upload):
    """Accept a PDF, JPEG or PNG by its content (not its name) within the size limit."""
    return checked_upload(
        upload,
        limit=settings.SOCIAL_ACTION_MAX_UPLOAD_BYTES,
        kinds=(PDF, JPEG, PNG),
        kinds_label=_("PDF, JPEG ou PNG"),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if self.required and not files:
            raise ValidationError(self.error_messages["required"], code="required")
        errors, cleaned = [], []
        for upload in files:
            try:
                cleaned.append(checked_document(super().clean(upload, initial)))
            except ValidationError as exc:
                errors.extend(exc.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned


def documents_help():
    return _("PDF, JPEG ou PNG, %(limit)s au plus par fichier.") % {
        "limit": filesizeformat(settings.SOCIAL_ACTION_MAX_UPLOAD_BYTES)
    }


DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


@text_limited
class AidRequestForm(forms.ModelForm):
    """Asks only what the scheme's rule needs (``rules.RULE_FIELDS``)."""

    documents = DocumentsField(label=_("Pièces justificatives"))

    class Meta:
        model = AidRequest
        fields = [
            "household",
            "reference_income",
            "tax_shares",
            "child_birth_date",
            "months",
            "aeeh_notified",
            "aeeh_from",
            "aeeh_to",
            "zone",
            "lease_date",
            "expenses",
            "amount_asked",
            "reason",
        ]
        widgets = {
            "child_birth_date": DATE_WIDGET,
            "aeeh_from": DATE_WIDGET,
            "aeeh_to": DATE_WIDGET,
            "lease_date": DATE_WIDGET,
            "reason": forms.Textarea(attrs={"rows": 4}),
        }
        # amounts typed the French way (« 1 250,50 »)
        field_classes = {
            "reference_income": AmountField,
            "expenses": AmountField,
            "amount_asked": AmountField,
        }
        help_texts = {
            "reference_income": _("Revenu fiscal de référence de l'avis d'imposition N-2."),
            "months": _("Nombre de mois de l'année concernés (1 à 12)."),
            "aeeh_notified": _("Indiquez seulement si l'AEEH est notifiée, jamais de diagnostic."),
        }

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, scheme: AidScheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.scheme = scheme
        wanted = set(RULE_FIELDS[scheme.rule])
        required = set(REQUIRED_FIELDS[scheme.rule])
        for name in list(self.fields):
            if name in ("documents", "version"):
                continue
            if name not in wanted:
                del self.fields[name]
            elif name in required:
                self.fields[name].required = True
        self.fields["documents"].help_text = documents_help()
        if "child_birth_date" in self.fields:
            plausible_date(self.fields["child_birth_date"], "birth")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self.cap = scheme.cap_at(timezone.localdate())
        if "amount_asked" in self.fields and self.cap is not None:
            self.fields["amount_asked"].help_text = _("Plafond du dispositif : %(cap)s.") % {
                "cap": money(self.cap)
            }

    def clean_amount_asked(self):
        amount = self.cleaned_data.get("amount_asked")
        if amount is not None and amount <= 0:
            raise ValidationError(_("Le montant demandé doit être positif."))
        if amount is not None and self.cap is not None and amount > self.cap:
            raise ValidationError(
                _("Le montant demandé dépasse le plafond du dispositif (%(cap)s)."),
                params={"cap": money(self.cap)},
            )
        return amount

    def clean(self):
        data = super().clean()
        start, end = data.get("aeeh_from"), data.get("aeeh_to")
        if start and end and end < start:
            self.add_error("aeeh_to", _("La fin de la notification précède son début."))
        if "aeeh_notified" in self.fields and not data.get("aeeh_notified"):
            self.add_error(
                "aeeh_notified", _("Cette aide suppose une AEEH notifiée pour l'enfant.")
            )
        return data


class DocumentsForm(forms.Form):
    documents = DocumentsField(label=_("Ajouter des pièces justificatives"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].help_text = documents_help()


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecisionForm(forms.Form):
    ASK_INFO, APPROVE, REJECT, PAY = "ask_info", "approve", "reject", "pay"
    action = forms.ChoiceField(
        choices=[
            (ASK_INFO, _("Demander un complément")),
            (APPROVE, _("Accorder")),
            (REJECT, _("Refuser")),
            (PAY, _("Marquer comme versée")),
        ],
        widget=forms.HiddenInput,
    )
    amount = AmountField(
        label=_("Montant accordé (€)"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=10,
        error_messages={"min_value": _("Le montant doit être positif.")},
    )
    override_reason = forms.CharField(
        label=_("Motif du dépassement d'enveloppe (si besoin)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    partial_reason = forms.CharField(
        label=_("Motif de l'accord partiel (si le montant est inférieur à la demande)"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Communiqué au demandeur dans les messages de sa demande."),
    )
    message = forms.CharField(
        label=_("Message au demandeur"),
        required=False,
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, asked=None, **kwargs):
        """``asked``: the amount the requester asked (or, failing that, the estimate);
        granting less requires a reason the requester will read."""
        super().__init__(*args, **kwargs)
        self.asked = asked

    @property
    def is_partial(self) -> bool:
        amount = self.cleaned_data.get("amount")
        return amount is not None and self.asked is not None and amount < self.asked

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if action == self.APPROVE and data.get("amount") is None:
            self.add_error("amount", _("Indiquez le montant accordé."))
        if action == self.APPROVE and self.is_partial and not data.get("partial_reason"):
            self.add_error(
                "partial_reason",
                _(
                    "Le montant accordé est inférieur à la demande (%(asked)s) : "
                    "indiquez le motif de l'accord partiel."
                )
                % {"asked": money(self.asked)},
            )
        if action in (self.ASK_INFO, self.REJECT) and not data.get("message"):
            self.add_error("message", _("Expliquez votre demande au demandeur."))
        return data


class QueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("À traiter")), ("all", _("Tous")), *RequestStatus.choices],
    )
    scheme = forms.ModelChoiceField(
        label=_("Dispositif"),
        queryset=AidScheme.objects.filter(on_request=True),
        required=False,
        empty_label=_("Tous"),
    )
    year = forms.IntegerField(label=_("Exercice"), required=False, min_value=2000, max_value=2100)


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["kind", "starts_at", "duration_minutes", "location"]
        widgets = {
            "starts_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }

    count = forms.IntegerField(
        label=_("Nombre de créneaux consécutifs"), min_value=1, max_value=16, initial=1
    )


class SlotFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type de rendez-vous"), required=False, choices=[("", _("Tous")), *SlotKind.choices]
    )


class ChildForm(forms.Form):
    """A child for the Christmas tree; the age limit is the oldest gift category in force
    on the day of the event."""

    first_name = forms.CharField(label=_("Prénom de l'enfant"), max_length=60)
    age = forms.IntegerField(label=_("Âge le jour de l'arbre de Noël"), min_value=0)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        limit = christmas_max_age(event.date)
        if limit is not None:
            self.fields["age"].max_value = limit
            self.fields["age"].validators.append(MaxValueValidator(limit))
            self.fields["age"].widget.attrs["max"] = limit
            self.fields["age"].help_text = _("Jusqu'à %(age)s ans.") % {"age": limit}


class BudgetForm(forms.Form):
    scheme = forms.ModelChoiceField(
        label=_("Dispositif"), queryset=AidScheme.objects.filter(on_request=True)
    )
    year = forms.IntegerField(label=_("Année"), min_value=2000, max_value=2100)
    envelope = AmountField(label=_("Enveloppe annuelle (€)"), max_digits=10)


class GrantForm(forms.Form):
    association = forms.ModelChoiceField(
        label=_("Association"), queryset=Association.objects.filter(active=True)
    )
    year = forms.IntegerField(label=_("Année"), min_value=2000, max_value=2100)
    amount = AmountField(label=_("Montant (€)"), max_digits=10)
    note = forms.CharField(label=_("Objet"), max_length=200, required=False)


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = ["kind", "title", "date", "registration_deadline", "location"]
        widgets = {"date": DATE_WIDGET, "registration_deadline": DATE_WIDGET}

    def clean(self):
        data = super().clean()
        day, deadline = data.get("date"), data.get("registration_deadline")
        if day and deadline and deadline > day:
            self.add_error(
                "registration_deadline",
                _("Les inscriptions se terminent au plus tard le jour de l'événement."),
            )
        return data


class AssociationForm(forms.ModelForm):
    class Meta:
        model = Association
        fields = ["name", "code", "active"]
        help_texts = {
            "code": _("Identifiant court, en minuscules (par exemple : personnel)."),
            "active": _("Décoché : plus de nouvelle subvention, les anciennes restent."),
        }
