from datetime import timedelta

from django.utils import timezone

from imtsocial.refdata.parameters import MissingReferenceData


def late_before(parameter):
    """Entries written before this date and still waiting are late (None: no value)."""
    today = timezone.localdate()
    try:
        return today - timedelta(days=parameter.at(today))
    except MissingReferenceData:
        return None
