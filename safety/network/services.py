"""Changes to the prevention network, each in one transaction with the optimistic lock."""

from django.db import transaction

from imtsocial.locking import bump_version, lock
from safety.network.models import Appointment


@transaction.atomic
def appointment_save(*, form, by) -> Appointment:
    appointment = form.instance
    if appointment.pk is None:
        appointment.created_by = by
    else:
        bump_version(appointment, version=form.cleaned_data.get("version"))
    appointment._history_user = by
    appointment = form.save()
    return appointment


@transaction.atomic
def appointment_end(*, appointment, ends_on, by, version) -> Appointment:
    appointment = lock(Appointment, appointment.pk, version=version)
    appointment.ends_on = ends_on
    appointment._history_user = by
    appointment.save(update_fields=["ends_on", "version"])
    return appointment
