from allauth.account.adapter import DefaultAccountAdapter
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
