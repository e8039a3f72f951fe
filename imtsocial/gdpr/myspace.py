from django.urls import reverse
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, has_role
from imtsocial.myspace import Item, Section


def sections(request):
    """Every signed-in person: « Mes données » (RULES §6, right of access)."""
    result = [
        Section(
            title=_("Mes données"),
            role_label="",
            links=[Item(label=_("Télécharger mes données"), url=reverse("gdpr:my_data"))],
        )
    ]
    if has_role(request.user, Role.DPO):
        result.append(
            Section(
                title=_("Conservation des données"),
                role_label=Role.DPO.label,
                links=[Item(label=_("Durées et rapports"), url=reverse("gdpr:retention"))],
            )
        )
    return result
