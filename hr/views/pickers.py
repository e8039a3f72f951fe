from django.core.exceptions import PermissionDenied
from django.views.decorators.http import require_GET

from hr import perms
from hr.pickers import person_option, search_people
from imtsocial.pickers import PICKER_LIMIT, picker_response, search_term


@require_GET
def person_search(request):
    """JSON options of a person picker: only the people ``request.user`` may designate
    (403 for a role that picks nobody), at most ``PICKER_LIMIT``, one query."""
    if not perms.can_pick_people(request.user):
        raise PermissionDenied
    people = search_people(perms.employees_pickable_by(request.user), search_term(request))
    return picker_response(person_option(person) for person in people[:PICKER_LIMIT])
