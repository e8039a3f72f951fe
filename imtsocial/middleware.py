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
