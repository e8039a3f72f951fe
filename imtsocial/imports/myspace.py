"""« Mon espace »: the imports waiting for the person's confirmation (a counter of the
page's batch: no query of its own)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.imports import registry
from imtsocial.imports.models import ImportJob, ImportStatus
from imtsocial.myspace import Item, Section, batch


def sections(request):
    importers = registry.importers_for(request.user)
    if not importers:
        return []
    waiting = batch(request).count(
        ImportJob.objects.filter(
            kind__in=[i.key for i in importers],
            status=ImportStatus.READY,
            confirmed_by__isnull=True,
        )
    )

    def build() -> list[Section]:
        ready = waiting.value
        if not ready:
            return []
        return [
            Section(
                title=_("Imports"),
                role_label=importers[0].owner.label,
                todo=[
                    Item(
                        label=ngettext(
                            "%(count)d import analysé attend votre confirmation",
                            "%(count)d imports analysés attendent votre confirmation",
                            ready,
                        )
                        % {"count": ready},
                        url=reverse("imports:list"),
                        badge=_("Import"),
                        badge_level="info",
                    )
                ],
            )
        ]

    return build
