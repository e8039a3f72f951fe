from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role, members_of
from safety import perms
from safety.models import DuerpEdition, PreventionAdvisor


@require_GET
@role_required(Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR)
def index(request):
    """Home of the module: the published DUERP, the register for those who keep it,
    and who to contact."""
    user = request.user
    advisors = PreventionAdvisor.objects.filter(active=True).values_list("user_id", flat=True)
    contacts = [
        {
            "topic": _("Conseiller de prévention"),
            "people": members_of(Role.PREVENTION).filter(pk__in=advisors),
        },
        {"topic": _("Agents de prévention"), "people": members_of(Role.PREVENTION)},
    ]
    latest = DuerpEdition.objects.select_related("published_by").first()
    return render(
        request,
        "safety/index.html",
        {
            "contacts": contacts,
            "latest": latest,
            "is_advisor": perms.is_advisor(user),
        },
    )
