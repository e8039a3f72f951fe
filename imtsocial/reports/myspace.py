"""« Mon espace » of the director and HR: last year's chapter — its latest edition (one
query) and the declared values still missing for it (a counter of the page's batch)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.myspace import Item, Section, batch
from imtsocial.reports.catalogue import INDICATORS
from imtsocial.reports.enums import EditionStatus
from imtsocial.reports.models import DeclaredValue, Edition

BADGES = {
    EditionStatus.DONE: "success",
    EditionStatus.FAILED: "error",
    EditionStatus.QUEUED: "info",
    EditionStatus.RUNNING: "info",
}


def sections(request):
    roles = roles_of(request.user)
    if not ({Role.DIRECTOR, Role.HR} & roles):
        return []
    year = timezone.localdate().year - 1
    declared = {i.code for i in INDICATORS if i.declared}
    # one value per code and year (reports_declared_code_year)
    entered = batch(request).count(DeclaredValue.objects.filter(year=year, code__in=declared))

    def build() -> list[Section]:
        return [_section(roles, year, missing=len(declared) - entered.value)]

    return build


def _section(roles, year: int, missing: int) -> Section:
    page = reverse("reports:index") + f"?annee={year}"
    section = Section(
        title=_("Rapport DD&RS %(year)s") % {"year": year},
        role_label=(Role.DIRECTOR if Role.DIRECTOR in roles else Role.HR).label,
    )
    latest = Edition.objects.filter(year=year).order_by("-number").first()
    if latest is None:
        section.todo.append(
            Item(
                label=_("Aucune édition du chapitre %(year)s : demandez le PDF.") % {"year": year},
                url=page,
                badge=_("À faire"),
                badge_level="warning",
            )
        )
    else:
        section.items.append(
            Item(
                label=str(latest),
                url=page,
                detail=latest.error if latest.status == EditionStatus.FAILED else "",
                badge=str(latest.get_status_display()),
                badge_level=BADGES[latest.status],
            )
        )
    if missing:
        section.todo.append(
            Item(
                label=ngettext(
                    "%(count)d valeur déclarée manque pour %(year)s",
                    "%(count)d valeurs déclarées manquent pour %(year)s",
                    missing,
                )
                % {"count": missing, "year": year},
                url=reverse("reports:declared_list") + f"?annee={year}",
                badge=_("À compléter"),
                badge_level="warning",
            )
        )
    section.links.append(Item(label=_("Page du rapport DD&RS"), url=page))
    return section
