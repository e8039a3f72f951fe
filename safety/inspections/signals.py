"""A periodicity added or changed in « Référentiels » moves the due dates of its kind."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from safety.inspections.models import KindPeriodicity


@receiver(post_save, sender=KindPeriodicity)
@receiver(post_delete, sender=KindPeriodicity)
def periodicity_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from safety.inspections.services import recompute_kind

    recompute_kind(instance.kind_id)
