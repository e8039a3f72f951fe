from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, members_of


@require_GET
@role_required(Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR)
def index(request):
    """Home of the module: what it is for and who to contact."""
    contacts = [
        {"topic": topic, "people": members_of(role)}
        for topic, role in [(_("Agents de prévention"), Role.PREVENTION)]
    ]
    return render(request, "safety/index.html", {"contacts": contacts})
