"""Onboarding pages: the open checklists (each owner sees theirs), one checklist, and
« Qui fait quoi ? », the welcome directory generated from departments, roles and named
referents (printable)."""

from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hr.models import Department
from hr.onboarding import perms, services
from hr.onboarding.models import OnboardingItem, Referent, Topic
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, members_of
from imtsocial.errors import DomainError
from imtsocial.pagination import paginate


@require_GET
@role_required(Role.HR, Role.IT, Role.PREVENTION, Role.MANAGER)
def onboarding_list(request):
    onboardings = (
        perms.onboardings_visible_to(request.user)
        .annotate(pending=Count("items", filter=Q(items__done_on__isnull=True)))
        .filter(pending__gt=0)
        .select_related("employee__department")
        .order_by("-employee__hire_date", "pk")
    )
    return render(request, "onboarding/list.html", {"page": paginate(request, onboardings)})


@require_GET
def onboarding_detail(request, pk):
    onboarding = perms.get_onboarding_for(request.user, pk)
    items = list(onboarding.items.select_related("step", "done_by"))
    for item in items:
        item.can_do = item.done_on is None and services.can_do(request.user, item)
    return render(request, "onboarding/detail.html", {"onboarding": onboarding, "items": items})


@require_POST
def item_done(request, pk):
    item = get_object_or_404(
        OnboardingItem.objects.filter(
            onboarding__in=perms.onboardings_visible_to(request.user)
        ).select_related("onboarding"),
        pk=pk,
    )
    try:
        services.item_done(item=item, by=request.user)
    except DomainError as error:
        error.add_to_messages(request)
    else:
        messages.success(request, _("L'étape est notée comme faite."))
    return redirect(item.onboarding)


ROLE_PAGES = [Role.HR, Role.IT, Role.SOCIAL_ACTION, Role.PREVENTION]


@require_GET
@role_required(Role.EMPLOYEE, Role.HR, Role.DIRECTOR)
def who_does_what(request):
    referents = Referent.objects.select_related("employee__department").order_by(
        "topic", "employee__last_name"
    )
    by_topic = {}
    for referent in referents:
        by_topic.setdefault(referent.topic, []).append(referent)
    topics = [(label, by_topic.get(value, [])) for value, label in Topic.choices]
    departments = Department.objects.select_related("head", "site").order_by("name")
    services_of = [(role.label, list(members_of(role)[:12])) for role in ROLE_PAGES]
    return render(
        request,
        "onboarding/who_does_what.html",
        {"topics": topics, "departments": departments, "services": services_of},
    )
