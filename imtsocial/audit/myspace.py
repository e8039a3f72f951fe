"""« Mon espace » of the DPO: the accesses to sensitive data of the last 30 days (a
counter of the page's batch: no query of its own)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from imtsocial.accounts.roles import Role, has_role
from imtsocial.audit.models import AuditEvent
from imtsocial.myspace import Item, Section, batch


def sections(request):
    if not has_role(request.user, Role.DPO):
        return []
    since = timezone.now() - timedelta(days=30)
    accesses = batch(request).count(AuditEvent.objects.filter(at__gte=since))

    def build() -> list[Section]:
        count = accesses.value
        return [
            Section(
                title=_("Protection des données"),
                role_label=Role.DPO.label,
                items=[
                    Item(
                        label=ngettext(
                            "%(count)d accès à des données sensibles en 30 jours",
                            "%(count)d accès à des données sensibles en 30 jours",
                            count,
                        )
                        % {"count": count}
                    )
                ],
                links=[Item(label=_("Ouvrir le journal d'audit"), url=reverse("audit:journal"))],
            )
        ]

    return build
