from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hr.evaluations.enums import InterviewStatus
from hr.evaluations.models import TEXT_MAX_LENGTH, EvaluationCampaign
from hr.models import Department
from imtsocial.forms import DateInput, LeanModelChoiceField, VersionForm


def _text(label, *, required=True, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        help_text=help_text or _("%(max)s caractères au plus.") % {"max": TEXT_MAX_LENGTH},
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CampaignForm(forms.Form):
    year = forms.IntegerField(label=_("Année évaluée"), min_value=2000, max_value=2100)
    deadline = forms.DateField(
        label=_("Date limite de notification des comptes rendus"), widget=DateInput()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.initial.setdefault("year", today.year)


class PlanForm(VersionForm):
    scheduled_for = forms.DateField(label=_("Date de l'entretien"), widget=DateInput())


class HoldForm(VersionForm):
    held_on = forms.DateField(label=_("Entretien tenu le"), widget=DateInput())


class ReportForm(VersionForm):
    results = _text(_("Résultats professionnels obtenus"))
    objectives = _text(_("Objectifs pour l'année à venir"))
    way_of_working = _text(_("Manière de servir"))
    training_needs = _text(_("Besoins de formation"))
    career_wishes = _text(_("Perspectives d'évolution professionnelle"))


class SignForm(VersionForm):
    comments = _text(_("Vos observations (facultatif)"), required=False)


class ReviewRequestForm(VersionForm):
    text = _text(_("Ce que vous demandez de réviser, et pourquoi"))


class ReviewAnswerForm(VersionForm):
    text = _text(_("Votre réponse à la demande de révision"))


class InterviewFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=_("Campagne"),
        queryset=EvaluationCampaign.objects.order_by("-year"),
        required=False,
        empty_label=_("Toutes les campagnes"),
    )
    department = LeanModelChoiceField(
        label=_("Service ou laboratoire"), queryset=Department.objects.all(), required=False
    )
    status = forms.ChoiceField(
        label=_("État"),
        choices=[("", _("Tous")), *InterviewStatus.choices],
        required=False,
    )
    late = forms.BooleanField(label=_("En retard seulement"), required=False)
    q = forms.CharField(label=_("Nom ou matricule"), required=False, max_length=100)

    def filter(self, interviews, *, today):
        if not self.is_valid():
            return interviews
        data = self.cleaned_data
        if data["campaign"]:
            interviews = interviews.filter(campaign=data["campaign"])
        if data["department"]:
            interviews = interviews.filter(employee__department=data["department"])
        if data["status"]:
            interviews = interviews.filter(status=data["status"])
        if data["late"]:
            interviews = interviews.late(today)
        if data["q"]:
            term = data["q"].strip()
            interviews = interviews.filter(
                Q(employee__last_name__icontains=term)
                | Q(employee__first_name__icontains=term)
                | Q(employee__employee_number__iexact=term)
            )
        return interviews
