"""Aid requests: the requester's form and file, the correspondent's queue and decisions.

Confidential: every fetch goes through ``perms.get_aid_request_for`` (404 for
anyone but the requester and the correspondent, HR and the director included)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial import pending_uploads
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.files import private_file_response
from imtsocial.forms import VersionForm
from imtsocial.pagination import paginate
from social_action import perms, rules, services, stats
from social_action.enums import (
    QUEUE_STATUSES,
    RequestStatus,
)
from social_action.forms import (
    AidRequestForm,
    DecisionForm,
    DocumentsForm,
    MessageForm,
    QueueFilterForm,
)
from social_action.models import AidRequest, AidScheme, SchemeBudget
from social_action.parameters import REQUEST_SLA_DAYS


def _estimate_for(form: AidRequestForm, request_obj: AidRequest, employee):
    """The eligibility and amount estimate of the facts typed so far (nothing saved)."""
    for name, value in form.cleaned_data.items():
        if hasattr(request_obj, name) and name not in ("documents", "version"):
            setattr(request_obj, name, value)
    return rules.estimate(
        request_obj.scheme, request_obj, at=timezone.localdate(), employee=employee
    )


def _pending_key(aid: AidRequest) -> str:
    return f"aid-{aid.pk}" if aid.pk else f"aid-new-{aid.scheme_id}"


def _keep_documents(request, form, key: str) -> None:
    """Documents attached to this post are kept (replacing earlier ones) for the next post
    of the form, so that « Estimer mon aide » or an error elsewhere does not drop them."""
    new = form.cleaned_data.get("documents") if hasattr(form, "cleaned_data") else None
    if new:
        pending_uploads.keep(request, key, new)
    elif request.POST.get("discard_kept"):
        pending_uploads.discard(request, key)


def _handle_request_form(request, *, aid: AidRequest, employee, template_context):
    form = AidRequestForm(
        request.POST or None, request.FILES or None, instance=aid, scheme=aid.scheme
    )
    key = _pending_key(aid)
    estimate = None
    if request.method == "GET":
        pending_uploads.discard(request, key)  # a fresh form starts without documents
    elif form.is_valid():
        _keep_documents(request, form, key)
        action = request.POST.get("action", "draft")
        aid = form.save(commit=False)
        estimate = _estimate_for(form, aid, employee)
        if action != "estimate":
            try:
                aid = services.aid_request_save(
                    request=aid,
                    uploads=pending_uploads.uploads_of(request, key),
                    submit=action == "submit",
                    by=request.user,
                    version=form.cleaned_data.get("version") if aid.pk else None,
                )
            except DomainError as error:
                error.add_to_form(form)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                pending_uploads.discard(request, key)
                if aid.status == RequestStatus.SUBMITTED:
                    messages.success(request, _("Votre demande a été déposée."))
                else:
                    messages.success(request, _("Votre brouillon a été enregistré."))
                return redirect(aid)
    else:
        _keep_documents(request, form, key)
    return render(
        request,
        "social_action/request_form.html",
        {
            **template_context,
            "form": form,
            "scheme": aid.scheme,
            "estimate": estimate,
            "kept_documents": pending_uploads.kept(request, key),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.EMPLOYEE)
def request_new(request, scheme_pk):
    scheme = get_object_or_404(
        AidScheme.objects.filter(eligible=True, on_request=True), pk=scheme_pk
    )
    employee = employee_of(request.user)
    aid = AidRequest(requester=employee, scheme=scheme, year=timezone.localdate().year)
    return _handle_request_form(
        request,
        aid=aid,
        employee=employee,
        template_context={"title": _("Demande : %(scheme)s") % {"scheme": scheme.name}},
    )


@require_http_methods(["GET", "POST"])
def request_edit(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    if not perms.can_edit_request(request.user, aid):
        messages.error(request, _("Cette demande ne peut plus être modifiée."))
        return redirect(aid)
    return _handle_request_form(
        request,
        aid=aid,
        employee=aid.requester,
        template_context={"title": _("Modifier la demande n° %(pk)s") % {"pk": aid.pk}},
    )


@require_GET
@role_required(Role.EMPLOYEE)
def request_list(request):
    requests_ = (
        AidRequest.objects.filter(requester=employee_of(request.user))
        .select_related("scheme")
        .order_by("-created_at", "-pk")
    )
    return render(
        request, "social_action/request_list.html", {"page": paginate(request, requests_)}
    )


def _access_log(aid: AidRequest):
    """Who (other than the requester) opened the file or one of its documents."""
    document_ids = [str(pk) for pk in aid.documents.values_list("pk", flat=True)]
    return AuditEvent.objects.filter(
        Q(object_type="social_action.aidrequest", object_id=str(aid.pk))
        | Q(object_type="social_action.aiddocument", object_id__in=document_ids)
    ).order_by("-at")[:100]


def _asked(aid):
    """What the requester asked: the amount typed, or failing that the estimate."""
    return aid.amount_asked if aid.amount_asked is not None else aid.amount_estimated


@require_GET
def request_detail(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    services.aid_file_opened(request=aid, by=request.user)
    return render(request, "social_action/request_detail.html", _detail_context(request, aid))


def _detail_context(request, aid, decision_form=None):
    """The file's page; ``decision_form`` is the bound decision form sent back with its
    errors next to the fields (the page answers 200)."""
    is_requester = perms.is_requester(request.user, aid)
    can_decide = perms.can_decide(request.user, aid)
    budget = consumed = None
    if can_decide:
        budget = SchemeBudget.objects.filter(scheme=aid.scheme, year=aid.year).first()
        consumed = stats.budget_consumed(aid.scheme_id, aid.year)
    estimate = rules.estimate(aid.scheme, aid, at=timezone.localdate(), employee=aid.requester)
    context = {
        "aid": aid,
        "documents": list(aid.documents.all()),
        "thread": list(aid.messages.select_related("author")),
        "is_requester": is_requester,
        "can_edit": perms.can_edit_request(request.user, aid),
        "can_decide": can_decide,
        "can_approve": perms.can(request.user, aid, "approve"),
        "can_ask_info": perms.can(request.user, aid, "ask_info"),
        "can_pay": perms.can(request.user, aid, "pay"),
        "can_delete": perms.can(request.user, aid, "delete"),
        "resubmission": aid.submitted_at is not None,
        "estimate": estimate,
        "budget": budget,
        "consumed": consumed,
        "access_log": list(_access_log(aid)) if is_requester else None,
        "message_form": MessageForm(),
        "documents_form": DocumentsForm(),
        "decision_form": decision_form
        or DecisionForm(
            initial={"version": aid.version, "amount": aid.amount_estimated}, asked=_asked(aid)
        ),
    }
    return context


def _refuse(request, aid, problem):
    """Back to the file with the reason: a ``DomainError`` or a French message."""
    if isinstance(problem, DomainError):
        problem.add_to_messages(request)
    else:
        messages.error(request, problem)
    return redirect(aid)


@require_POST
def request_submit(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    if not perms.is_requester(request.user, aid):
        return _refuse(request, aid, _("Seul le demandeur peut déposer sa demande."))
    form = VersionForm(request.POST)
    if not form.is_valid():
        add_form_errors_to_messages(request, form)
        return redirect(aid)
    try:
        services.aid_request_submit(
            request=aid, by=request.user, version=form.cleaned_data["version"]
        )
    except DomainError as exc:
        return _refuse(request, aid, exc)
    messages.success(request, _("Votre demande a été déposée."))
    return redirect(aid)


@require_POST
def request_delete(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    if not perms.is_requester(request.user, aid):
        return _refuse(request, aid, _("Seul le demandeur peut supprimer son brouillon."))
    try:
        services.aid_request_delete(request=aid, by=request.user)
    except DomainError as exc:
        return _refuse(request, aid, exc)
    messages.success(request, _("Le brouillon et ses pièces ont été supprimés."))
    return redirect("social_action:request_list")


@require_POST
def request_documents(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    if not perms.can_edit_request(request.user, aid):
        return _refuse(request, aid, _("Des pièces ne peuvent plus être ajoutées à cette demande."))
    form = DocumentsForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("documents", []):
            messages.error(request, error)
        return redirect(aid)
    try:
        services.aid_documents_add(
            request=aid, uploads=form.cleaned_data["documents"], by=request.user
        )
    except DomainError as exc:
        return _refuse(request, aid, exc)
    messages.success(request, _("Les pièces ont été ajoutées."))
    return redirect(aid)


@require_POST
def request_message(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _refuse(request, aid, _("Le message est vide ou trop long."))
    try:
        services.aid_message_post(
            request=aid,
            body=form.cleaned_data["body"],
            by=request.user,
            from_requester=perms.is_requester(request.user, aid),
        )
    except DomainError as exc:
        return _refuse(request, aid, exc)
    messages.success(request, _("Message envoyé."))
    return redirect(aid)


@require_POST
def request_decide(request, pk):
    aid = perms.get_aid_request_for(request.user, pk)
    if not perms.can_decide(request.user, aid):
        return _refuse(request, aid, _("Vous ne pouvez pas instruire cette demande."))
    form = DecisionForm(request.POST, asked=_asked(aid))
    if not form.is_valid():
        if form.errors.keys() & {"action", "version", "__all__"}:
            add_form_errors_to_messages(request, form)  # fields the page does not show
        context = _detail_context(request, aid, decision_form=form)
        return render(request, "social_action/request_detail.html", context)
    data = form.cleaned_data
    action, version = data["action"], data["version"]
    try:
        if action == DecisionForm.ASK_INFO:
            services.aid_request_ask_info(
                request=aid, message=data["message"], by=request.user, version=version
            )
            messages.success(request, _("Le complément a été demandé."))
        elif action == DecisionForm.APPROVE:
            services.aid_request_approve(
                request=aid,
                amount=data["amount"],
                override_reason=data["override_reason"],
                by=request.user,
                version=version,
            )
            for body in (data["partial_reason"] if form.is_partial else "", data["message"]):
                if body:
                    services.aid_message_post(
                        request=aid, body=body, by=request.user, from_requester=False
                    )
            messages.success(request, _("L'aide a été accordée."))
        elif action == DecisionForm.REJECT:
            services.aid_request_reject(
                request=aid, note=data["message"], by=request.user, version=version
            )
            messages.success(request, _("La demande a été refusée."))
        else:
            services.aid_request_mark_paid(request=aid, by=request.user, version=version)
            messages.success(request, _("L'aide est marquée comme versée."))
    except DomainError as exc:
        return _refuse(request, aid, exc)
    return redirect(aid)


@require_GET
def document_download(request, pk):
    document = perms.get_document_for(request.user, pk)
    services.aid_file_opened(request=document.request, by=request.user, document=document)
    return private_file_response(
        document.file,
        filename=document.original_name,
        as_attachment=True,
    )


@require_GET
@role_required(Role.SOCIAL_ACTION)
def queue(request):
    """The correspondent's queue: oldest first, SLA age, budget consumed vs envelope."""
    form = QueueFilterForm(request.GET or None)
    requests_ = AidRequest.objects.exclude(status=RequestStatus.DRAFT).select_related(
        "scheme", "requester"
    )
    status = ""
    if form.is_valid():
        data = form.cleaned_data
        status = data["status"]
        if data["scheme"]:
            requests_ = requests_.filter(scheme=data["scheme"])
        if data["year"]:
            requests_ = requests_.filter(year=data["year"])
    if status == "":
        requests_ = requests_.filter(status__in=QUEUE_STATUSES)
    elif status != "all":
        requests_ = requests_.filter(status=status)
    requests_ = requests_.order_by(F("submitted_at").asc(nulls_last=True), "pk")
    year = timezone.localdate().year
    budgets = (
        stats.budgets_with_consumed(year).select_related("scheme").order_by("scheme__position")
    )
    page = paginate(request, requests_)
    now = timezone.now()
    sla_days = REQUEST_SLA_DAYS.at(timezone.localdate())
    for row in page:
        row.age_days = (now - row.submitted_at).days if row.submitted_at else None
        row.late = (
            row.age_days is not None
            and row.age_days > sla_days
            and row.status in (RequestStatus.SUBMITTED, RequestStatus.NEEDS_INFO)
        )
    return render(
        request,
        "social_action/queue.html",
        {
            "form": form,
            "page": page,
            "budgets": budgets,
            "year": year,
            "sla_days": sla_days,
        },
    )
