"""Training pages: the catalogue and its sessions (every employee), enrolment, the
manager's decisions, the person's record with the CPF counter, HR's catalogue,
sessions, attendance and the yearly plan."""

from django.contrib import messages
from django.db.models import Count, F, Min, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.training import cpf, forms, perms, services, stats
from hr.training.enums import ENROLMENT_FLOW, HOLDS_A_PLACE
from hr.training.models import Course, Enrolment, TrainingSession
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.pagination import paginate


def _upcoming_sessions():
    return TrainingSession.objects.filter(starts_on__gt=timezone.localdate())


def _with_places(sessions):
    return sessions.annotate(
        taken=Count("enrolments", filter=Q(enrolments__status__in=HOLDS_A_PLACE))
    ).annotate(left=F("capacity") - F("taken"))


@require_GET
@role_required(Role.EMPLOYEE, Role.HR)
def catalogue(request):
    form = forms.CatalogueFilterForm(request.GET or None)
    courses = (
        Course.objects.all() if perms.is_hr(request.user) else Course.objects.filter(active=True)
    )
    today = timezone.localdate()
    courses = form.filter(courses).annotate(
        next_session=Min("sessions__starts_on", filter=Q(sessions__starts_on__gt=today))
    )
    return render(
        request,
        "training/catalogue.html",
        {"form": form, "page": paginate(request, courses.order_by("title", "pk"))},
    )


@require_GET
def course_detail(request, pk):
    course = perms.get_course_for(request.user, pk)
    sessions = _with_places(_upcoming_sessions().filter(course=course)).order_by("starts_on")
    return render(
        request,
        "training/course_detail.html",
        {
            "course": course,
            "page": paginate(request, sessions),
            "can_manage": perms.can_manage(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def course_edit(request, pk=None):
    course = perms.get_course_for(request.user, pk) if pk else Course()
    form = forms.CourseForm(request.POST or None, instance=course)
    if request.method == "POST" and form.is_valid():
        course = form.save(commit=False)
        course._history_user = request.user
        course.save()
        messages.success(request, _("La formation est enregistrée."))
        return redirect(course)
    title = _("Modifier la formation") if pk else _("Nouvelle formation")
    return render(
        request,
        "training/form.html",
        {"form": form, "title": title, "cancel_url": course.get_absolute_url() if pk else "/"},
    )


@require_http_methods(["GET", "POST"])
@role_required(Role.HR)
def session_create(request, course_pk):
    course = perms.get_course_for(request.user, course_pk)
    form = forms.SessionForm(request.POST or None, instance=TrainingSession(course=course))
    if request.method == "POST" and form.is_valid():
        session = form.save()
        messages.success(request, _("La session est ouverte aux inscriptions."))
        return redirect(session)
    return render(
        request,
        "training/form.html",
        {
            "form": form,
            "title": _("Nouvelle session : %(course)s") % {"course": course},
            "cancel_url": course.get_absolute_url(),
        },
    )


def _session_page(request, session, *, enrol_form=None, attendance_form=None):
    own = employee_of(request.user)
    taken = session.enrolments.filter(status__in=HOLDS_A_PLACE).count()
    mine = session.enrolments.filter(employee=own).order_by("-pk").first() if own else None
    context = {
        "session": session,
        "course": session.course,
        "taken": taken,
        "left": max(0, session.capacity - taken),
        "mine": mine,
        "can_cancel": mine is not None and perms.can(request.user, mine, "cancel"),
        "open": session.starts_on > timezone.localdate(),
        "can_manage": perms.can_manage(request.user),
        "enrol_form": enrol_form
        if isinstance(enrol_form, forms.EnrolForm) and not isinstance(enrol_form, forms.HrEnrolForm)
        else forms.EnrolForm(),
    }
    if context["can_manage"]:
        enrolments = session.enrolments.select_related("employee__department").order_by(
            "employee__last_name", "employee__first_name"
        )
        context["enrolments"] = enrolments
        context["hr_enrol_form"] = (
            enrol_form if isinstance(enrol_form, forms.HrEnrolForm) else forms.HrEnrolForm()
        )
        context["attendance_form"] = attendance_form or forms.AttendanceForm(
            enrolments=[e for e in enrolments if _attendance_due(e)]
        )
        context["attendance_open"] = not context["open"]
    return render(request, "training/session_detail.html", context)


def _attendance_due(enrolment) -> bool:
    return ENROLMENT_FLOW.allows(enrolment, "record_attendance")


@require_GET
def session_detail(request, pk):
    return _session_page(request, perms.get_session_for(request.user, pk))


@require_POST
def session_enrol(request, pk):
    session = perms.get_session_for(request.user, pk)
    by_hr = perms.is_hr(request.user) and "employee_number" in request.POST
    form = (forms.HrEnrolForm if by_hr else forms.EnrolForm)(request.POST)
    employee = employee_of(request.user)
    if form.is_valid():
        if by_hr:
            employee = form.cleaned_data["employee_number"]
        if employee is None:
            form.add_error(None, _("Seuls les agents s'inscrivent à une formation."))
        else:
            try:
                services.enrolment_request(
                    session=session,
                    employee=employee,
                    by=request.user,
                    uses_cpf=form.cleaned_data["uses_cpf"],
                )
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(
                    request,
                    _("L'inscription est enregistrée.")
                    if by_hr
                    else _("Votre demande est envoyée à votre responsable."),
                )
                return redirect(session)
    return _session_page(request, session, enrol_form=form)


@require_POST
@role_required(Role.HR)
def session_attendance(request, pk):
    session = perms.get_session_for(request.user, pk)
    enrolments = [e for e in session.enrolments.select_related("employee") if _attendance_due(e)]
    form = forms.AttendanceForm(request.POST, enrolments=enrolments)
    if form.is_valid():
        try:
            count = services.attendance_record(
                session=session, hours=form.hours(session.course.hours), by=request.user
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(
                request, _("Présences enregistrées (%(count)s agents).") % {"count": count}
            )
            return redirect(session)
    return _session_page(request, session, attendance_form=form)


@require_GET
@role_required(Role.EMPLOYEE)
def my_trainings(request):
    own = employee_of(request.user)
    enrolments = (
        Enrolment.objects.filter(employee=own)
        .select_related("session__course")
        .order_by("-session__starts_on", "-pk")
    )
    balance, years = cpf.cpf_balance(own, at=timezone.localdate())
    return render(
        request,
        "training/my_trainings.html",
        {"page": paginate(request, enrolments), "cpf": {"balance": balance, "years": years}},
    )


@require_GET
@role_required(Role.MANAGER, Role.HR)
def team_requests(request):
    """The team's enrolments (HR: those of people without a manager too)."""
    own = employee_of(request.user)
    scope = Q(employee__manager=own) if own else Q(pk__in=[])
    if perms.is_hr(request.user):
        scope |= Q(employee__manager__isnull=True)
    form = forms.TeamFilterForm(request.GET or None)
    enrolments = Enrolment.objects.filter(scope)
    if form.is_valid() and form.cleaned_data["status"]:
        enrolments = enrolments.filter(status=form.cleaned_data["status"])
    enrolments = enrolments.select_related("session__course", "employee").order_by(
        "session__starts_on", "employee__last_name", "pk"
    )
    page = paginate(request, enrolments)
    for enrolment in page:
        enrolment.can_decide = perms.can(request.user, enrolment, "approve")
    return render(request, "training/team_requests.html", {"form": form, "page": page})


@require_POST
def enrolment_decide(request, pk, decision):
    enrolment = perms.get_enrolment_for(request.user, pk)
    form = forms.DecisionForm(request.POST)
    if decision not in ("accepter", "refuser"):
        raise Http404
    if form.is_valid():
        try:
            services.enrolment_decide(
                enrolment=enrolment,
                approve=decision == "accepter",
                reason=form.cleaned_data["reason"],
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_messages(request)
        else:
            messages.success(request, _("Votre décision est enregistrée ; l'agent est prévenu."))
    else:
        add_form_errors_to_messages(request, form)
    return redirect("training:team_requests")


@require_POST
def enrolment_cancel(request, pk):
    enrolment = perms.get_enrolment_for(request.user, pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.enrolment_cancel(
                enrolment=enrolment, by=request.user, version=form.cleaned_data["version"]
            )
        except DomainError as error:
            error.add_to_messages(request)
        else:
            messages.success(request, _("Votre inscription est annulée."))
    else:
        add_form_errors_to_messages(request, form)
    return redirect(enrolment.session)


@require_GET
@role_required(Role.HR, Role.DIRECTOR)
def plan(request):
    form = forms.YearForm(request.GET or None)
    year = (form.is_valid() and form.cleaned_data["year"]) or timezone.localdate().year
    return render(
        request,
        "training/plan.html",
        {"form": form, "year": year, **stats.training_plan(year)},
    )
