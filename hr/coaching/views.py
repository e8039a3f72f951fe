"""Coaching pages: the person chooses a coach; the pair sees the relationship and its
sessions; HR and the director see counts only."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hr.coaching import forms, perms, services, stats
from hr.coaching.models import CoachingRelationship
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.audit.models import AuditEvent
from imtsocial.errors import DomainError, add_form_errors_to_messages
from imtsocial.pagination import paginate


@require_GET
@role_required(Role.EMPLOYEE)
def my_coach(request):
    own = employee_of(request.user)
    current = (
        CoachingRelationship.objects.filter(coachee=own, ended_on__isnull=True)
        .select_related("coach__employee__department")
        .first()
    )
    coaches = None if current else paginate(request, services.available_coaches(own))
    return render(
        request,
        "coaching/my_coach.html",
        {"current": current, "page": coaches},
    )


@require_POST
@role_required(Role.EMPLOYEE)
def choose(request):
    own = employee_of(request.user)
    form = forms.ChooseForm(request.POST)
    if form.is_valid():
        try:
            relationship = services.coach_choose(
                coachee=own, coach=form.cleaned_data["coach"], by=request.user
            )
        except DomainError as error:
            error.add_to_form(form)
        else:
            messages.success(request, _("Votre développeur de talents est choisi."))
            return redirect(relationship)
    add_form_errors_to_messages(request, form)
    return redirect("coaching:my_coach")


@require_GET
@role_required(Role.TALENT_DEVELOPER)
def my_coachings(request):
    own = employee_of(request.user)
    relationships = CoachingRelationship.objects.filter(coach__employee=own).select_related(
        "coachee"
    )
    return render(request, "coaching/my_coachings.html", {"page": paginate(request, relationships)})


@require_http_methods(["GET", "POST"])
def relationship_detail(request, pk):
    relationship = perms.get_relationship_for(request.user, pk)
    if request.method == "GET" and perms.is_coach(request.user, relationship):
        # the coach opens the coachee's record: journaled (the coachee's own reads are not)
        AuditEvent.log_view(
            actor=request.user,
            obj=relationship,
            subject=relationship.coachee,
            role=Role.TALENT_DEVELOPER,
        )
    form = forms.SessionForm(request.POST or None)
    if request.method == "POST":
        if not perms.can_add_session(request.user, relationship):
            messages.error(request, _("Seul le développeur de talents note les séances."))
            return redirect(relationship)
        if form.is_valid():
            try:
                services.session_add(
                    relationship=relationship,
                    date=form.cleaned_data["date"],
                    notes=form.cleaned_data["notes"],
                    by=request.user,
                )
            except DomainError as error:
                error.add_to_form(form)
            else:
                messages.success(request, _("La séance est notée."))
                return redirect(relationship)
    return render(
        request,
        "coaching/relationship_detail.html",
        {
            "relationship": relationship,
            "sessions": paginate(request, relationship.sessions.all()),
            "form": form if perms.can_add_session(request.user, relationship) else None,
            "can_end": perms.can_end(request.user, relationship),
        },
    )


@require_POST
def relationship_end(request, pk):
    relationship = perms.get_relationship_for(request.user, pk)
    form = forms.EndForm(request.POST)
    if form.is_valid():
        role = "coach" if perms.is_coach(request.user, relationship) else "coachee"
        try:
            services.relationship_end(
                relationship=relationship,
                reason=forms.END_REASON_OF_ROLE[role],
                by=request.user,
                version=form.cleaned_data["version"],
            )
        except DomainError as error:
            error.add_to_messages(request)
        else:
            messages.success(request, _("L'accompagnement est terminé."))
    else:
        add_form_errors_to_messages(request, form)
    return redirect(relationship)


@require_GET
@role_required(Role.HR, Role.DIRECTOR)
def counts(request):
    today = timezone.localdate()
    return render(
        request,
        "coaching/counts.html",
        {"developers": stats.talent_developers(today), "relationships": stats.relationships(today)},
    )
