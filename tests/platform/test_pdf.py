import pytest
from django.template import engines

from imtsocial.pdf import ForbiddenResource, StaticOnlyURLFetcher, render_pdf


def test_a_template_renders_to_a_pdf_with_the_static_stylesheet(tmp_path, settings):
    template = tmp_path / "sample.html"
    template.write_text(
        '{% extends "pdf/base.html" %}{% block content %}<h1>Édition 2020</h1>{% endblock %}'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    engines._engines = {}  # reload the template dirs
    try:
        pdf = render_pdf("sample.html", {})
    finally:
        engines._engines = {}
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 1000


def test_the_fetcher_serves_static_files_and_refuses_the_network():
    fetcher = StaticOnlyURLFetcher()
    result = fetcher.fetch("https://pdf.imtsocial.invalid/static/css/pdf.css")
    assert result.content_type == "text/css"
    assert b"@page" in result.read()
    result.close()
    for url in (
        "https://example.org/tracker.png",
        "file:///etc/passwd",
        "https://pdf.imtsocial.invalid/media/secret.pdf",
    ):
        with pytest.raises(ForbiddenResource):
            fetcher.fetch(url)
