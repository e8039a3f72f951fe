from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, members_of


@require_GET
@role_required(Role.EMPLOYEE, Role.HR, Role.IT)
def index(request):
    """Home of the module: what it is for and who to contact."""
    contacts = [
        {"topic": topic, "people": members_of(role)}
        for topic, role in [
            (_("Demandes de télétravail"), Role.HR),
            (_("Prêt d'équipement informatique"), Role.IT),
        ]
    ]
    return render(request, "telework/index.html", {"contacts": contacts})
