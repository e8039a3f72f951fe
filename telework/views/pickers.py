from django.views.decorators.http import require_GET

from imtsocial.accounts.decorators import role_required
from imtsocial.accounts.roles import Role
from imtsocial.pickers import PICKER_LIMIT, picker_response, search_term
from telework.pickers import asset_option, lendable_assets, search_assets


@require_GET
@role_required(Role.IT)
def asset_search(request):
    """JSON options of an asset picker, for IT only (403 otherwise): the assets in
    stock matching the typed text, at most ``PICKER_LIMIT``, one query."""
    assets = search_assets(lendable_assets(), search_term(request))
    return picker_response(asset_option(asset) for asset in assets[:PICKER_LIMIT])
