"""Asbestos write services: locations (optimistic lock on edits), assessments, measures
(which set the location's state) and air measurements — all by the advisor."""

from django.db import transaction
from django.utils.translation import gettext as _

from imtsocial.errors import DomainError
from imtsocial.locking import ANY, bump_version, lock
from safety.asbestos import perms
from safety.asbestos.enums import STATE_AFTER, State
from safety.asbestos.models import Location


class AsbestosError(DomainError):
    """A refused operation on the asbestos file."""


def _check(by) -> None:
    if not perms.can_edit(by):
        raise AsbestosError(
            _("Seul le conseiller de prévention tient le dossier technique amiante.")
        )


@transaction.atomic
def location_save(*, form, by, version=ANY) -> Location:
    _check(by)
    if form.instance.pk is not None:
        bump_version(form.instance, version=version)
    location = form.save(commit=False)
    location._history_user = by
    location.save()
    return location


def _child_save(form, *, by, location):
    _check(by)
    location = lock(Location, location.pk)
    child = form.save(commit=False)
    child.location = location
    day = getattr(child, "date", None) or getattr(child, "done_on", None)
    if day is not None and day < location.identified_on:
        raise AsbestosError(
            _("Cette date précède le repérage du matériau (%(date)s).")
            % {"date": location.identified_on.strftime("%d/%m/%Y")},
            field="date" if hasattr(child, "date") else "done_on",
        )
    child._history_user = by
    child.save()
    return location, child


@transaction.atomic
def assessment_add(*, form, by, location):
    location, assessment = _child_save(form, by=by, location=location)
    if location.state == State.REMOVED:
        raise AsbestosError(_("Ce matériau a été retiré : il n'y a plus d'état à évaluer."))
    assessment.recorded_by = by
    assessment.save(update_fields=["recorded_by"])
    location.save(update_fields=["version"])
    return assessment


@transaction.atomic
def measure_add(*, form, by, location):
    """A confinement, covering or removal: the location becomes confined or removed
    (the latest measure gives the state)."""
    location, measure = _child_save(form, by=by, location=location)
    latest = location.measures.order_by("-done_on", "-pk").first()
    location.state = STATE_AFTER[latest.kind]
    location._history_user = by
    location.save(update_fields=["state", "version"])
    return measure


@transaction.atomic
def air_measurement_add(*, form, by, location):
    location, measurement = _child_save(form, by=by, location=location)
    location.save(update_fields=["version"])
    return measurement
