"""Writing reference data: a new value from a date, or the withdrawal of a value that
has not started yet. The rows of the series are locked, so two owners adding a value
at once cannot both close the same period; the exclusion constraint is the last guard.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.errors import DomainError, full_clean
from imtsocial.refdata.models import format_day, past_is_kept_message


class ReferenceDataError(DomainError):
    """A refused change of reference data."""


def _series(row):
    return type(row)._default_manager.filter(**row.series_key()).exclude(pk=row.pk)


@transaction.atomic
def reference_row_add(*, row, by):
    """Save ``row`` (unsaved, from the table's form) as the series' new value from its date.

    The value in force until then ends the day before; a date on or before the start of
    the latest value is refused: the past is never rewritten."""
    if row.pk is not None:
        raise ReferenceDataError(_("Une valeur enregistrée ne se modifie pas : ajoutez-en une."))
    series = list(_series(row).select_for_update().order_by("-valid_from"))
    latest = series[0] if series else None
    if latest is not None and row.valid_from <= latest.valid_from:
        raise ReferenceDataError(past_is_kept_message(latest), field="valid_from")
    if latest is not None and (latest.valid_to is None or latest.valid_to >= row.valid_from):
        latest.valid_to = row.valid_from - timedelta(days=1)
        latest._history_user = by
        latest._change_reason = _("Remplacée à partir du %(date)s") % {
            "date": format_day(row.valid_from)
        }
        latest.save(update_fields=["valid_to"])
    full_clean(row)
    row._history_user = by
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as exc:  # the exclusion constraint, as a last guard
        raise ReferenceDataError(
            _("Une autre valeur vient d'être enregistrée pour cette période : rechargez la page.")
        ) from exc
    return row


@transaction.atomic
def reference_row_withdraw(*, row, by) -> None:
    """Withdraw a value that is not in force yet; the value before it runs on again."""
    row = type(row)._default_manager.select_for_update().get(pk=row.pk)
    if row.valid_from <= timezone.localdate():
        raise ReferenceDataError(
            _("Seule une valeur qui n'est pas encore en vigueur peut être retirée.")
        )
    previous = (
        _series(row).select_for_update().filter(valid_to=row.valid_from - timedelta(days=1)).first()
    )
    row._history_user = by
    row.delete()
    if previous is not None:
        previous.valid_to = row.valid_to
        previous._history_user = by
        previous._change_reason = _("Valeur suivante retirée")
        previous.save(update_fields=["valid_to"])
