"""PDF rendering: a Django template → WeasyPrint → bytes.

Used by every app's ``pdf.py`` (DUERP edition, telework authorisation, loan
agreement, the yearly report), always from a Celery task or a short view. The URL
fetcher only serves this project's static files (and data: URIs): a template can
never make the server fetch anything from the network.
"""

import mimetypes
import warnings
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


def render_pdf(template_name: str, context: dict, *, pdf_variant: str | None = None) -> bytes:
    """Render ``template_name`` (extending ``pdf/base.html``) to PDF bytes.

    ``pdf_variant`` asks WeasyPrint for an archival or accessible variant
    (``"pdf/a-3a"``: PDF/A-3 level A, i.e. archival and tagged; ``"pdf/ua-1"``…). The
    document's language is its ``<html lang>``, its title its ``<title>``, its author a
    ``<meta name="author">``: WeasyPrint writes them into the PDF's metadata.
    """
    html = render_to_string(template_name, context)
    options = {"pdf_variant": pdf_variant} if pdf_variant else {}
    with warnings.catch_warnings():
        # PDF/A embeds WeasyPrint's sRGB profile, whose file WeasyPrint 70 leaves open
        # (it is read at once; CPython closes it when dropped): not our leak to report.
        warnings.filterwarnings("ignore", r"unclosed file .*sRGB2014\.icc", ResourceWarning)
        return HTML(
            string=html,
            base_url=BASE_URL,
            url_fetcher=StaticOnlyURLFetcher(allowed_protocols={"https", "data"}),
        ).write_pdf(**options)
