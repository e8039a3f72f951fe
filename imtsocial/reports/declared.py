"""Services of the declared (manual) values: HR saves them, history and lock kept."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.errors import DomainError
from imtsocial.locking import bump_version
from imtsocial.reports.models import DeclaredValue


@transaction.atomic
def declared_value_save(*, form, by) -> DeclaredValue:
    """Create or update the value of ``form`` (optimistic lock on an update); the person
    who saved it last is the one shown as having entered it."""
    value = form.instance
    if value.pk is not None:
        bump_version(value, version=form.cleaned_data.get("version"))
    value.entered_by = by
    value.entered_at = timezone.now()
    value._history_user = by
    try:
        with transaction.atomic():
            return form.save()
    except IntegrityError:
        raise DomainError(
            _(
                "Une valeur est déjà déclarée pour cet indicateur en %(year)s : "
                "modifiez-la plutôt que d'en saisir une seconde."
            )
            % {"year": value.year},
            field="code",
        ) from None
