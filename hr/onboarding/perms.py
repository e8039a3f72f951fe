"""Who sees a newcomer's checklist: HR, IT and prevention (they own items), the
newcomer's manager and the newcomer; 404 for everyone else."""

from django.db.models import Q
from django.shortcuts import get_object_or_404

from hr.onboarding.models import Onboarding
from imtsocial.accounts.roles import Role, employee_of, has_role


def onboardings_visible_to(user):
    if has_role(user, Role.HR, Role.IT, Role.PREVENTION):
        return Onboarding.objects.all()
    own = employee_of(user)
    if own is None:
        return Onboarding.objects.none()
    return Onboarding.objects.filter(Q(employee=own) | Q(employee__manager=own))


def get_onboarding_for(user, pk) -> Onboarding:
    return get_object_or_404(
        onboardings_visible_to(user).select_related("employee__department", "employee__manager"),
        pk=pk,
    )
