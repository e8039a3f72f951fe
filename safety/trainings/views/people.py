"""Learners' records, newcomers without induction, the road-risk census and the
person's own safety trainings."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from hr.models import Employee
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.errors import DomainError
from imtsocial.formats import elide
from imtsocial.pagination import paginate
from safety.trainings import forms, perms, queries, services
from safety.trainings.enums import EMPLOYEE_KIND, NEWCOMER_KINDS
from safety.trainings.models import Attendance, Learner, RoadRiskExposure


@require_GET
@role_required(Role.PREVENTION)
def learner_list(request):
    form = forms.LearnerFilterForm(request.GET or None)
    data = form.valid_data()
    learners = Learner.objects.select_related("department")
    if "kind" in data:
        learners = learners.filter(kind=data["kind"])
    if "department" in data:
        learners = learners.filter(department=data["department"])
    if "q" in data:
        learners = learners.filter(
            Q(last_name__icontains=data["q"]) | Q(first_name__icontains=data["q"])
        )
    return render(
        request,
        "safety/trainings/learner_list.html",
        {"form": form, "page": paginate(request, learners.order_by("-arrived_on", "last_name"))},
    )


@require_http_methods(["GET", "POST"])
def learner_edit(request, pk=None):
    """A record of another user's reach answers 404; creating needs the role."""
    if pk is None and not perms.can_manage(request.user):
        raise PermissionDenied
    learner = perms.get_learner_for(request.user, pk) if pk else Learner()
    form = forms.LearnerForm(request.POST or None, instance=learner)
    if request.method == "POST" and form.is_valid():
        try:
            services.learner_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("La fiche est enregistrée."))
            return redirect("safety_trainings:learner_list")
    return render(
        request,
        "safety/trainings/form.html",
        {
            "form": form,
            "title": _("Modifier la fiche") if pk else _("Nouvel élève, apprenti ou stagiaire"),
            "intro": _(
                "Seules les données utiles au suivi de la formation d'accueil sont "
                "enregistrées : nom, prénom, statut, arrivée, service d'accueil et départ."
            ),
            "cancel_url": reverse("safety_trainings:learner_list"),
        },
    )


@require_GET
def newcomer_list(request):
    if not perms.can_see_newcomers(request.user):
        raise PermissionDenied
    departments = perms.newcomer_departments(request.user)
    form = forms.NewcomerFilterForm(request.GET or None, departments=departments)
    data = form.valid_data()
    today = timezone.localdate()
    try:
        since = queries.window_start(today)
    except DomainError as error:
        error.add_to_messages(request)
        rows, since = Learner.objects.none().values(*queries.ROW_FIELDS), None
    else:
        rows = queries.newcomers_without_induction(
            today,
            departments=departments,
            department=data.get("department"),
            kind=data.get("kind", ""),
        )
    page = paginate(request, rows)
    labels = dict(NEWCOMER_KINDS)
    for row in page:
        row["kind_label"] = labels.get(row["person_kind"], row["person_kind"])
        row["is_employee"] = row["person_kind"] == EMPLOYEE_KIND
    return render(
        request,
        "safety/trainings/newcomer_list.html",
        {
            "form": form,
            "page": page,
            "since": since,
            "can_manage": perms.can_manage(request.user),
        },
    )


@require_GET
@role_required(Role.PREVENTION)
def exposure_list(request):
    form = forms.DepartmentFilterForm(request.GET or None)
    data = form.valid_data()
    exposures = RoadRiskExposure.objects.select_related("employee__department")
    if "department" in data:
        exposures = exposures.filter(employee__department=data["department"])
    today = timezone.localdate()
    return render(
        request,
        "safety/trainings/exposure_list.html",
        {
            "form": form,
            "today": today,
            "page": paginate(
                request, exposures.order_by("employee__last_name", "employee__first_name", "pk")
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def exposure_edit(request, pk=None):
    """A record of another user's reach answers 404; creating needs the role."""
    if pk is None and not perms.can_manage(request.user):
        raise PermissionDenied
    exposure = perms.get_exposure_for(request.user, pk) if pk else RoadRiskExposure()
    form = forms.ExposureForm(request.POST or None, instance=exposure)
    if request.method == "POST" and form.is_valid():
        try:
            services.exposure_save(form=form, by=request.user)
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Le recensement est enregistré."))
            return redirect("safety_trainings:exposure_list")
    title = (
        elide(
            _("Exposition de %(name)s") % {"name": exposure.employee.full_name},
            exposure.employee.full_name,
        )
        if pk
        else _("Recenser une personne exposée au risque routier")
    )
    return render(
        request,
        "safety/trainings/form.html",
        {"form": form, "title": title, "cancel_url": reverse("safety_trainings:exposure_list")},
    )


@require_GET
@role_required(Role.PREVENTION)
def road_untrained(request):
    form = forms.DepartmentFilterForm(request.GET or None)
    data = form.valid_data()
    exposures = queries.exposed_without_road_training(
        timezone.localdate(), department=data.get("department")
    )
    return render(
        request,
        "safety/trainings/road_untrained.html",
        {"form": form, "page": paginate(request, exposures)},
    )


def attendances_of(employee):
    return (
        Attendance.objects.filter(employee=employee)
        .select_related("session__kind", "session__trainer_agent")
        .order_by("-session__date", "-pk")
    )


@require_GET
@role_required(Role.EMPLOYEE)
def my_trainings(request):
    own = employee_of(request.user)
    if own is None or not isinstance(own, Employee):
        raise PermissionDenied
    return render(
        request,
        "safety/trainings/my_trainings.html",
        {
            "page": paginate(request, attendances_of(own)),
            "exposures": list(own.road_risk_exposures.order_by("-since")),
            "has_induction": queries.has_induction(own),
        },
    )
