"""Exposure write services: campaigns (optimistic lock on edits), measurements with their
computed compliance, the advisor's review of an exceedance."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.errors import DomainError
from imtsocial.locking import ANY, bump_version, lock
from safety.exposure import compliance, perms, tasks
from safety.exposure.enums import Verdict
from safety.exposure.models import Measurement, MeasurementCampaign


class ExposureError(DomainError):
    """A refused exposure operation."""


def _check_unit(by, work_unit) -> None:
    if not perms.units_editable_by(by).filter(pk=work_unit.pk).exists():
        raise ExposureError(
            _("Vous ne pouvez enregistrer des mesures que pour vos unités de travail."),
            field="work_unit",
        )


@transaction.atomic
def campaign_save(*, form, by, version=ANY) -> MeasurementCampaign:
    campaign = form.instance
    _check_unit(by, campaign.work_unit)
    if campaign.pk is None:
        campaign.created_by = by
    else:
        bump_version(campaign, version=version)
    campaign = form.save(commit=False)
    campaign._history_user = by
    campaign.save()
    _reassess(campaign, by=by)
    return campaign


def _reassess(campaign, *, by) -> None:
    """A new campaign date may change the limit in force: recompute every measurement."""
    for measurement in campaign.measurements.select_related("substance"):
        outcome = compliance.assess(
            substance=measurement.substance,
            kind=measurement.kind,
            value=measurement.value,
            unit=measurement.unit,
            at=campaign.date,
        )
        if (outcome.verdict, outcome.limit_value) != (
            measurement.verdict,
            measurement.limit_value,
        ):
            _apply(measurement, outcome)
            measurement._history_user = by
            measurement.save()


def _apply(measurement, outcome) -> None:
    measurement.verdict = outcome.verdict
    measurement.limit = outcome.limit
    measurement.limit_value = outcome.limit_value
    measurement.limit_unit = outcome.limit.unit if outcome.limit_value is not None else ""
    measurement.compared_value = outcome.compared_value


@transaction.atomic
def measurement_add(*, campaign, by, substance, kind, duration_minutes, value, unit):
    """A measured value, compliant or over the limit in force at the campaign date; an
    exceedance becomes a to-do of the advisor and a content-free e-mail to them."""
    campaign = lock(MeasurementCampaign.objects.select_related("work_unit"), campaign.pk)
    _check_unit(by, campaign.work_unit)
    if value is None or value < 0:
        raise ExposureError(_("Une concentration n'est pas négative."), field="value")
    if not unit:
        raise ExposureError(_("Précisez l'unité de la valeur mesurée."), field="unit")
    outcome = compliance.assess(
        substance=substance, kind=kind, value=value, unit=unit, at=campaign.date
    )
    measurement = Measurement(
        campaign=campaign,
        substance=substance,
        kind=kind,
        duration_minutes=duration_minutes,
        value=value,
        unit=unit,
    )
    _apply(measurement, outcome)
    measurement._history_user = by
    measurement.save()
    if measurement.verdict == Verdict.OVER:
        tasks.notify_over_limit.delay_on_commit(measurement.pk)
    return measurement


@transaction.atomic
def measurement_review(*, measurement, by, note: str) -> Measurement:
    row = lock(Measurement.objects.select_related("campaign"), measurement.pk)
    if row.verdict != Verdict.OVER:
        raise ExposureError(_("Seul un dépassement de la valeur limite s'examine."))
    if row.reviewed_at is not None:
        raise ExposureError(_("Ce dépassement a déjà été examiné."))
    if not note.strip():
        raise ExposureError(_("Dites la suite donnée à ce dépassement."), field="note")
    row.reviewed_at, row.reviewed_by, row.review_note = timezone.now(), by, note.strip()
    row._history_user = by
    row.save()
    return row


@transaction.atomic
def measurement_delete(*, measurement, by) -> None:
    row = lock(Measurement.objects.select_related("campaign__work_unit"), measurement.pk)
    _check_unit(by, row.campaign.work_unit)
    row._history_user = by
    row.delete()
