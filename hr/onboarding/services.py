"""Onboarding services: the checklist of a newcomer, and an item done by its owner."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hr.onboarding.models import Onboarding, OnboardingItem, OnboardingStep, Owner
from hr.onboarding.parameters import RECENT_HIRE_DAYS
from imtsocial.accounts.roles import Role, employee_of, has_role
from imtsocial.errors import DomainError
from imtsocial.locking import lock

OWNER_ROLES = {Owner.HR: Role.HR, Owner.IT: Role.IT, Owner.PREVENTION: Role.PREVENTION}


def is_newcomer(employee, *, today=None) -> bool:
    today = today or timezone.localdate()
    if employee.hire_date is None:
        return False
    return employee.hire_date >= today - timedelta(days=RECENT_HIRE_DAYS.at(today))


def onboarding_open(employee) -> Onboarding:
    """The newcomer's checklist (created once, with every step in use)."""
    onboarding, created = Onboarding.objects.get_or_create(employee=employee)
    if created:
        OnboardingItem.objects.bulk_create(
            OnboardingItem(onboarding=onboarding, step=step)
            for step in OnboardingStep.objects.filter(active=True)
        )
    return onboarding


def newcomer_saved(sender, instance, created, raw=False, **kwargs):
    """``post_save`` of Employee: a new record with a recent or future hire date gets its
    checklist (forms and imports alike)."""
    if created and not raw and is_newcomer(instance):
        onboarding_open(instance)


def can_do(user, item) -> bool:
    """The item's owner: the role, or the newcomer's manager."""
    if item.step.owner == Owner.MANAGER:
        own = employee_of(user)
        return own is not None and item.onboarding.employee.manager_id == own.pk
    return has_role(user, OWNER_ROLES[item.step.owner])


@transaction.atomic
def item_done(*, item, by) -> OnboardingItem:
    row = lock(OnboardingItem.objects.select_related("step", "onboarding__employee"), item.pk)
    if not can_do(by, row):
        raise DomainError(
            _("Cette étape revient à : %(owner)s.") % {"owner": row.step.get_owner_display()}
        )
    if row.done_on is not None:
        raise DomainError(_("Cette étape est déjà faite."))
    row.done_on, row.done_by = timezone.localdate(), by
    row.save()
    return row
