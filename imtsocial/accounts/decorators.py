from functools import wraps

from django.core.exceptions import PermissionDenied

from imtsocial.accounts.roles import Role, has_role


def role_required(*roles: Role):
    """Deny (403) unless the user holds one of ``roles``. Objects are checked in the view."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
