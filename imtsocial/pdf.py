"""PDF rendering: a Django template → WeasyPrint → bytes.

Used by every app's ``pdf.py`` (DUERP edition, telework authorisation, loan
agreement, the yearly report), always from a Celery task or a short view. The URL
fetcher only serves this project's static files (and data: URIs): a template can
never make the server fetch anything from the network.
"""

import mimetypes
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://pdf.imtsocial.invalid/"


class ForbiddenResource(ValueError):
    pass


class StaticOnlyURLFetcher(URLFetcher):
    """Serves ``/static/…`` from the static files and data: URIs; refuses the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parsed = urlparse(url)
        base = urlparse(BASE_URL)
        same_origin = (parsed.scheme, parsed.netloc) == (base.scheme, base.netloc)
        if same_origin and parsed.path.startswith(settings.STATIC_URL):
            relative = parsed.path.removeprefix(settings.STATIC_URL)
            path = finders.find(relative)
            if path is None and settings.STATIC_ROOT:
                candidate = settings.STATIC_ROOT / relative
                path = str(candidate) if candidate.is_file() else None
            if path:
                mime_type, _encoding = mimetypes.guess_type(path)
                return URLFetcherResponse(
                    url,
                    body=open(path, "rb"),
                    headers={"Content-Type": mime_type or "application/octet-stream"},
                )
        raise ForbiddenResource(f"PDF resource refused (only static files): {url}")


def render_pdf(template_name: str, context: dict) -> bytes:
    """Render ``template_name`` (extending ``pdf/base.html``) to PDF bytes."""
    html = render_to_string(template_name, context)
    return HTML(
        string=html,
        base_url=BASE_URL,
        url_fetcher=StaticOnlyURLFetcher(allowed_protocols={"https", "data"}),
    ).write_pdf()
