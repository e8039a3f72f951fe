from datetime import date, timedelta

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.models import Employee
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.collation import by_name
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.pagination import paginate
from telework import pdf, perms, services, stats
from telework.enums import RequestStatus, Weekday
from telework.forms import DecisionForm, RequestFilterForm, TeleworkRequestForm
from telework.models import TeleworkRequest


@require_GET
@role_required(Role.EMPLOYEE)
def my_requests(request):
    own = employee_of(request.user)
    requests = TeleworkRequest.objects.filter(employee=own).order_by("-start", "-pk")
    today = timezone.localdate()
    return render(
        request,
        "telework/my_requests.html",
        {"page": paginate(request, requests), "regime": stats.regime_at(today)},
    )


def _request_form_page(request, form, *, title, renewed_from=None):
    own = employee_of(request.user)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.telework_request_create(
                employee=own, proposal=form.proposal(), by=request.user, renewed_from=renewed_from
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Votre demande de télétravail est déposée."))
            return redirect(created)
    return render(
        request,
        "telework/request_form.html",
        {"form": form, "title": title, "renewed_from": renewed_from},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.EMPLOYEE)
def request_create(request):
    form = TeleworkRequestForm(request.POST or None)
    return _request_form_page(request, form, title=_("Demander le télétravail"))


@require_http_methods(["GET", "POST"])
@role_required(Role.EMPLOYEE)
def request_renew(request, pk):
    previous = perms.get_request_for(request.user, pk)
    if not perms.can_renew(request.user, previous):
        raise Http404
    initial = TeleworkRequestForm.initial_from(services.renewal_proposal(previous))
    form = TeleworkRequestForm(request.POST or None, initial=initial)
    return _request_form_page(
        request, form, title=_("Renouveler une autorisation de télétravail"), renewed_from=previous
    )


@require_GET
def request_detail(request, pk):
    req = perms.get_request_for(request.user, pk)
    user = request.user
    reads_reason = not perms.is_requester(user, req) and perms.can_see_reason(user, req)
    if reads_reason and req.reason_is_confidential:
        AuditEvent.log_view(
            actor=user, obj=req, subject=req.employee, detail=_("motif de dérogation")
        )
    can_decide = perms.can_manager_decide(user, req) or perms.can_final_decide(user, req)
    return render(
        request,
        "telework/request_detail.html",
        {
            "req": req,
            "is_requester": perms.is_requester(user, req),
            "can_see_reason": perms.can_see_reason(user, req),
            "can_decide": can_decide,
            "decision_form": DecisionForm(initial={"version": req.version}) if can_decide else None,
            "can_withdraw": perms.can_withdraw(user, req),
            "can_renew": perms.can_renew(user, req),
            "can_download": perms.can_download_authorisation(user, req),
            "regime": stats.regime_at(req.start),
        },
    )


@require_POST
def request_decide(request, pk):
    req = perms.get_request_for(request.user, pk)
    user = request.user
    # The step follows the state; the service checks who may take it.
    if req.status == RequestStatus.SUBMITTED:
        decide = services.telework_request_manager_decide
    else:
        decide = services.telework_request_final_decide
    form = DecisionForm(request.POST)
    if not form.is_valid():
        add_form_errors_to_messages(request, form)
        return redirect(req)
    data = form.cleaned_data
    try:
        decide(
            request=req,
            approve=data["decision"] == "approve",
            refusal_reason=data["refusal_reason"],
            interview_on=data["interview_on"],
            version=data["version"],
            by=user,
        )
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Votre décision est enregistrée."))
    return redirect(req)


@require_POST
@role_required(Role.EMPLOYEE)
def request_withdraw(request, pk):
    req = perms.get_request_for(request.user, pk)
    if not perms.is_requester(request.user, req):
        raise Http404
    try:
        services.telework_request_withdraw(request=req, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("Votre demande est retirée."))
    return redirect(req)


@require_GET
def request_pdf(request, pk):
    req = perms.get_request_for(request.user, pk)
    if not perms.can_download_authorisation(request.user, req):
        raise Http404
    if not perms.is_requester(request.user, req):
        AuditEvent.log_download(
            actor=request.user, obj=req, subject=req.employee, detail=_("autorisation")
        )
    response = HttpResponse(pdf.authorisation_pdf(req), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="autorisation-teletravail-{req.employee.employee_number}'
        f'-{req.start:%Y%m%d}.pdf"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@role_required(Role.MANAGER, Role.HR, Role.DIRECTOR)
def request_list(request):
    """Requests to review (manager: the team's; HR and the final decider: all)."""
    user = request.user
    own = employee_of(user)
    requests = perms.requests_visible_to(user).select_related(
        "employee__department", "employee__site", "manager"
    )
    if own is not None:
        requests = requests.exclude(employee=own)
    form = RequestFilterForm(request.GET or None)
    todo = request.GET.get("a_traiter") == "1"
    if todo:
        todo_filter = Q(pk__in=[])
        if own is not None:
            todo_filter |= Q(status=RequestStatus.SUBMITTED, manager=own)
        if perms.is_final_decider(user):
            todo_filter |= Q(status=RequestStatus.MANAGER_APPROVED)
        requests = requests.filter(todo_filter)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            requests = requests.filter(
                Q(employee__last_name__icontains=data["q"])
                | Q(employee__employee_number__iexact=data["q"])
            )
        if data["status"]:
            requests = requests.filter(status=data["status"])
        if data["department"]:
            requests = requests.filter(employee__department=data["department"])
    requests = requests.order_by("-start", "-pk")
    page = paginate(request, requests)
    rows = [(req, perms.can_see_reason(user, req)) for req in page]
    return render(
        request,
        "telework/request_list.html",
        {"page": page, "rows": rows, "form": form, "todo": todo},
    )


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@require_GET
@role_required(Role.MANAGER)
def team_calendar(request):
    """Who is on site which day of a week: the manager's direct reports."""
    manager = employee_of(request.user)
    try:
        week = date.fromisoformat(request.GET.get("semaine", ""))
    except ValueError:
        week = timezone.localdate()
    monday = _monday(week)
    friday = monday + timedelta(days=4)
    days = [monday + timedelta(days=i) for i in range(5)]
    team = Employee.objects.active(monday).filter(manager=manager).order_by(*by_name())
    page = paginate(request, team)
    authorisations = {}
    for req in TeleworkRequest.objects.filter(
        employee__in=[e.pk for e in page], status=RequestStatus.APPROVED
    ).overlapping(monday, friday):
        authorisations.setdefault(req.employee_id, []).append(req)
    regime = {day: stats.regime_at(day) for day in days} if days else {}
    rows = []
    for employee in page:
        cells = []
        floating = 0
        for day in days:
            if regime[day] is not None:
                cells.append("regime")
                continue
            remote = any(
                r.start <= day <= r.end and day.weekday() in r.weekdays
                for r in authorisations.get(employee.pk, [])
            )
            cells.append("remote" if remote else "onsite")
        for r in authorisations.get(employee.pk, []):
            floating = max(floating, r.floating_days)
        rows.append({"employee": employee, "cells": cells, "floating": floating})
    return render(
        request,
        "telework/team_calendar.html",
        {
            "page": page,
            "rows": rows,
            "days": [(day, Weekday(day.weekday()).label) for day in days],
            "previous": monday - timedelta(days=7),
            "next": monday + timedelta(days=7),
            "regime": next((r for r in regime.values() if r), None),
        },
    )
