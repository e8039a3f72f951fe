from imtsocial.accounts.roles import sorted_roles
from imtsocial.navigation import nav_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_entries": [], "user_roles": []}
    return {"nav_entries": nav_for(request), "user_roles": sorted_roles(user)}
