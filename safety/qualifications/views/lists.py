"""Lists of qualifications: all (prevention; a manager: their department's people), the
expired and expiring-soon lists, the person's own, and the aggregates."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hr.models import Department
from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, employee_of
from imtsocial.pagination import paginate
from imtsocial.periods import ReferenceDateForm
from safety.qualifications import perms, services, stats
from safety.qualifications.enums import State
from safety.qualifications.forms import QualificationFilterForm
from safety.qualifications.models import Qualification


def _departments_for(user):
    if perms.can_record(user):
        return Department.objects.order_by("name")
    own = employee_of(user)
    return (
        Department.objects.filter(Q(employees__manager=own) | Q(head=own))
        .distinct()
        .order_by("name")
    )


def _list_page(request, *, state=None, title):
    if not perms.can_see_list(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    notices = services.notice_days_at(today)
    data = request.GET.copy()
    if state:
        data["state"] = state
    form = QualificationFilterForm(data or None, departments=_departments_for(request.user))
    qualifications = perms.qualifications_visible_to(request.user)
    qualifications = form.filter(qualifications, today, notices)
    if state:  # the expired and expiring lists: what is still to renew
        qualifications = services.not_renewed(qualifications)
    qualifications = qualifications.select_related("holder__department", "qualification_type")
    page = paginate(
        request,
        qualifications.order_by("expires_on", "holder__last_name", "holder__first_name", "pk"),
    )
    services.with_states(page.object_list, today, notices)
    return render(
        request,
        "safety/qualifications/list.html",
        {
            "form": form,
            "page": page,
            "title": title,
            "state": state,
            "can_record": perms.can_record(request.user),
        },
    )


@require_GET
def qualification_list(request):
    return _list_page(request, title=_("Habilitations et certificats"))


@require_GET
def expiring_list(request):
    return _list_page(request, state=State.EXPIRING, title=_("Habilitations à renouveler bientôt"))


@require_GET
def expired_list(request):
    return _list_page(request, state=State.EXPIRED, title=_("Habilitations échues"))


@require_GET
@role_required(Role.EMPLOYEE)
def mine(request):
    today = timezone.localdate()
    own = employee_of(request.user)
    qualifications = (
        Qualification.objects.filter(holder=own)
        .select_related("qualification_type")
        .order_by("-expires_on", "pk")
    )
    page = paginate(request, qualifications)
    services.with_states(page.object_list, today)
    return render(request, "safety/qualifications/mine.html", {"page": page})


@require_GET
def summary(request):
    if not perms.can_see_aggregates(request.user):
        raise PermissionDenied
    form = ReferenceDateForm.for_request(request)  # the last 31 December by default
    return render(
        request,
        "safety/qualifications/summary.html",
        {
            "form": form,
            "at": form.at,
            "by_type": stats.counts_by_type(form.at),
            "first_aiders": stats.first_aiders_at(form.at),
        },
    )
