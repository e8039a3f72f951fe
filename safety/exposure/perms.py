"""Who may see and record exposure measurements.

Prevention agents record campaigns for the work units they may edit
(``safety.perms.units_editable_by``), the advisor everywhere; prevention agents read
every unit; managers read their department's units; the director sees the yearly
figures only. Anyone else gets a 404, as for a page that does not exist."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from imtsocial.accounts.roles import Role, has_role
from safety import perms as safety_perms
from safety.exposure.models import Measurement, MeasurementCampaign, Substance

is_advisor = safety_perms.is_advisor


def can_read(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.MANAGER)


def can_record(user) -> bool:
    return has_role(user, Role.PREVENTION)


def can_see_stats(user) -> bool:
    return has_role(user, Role.PREVENTION, Role.DIRECTOR)


def require(check, user) -> None:
    if not check(user):
        raise Http404


def units_visible_to(user):
    if not can_read(user):
        return safety_perms.WorkUnit.objects.none()
    return safety_perms.units_visible_to(user)


def units_editable_by(user):
    return safety_perms.units_editable_by(user)


def campaigns_visible_to(user):
    return MeasurementCampaign.objects.filter(work_unit__in=units_visible_to(user))


def get_campaign_for(user, pk) -> MeasurementCampaign:
    return get_object_or_404(
        campaigns_visible_to(user).select_related("work_unit__site", "created_by"), pk=pk
    )


def get_campaign_for_edit(user, pk) -> MeasurementCampaign:
    """404 for a campaign of a unit the user may not write in."""
    return get_object_or_404(
        MeasurementCampaign.objects.filter(work_unit__in=units_editable_by(user)).select_related(
            "work_unit"
        ),
        pk=pk,
    )


def can_edit_campaign(user, campaign) -> bool:
    return units_editable_by(user).filter(pk=campaign.work_unit_id).exists()


def measurements_visible_to(user):
    return Measurement.objects.filter(campaign__work_unit__in=units_visible_to(user))


def get_measurement_for_review(user, pk) -> Measurement:
    if not is_advisor(user):
        raise Http404
    return get_object_or_404(
        Measurement.objects.select_related("campaign__work_unit", "substance"), pk=pk
    )


def get_substance_for_edit(user, pk) -> Substance:
    if not is_advisor(user):
        raise Http404
    return get_object_or_404(Substance, pk=pk)
