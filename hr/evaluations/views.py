"""Evaluation pages: the person's interviews, the evaluator's and endorser's, HR's
campaigns and follow-up, the director's figures.

Confidential: every interview is fetched through ``perms.get_interview_for`` (404 for
anyone but the employee, the evaluator, the endorser and HR); each read by someone
other than the employee is journaled."""

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.evaluations import forms, perms, services, stats, tasks
from hr.evaluations.models import EvaluationCampaign, EvaluationInterview
from hr.evaluations.services import EvaluationError
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError
from imtsocial.files import private_file_response
from imtsocial.forms import VersionForm
from imtsocial.pagination import paginate
from imtsocial.privacy import small_group_threshold

LIST_RELATED = ("campaign", "employee__department", "evaluator", "endorser")


# The person's lists --------------------------------------------------------------


@require_GET
@role_required(Role.EMPLOYEE)
def interview_list(request):
    own = employee_of(request.user)
    interviews = (
        EvaluationInterview.objects.filter(employee=own)
        .select_related(*LIST_RELATED)
        .order_by("-campaign__year")
    )
    conducts = EvaluationInterview.objects.filter(Q(evaluator=own) | Q(endorser=own)).exists()
    return render(
        request,
        "evaluations/interview_list.html",
        {"page": paginate(request, interviews), "conducts": conducts},
    )


@require_GET
@role_required(Role.EMPLOYEE)
def team_list(request):
    """Interviews the person conducts (as direct manager) or endorses (as N+2)."""
    own = employee_of(request.user)
    form = forms.InterviewFilterForm(request.GET or None)
    interviews = form.filter(
        EvaluationInterview.objects.filter(Q(evaluator=own) | Q(endorser=own)),
        today=timezone.localdate(),
    )
    interviews = interviews.select_related(*LIST_RELATED).order_by(
        "-campaign__year", "employee__last_name", "employee__first_name", "pk"
    )
    return render(
        request,
        "evaluations/team_list.html",
        {"form": form, "page": paginate(request, interviews), "own": own},
    )


# One interview ---------------------------------------------------------------------

STEP_FORMS = {
    "plan": forms.PlanForm,
    "hold": forms.HoldForm,
    "sign": forms.SignForm,
    "request_review": forms.ReviewRequestForm,
    "answer_review": forms.ReviewAnswerForm,
    "notify": VersionForm,
    "endorse": VersionForm,
    "refer_committee": VersionForm,
}


def _detail(request, interview, *, failed: tuple[str, object] | None = None):
    verbs = perms.verbs_for(request.user, interview)
    today = timezone.localdate()
    earliest = EvaluationInterview.earliest_date(today)
    step_forms = {
        verb: form_class(initial={"version": interview.version})
        for verb, form_class in STEP_FORMS.items()
        if verbs[f"can_{verb}"]
    }
    if failed is not None:
        step_forms[failed[0]] = failed[1]
    if interview.scheduled_for and "plan" in step_forms and failed is None:
        step_forms["plan"].initial["scheduled_for"] = interview.scheduled_for
    return render(
        request,
        "evaluations/interview_detail.html",
        {
            "interview": interview,
            "forms": step_forms,
            "is_employee": perms.is_employee(request.user, interview),
            "earliest": earliest,
            "notice_days": (earliest - today).days,
            **verbs,
        },
    )


@require_GET
def interview_detail(request, pk):
    interview = perms.get_interview_for(request.user, pk)
    if perms.is_third_party_reader(request.user, interview):
        AuditEvent.log_view(actor=request.user, obj=interview, subject=interview.employee)
    return _detail(request, interview)


SERVICES = {
    "plan": lambda i, d, by: services.interview_plan(
        interview=i, scheduled_for=d["scheduled_for"], by=by, version=d["version"]
    ),
    "hold": lambda i, d, by: services.interview_hold(
        interview=i, held_on=d["held_on"], by=by, version=d["version"]
    ),
    "notify": lambda i, d, by: services.interview_notify(interview=i, by=by, version=d["version"]),
    "sign": lambda i, d, by: services.interview_sign(
        interview=i, comments=d["comments"], by=by, version=d["version"]
    ),
    "endorse": lambda i, d, by: services.interview_endorse(
        interview=i, by=by, version=d["version"]
    ),
    "request_review": lambda i, d, by: services.review_request(
        interview=i, text=d["text"], by=by, version=d["version"]
    ),
    "answer_review": lambda i, d, by: services.review_answer(
        interview=i, text=d["text"], by=by, version=d["version"]
    ),
    "refer_committee": lambda i, d, by: services.committee_refer(
        interview=i, by=by, version=d["version"]
    ),
}
DONE_MESSAGES = {
    "plan": gettext_lazy("L'entretien est planifié ; l'agent est prévenu."),
    "hold": gettext_lazy("L'entretien est noté comme tenu."),
    "notify": gettext_lazy("Le compte rendu est notifié à l'agent ; il ne se modifie plus."),
    "sign": gettext_lazy("Vous avez signé le compte rendu."),
    "endorse": gettext_lazy("Le compte rendu est visé."),
    "request_review": gettext_lazy("Votre demande de révision est envoyée à votre responsable."),
    "answer_review": gettext_lazy("Votre réponse est envoyée à l'agent."),
    "refer_committee": gettext_lazy(
        "La saisine de la commission paritaire est enregistrée ; les RH sont prévenues."
    ),
}


@require_POST
def interview_step(request, pk, verb):
    """One step of the interview, posted from its page; errors shown next to the field."""
    if verb not in SERVICES:
        raise Http404
    interview = perms.get_interview_for(request.user, pk)
    form = STEP_FORMS[verb](request.POST)
    if form.is_valid():
        try:
            SERVICES[verb](interview, form.cleaned_data, request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, str(DONE_MESSAGES[verb]))
            return redirect(interview)
    interview.refresh_from_db()
    return _detail(request, interview, failed=(verb, form))


@require_http_methods(["GET", "POST"])
def report_edit(request, pk):
    interview = perms.get_interview_for(request.user, pk)
    if not perms.can(request.user, interview, "write"):
        if interview.report_locked:
            messages.error(request, _("Le compte rendu a été notifié : il ne se modifie plus."))
        else:
            messages.error(request, _("Vous ne pouvez pas rédiger ce compte rendu maintenant."))
        return redirect(interview)
    initial = {name: getattr(interview, name) for name in forms.ReportForm.base_fields}
    initial["version"] = interview.version
    form = forms.ReportForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.interview_write(
                interview=interview,
                report=form.cleaned_data,
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Le compte rendu est enregistré."))
            return redirect(interview)
    return render(
        request,
        "evaluations/report_form.html",
        {"interview": interview, "form": form},
    )


@require_GET
def interview_pdf(request, pk):
    interview = perms.get_interview_for(request.user, pk)
    if not interview.pdf_ready:
        if interview.report_locked:  # rendered after each step; asked again if it was lost
            tasks.render_interview_pdf.delay(interview.pk)
        messages.info(
            request, _("Le PDF du compte rendu est en préparation : réessayez dans un instant.")
        )
        return redirect(interview)
    if perms.is_third_party_reader(request.user, interview):
        AuditEvent.log_download(actor=request.user, obj=interview, subject=interview.employee)
    return private_file_response(
        interview.pdf,
        filename=f"entretien-{interview.campaign.year}-{interview.employee.employee_number}.pdf",
    )


# HR: campaigns and follow-up -------------------------------------------------------


@require_GET
@role_required(Role.HR)
def campaign_list(request):
    campaigns = EvaluationCampaign.objects.order_by("-year")
    return render(request, "evaluations/campaign_list.html", {"page": paginate(request, campaigns)})


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def campaign_create(request):
    form = forms.CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.campaign_open(
                year=form.cleaned_data["year"],
                deadline=form.cleaned_data["deadline"],
                by=request.user,
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(
                request,
                _("Campagne ouverte : %(count)s entretiens créés.")
                % {"count": campaign.interviews.count()},
            )
            return redirect(campaign)
    return render(
        request,
        "evaluations/campaign_form.html",
        {"form": form},
    )


@require_GET
def campaign_detail(request, pk):
    campaign = perms.get_campaign_for(request.user, pk)
    today = timezone.localdate()
    without = services.interviews_without_evaluator(campaign).select_related("employee__department")
    return render(
        request,
        "evaluations/campaign_detail.html",
        {
            "campaign": campaign,
            "progress": stats.campaign_progress(campaign, at=today),
            "departments": stats.completion_by_department(campaign, at=today),
            "without": without[:20],
            "today": today,
        },
    )


@require_POST
def campaign_add_missing(request, pk):
    campaign = perms.get_campaign_for(request.user, pk)
    try:
        added = services.campaign_add_missing(campaign=campaign)
    except EvaluationError as error:
        error.add_to_messages(request)
    else:
        messages.success(
            request, _("%(count)s entretiens ajoutés à la campagne.") % {"count": added}
        )
    return redirect(campaign)


@require_GET
@role_required(Role.HR)
def follow_up(request):
    """Every interview, for HR's follow-up. Without a chosen campaign the page shows the
    latest one (« Toutes les campagnes » is a choice of the filter): the list HR works
    on, read by the name index within one campaign instead of sorting every year's."""
    data = request.GET.copy()
    if "campaign" not in data:
        latest = EvaluationCampaign.objects.order_by("-year").values_list("pk", flat=True)
        data["campaign"] = str(latest.first() or "")
    form = forms.InterviewFilterForm(data)
    today = timezone.localdate()
    interviews = form.filter(EvaluationInterview.objects.all(), today=today)
    by_name = ("employee__last_name", "employee__first_name", "pk")
    one_campaign = form.is_valid() and form.cleaned_data["campaign"]
    interviews = interviews.select_related(*LIST_RELATED).order_by(
        *(by_name if one_campaign else ("-campaign__year", *by_name))
    )
    return render(
        request,
        "evaluations/follow_up.html",
        {"form": form, "page": paginate(request, interviews), "today": today},
    )


@require_GET
@role_required(Role.HR, Role.DIRECTOR)
def statistics(request):
    """Aggregates only: completion by department (small groups masked)."""
    campaigns = list(EvaluationCampaign.objects.order_by("-year")[:20])
    chosen = campaigns[0] if campaigns else None
    year = request.GET.get("annee", "")
    for campaign in campaigns:
        if str(campaign.year) == year:
            chosen = campaign
    today = timezone.localdate()
    return render(
        request,
        "evaluations/statistics.html",
        {
            "campaigns": campaigns,
            "campaign": chosen,
            "progress": stats.campaign_progress(chosen, at=today) if chosen else None,
            "departments": stats.completion_by_department(chosen, at=today) if chosen else [],
            "threshold": small_group_threshold(),
        },
    )
