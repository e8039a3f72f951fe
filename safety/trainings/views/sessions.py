"""Prevention's pages of sessions and attendance."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.errors import DomainError
from imtsocial.pagination import paginate
from safety.trainings import forms, perms, services
from safety.trainings.models import SafetySession


@require_GET
@role_required(Role.PREVENTION)
def session_list(request):
    form = forms.SessionFilterForm(request.GET or None)
    data = form.valid_data()
    sessions = SafetySession.objects.select_related("kind", "trainer_agent").annotate(
        employees=Count("attendances", filter=Q(attendances__employee__isnull=False)),
        learners=Count("attendances", filter=Q(attendances__learner__isnull=False)),
    )
    if "kind" in data:
        sessions = sessions.filter(kind=data["kind"])
    if "year" in data:
        sessions = sessions.filter(date__year=data["year"])
    return render(
        request,
        "safety/trainings/session_list.html",
        {"form": form, "page": paginate(request, sessions.order_by("-date", "-pk"))},
    )


@require_http_methods(["GET", "POST"])
def session_edit(request, pk=None):
    """A record of another user's reach answers 404; creating needs the role."""
    if pk is None and not perms.can_manage(request.user):
        raise PermissionDenied
    session = perms.get_session_for(request.user, pk) if pk else SafetySession()
    form = forms.SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La session est enregistrée."))
            return redirect(session)
    return render(
        request,
        "safety/trainings/form.html",
        {
            "form": form,
            "title": _("Modifier la session") if pk else _("Nouvelle session de formation"),
            "cancel_url": session.get_absolute_url() if pk else _list_url(),
        },
    )


def _list_url():
    return reverse("safety_trainings:session_list")


def _session_page(request, session, form=None, status=200):
    attendances = session.attendances.select_related(
        "employee__department", "learner__department"
    ).order_by("employee__last_name", "learner__last_name", "pk")
    return render(
        request,
        "safety/trainings/session_detail.html",
        {
            "session": session,
            "attendances": attendances,
            "form": form or forms.AttendanceForm(session=session),
            "open": session.date <= timezone.localdate(),
        },
        status=status,
    )


@require_GET
def session_detail(request, pk):
    return _session_page(request, perms.get_session_for(request.user, pk))


@require_POST
def attendance_add(request, pk):
    session = perms.get_session_for(request.user, pk)
    form = forms.AttendanceForm(request.POST, session=session)
    if form.is_valid():
        try:
            services.attendance_add(
                session=session,
                employee=form.cleaned_data["employee_number"],
                learner=form.cleaned_data["learner"],
                by=request.user,
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La présence est enregistrée."))
            return redirect(session)
    return _session_page(request, session, form)


@require_POST
def attendance_remove(request, pk, attendance_pk):
    session = perms.get_session_for(request.user, pk)
    attendance = get_object_or_404(session.attendances, pk=attendance_pk)
    services.attendance_remove(attendance=attendance, by=request.user)
    messages.success(request, _("La présence est retirée."))
    return redirect(session)
