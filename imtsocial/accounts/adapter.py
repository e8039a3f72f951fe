from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """No public sign-up: accounts are created by HR or by import."""

    def is_open_for_signup(self, request):
        return False

    def add_message(self, request, level, message_template=None, message_context=None, **kwargs):
        """Messages in the language of the person who reads them next.

        The sign-in form is posted anonymously, so it runs in the language of the cookie or
        in French; the « signed in as … » message is read on the next page, which is in the
        person's preferred language (``LanguageMiddleware``): render it in that one."""
        with translation.override(_reader_language(request)):
            super().add_message(request, level, message_template, message_context, **kwargs)

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """The forced first setup of a second factor, right after signing in, does not ask
        for the password a second time; changing an existing factor still does."""
        request = getattr(self, "request", None)
        if app == "allauth.mfa" and request is not None and _first_setup_after_login(request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)


def _first_setup_after_login(request) -> bool:
    import time

    from allauth.account.authentication import get_authentication_records

    from imtsocial.accounts.mfa import has_authenticator

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or has_authenticator(user):
        return False
    records = get_authentication_records(request, user)
    last = max((record.get("at", 0) for record in records), default=0)
    return time.time() - last < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT


def _reader_language(request) -> str:
    available = {code for code, _name in settings.LANGUAGES}
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in available:
        return cookie
    user = getattr(request, "user", None)
    preferred = getattr(user, "preferred_language", None) if user else None
    if preferred in available:
        return preferred
    return translation.get_language() or settings.LANGUAGE_CODE


class MFAAdapter(DefaultMFAAdapter):
    """A login that must have a second factor cannot switch it off (it would be sent back
    to the setup at once); it may still regenerate its recovery codes."""

    def can_delete_authenticator(self, authenticator) -> bool:
        from imtsocial.accounts.mfa import requires_mfa

        if settings.IMTSOCIAL_MFA_REQUIRED and requires_mfa(authenticator.user):
            return False
        return super().can_delete_authenticator(authenticator)
