from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


class LanguageMiddleware:
    """French unless the person chose otherwise.

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored:
    French is the language of the school, English is an explicit choice (the
    language picker sets a cookie and, when signed in, the preferred language).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.available:
            user = getattr(request, "user", None)
            language = getattr(user, "preferred_language", None) if user else None
        if language not in self.available:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class ParameterCacheMiddleware:
    """The business parameters read during one request are read in one query
    (``imtsocial.refdata.parameters.request_scope``), not once per parameter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from imtsocial.refdata.parameters import request_scope

        with request_scope():
            return self.get_response(request)


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: the browser features the intranet never uses are denied
    (camera, microphone, geolocation…), so that an injected script could not use them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "PERMISSIONS_POLICY", "")
        if policy:
            response.headers.setdefault("Permissions-Policy", policy)
        return response


class MFARequiredMiddleware:
    """A signed-in holder of a role that reads other people's files (and a superuser) is
    taken to the second-factor setup until a TOTP authenticator is active: every page
    redirects there but the sign-out, the account and MFA pages, the static files and
    the health check (``IMTSOCIAL_MFA_REQUIRED``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from imtsocial.accounts import mfa

        if (
            settings.IMTSOCIAL_MFA_REQUIRED
            and getattr(request, "user", None) is not None
            and request.user.is_authenticated
            and not mfa.is_exempt_path(request.path_info)
            and mfa.requires_mfa(request.user)
            and not mfa.has_mfa(request)
        ):
            return mfa.setup_redirect(request)
        return self.get_response(request)


class IdleReauthenticationMiddleware:
    """After a long idle (``IDLE_REAUTH_SECONDS``), the pages of ``IDLE_REAUTH_VIEWS`` (an
    aid file) ask for the password (or the second factor) again, through allauth's
    reauthentication. Any request after the idle marks the session; only a fresh
    authentication clears the mark — browsing another page first does not."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from imtsocial.accounts import sessions

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        sessions.note_activity(request)
        match = request.resolver_match
        if match is not None and match.view_name in settings.IDLE_REAUTH_VIEWS:
            return sessions.reauthentication_redirect(request)
        return None
