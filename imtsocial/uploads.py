"""Uploaded documents checked by their content (not their name) and their size — one
check for every upload of the intranet (aid documents, meeting minutes…)::

    checked_upload(upload, limit=settings.SOCIAL_ACTION_MAX_UPLOAD_BYTES,
                   kinds=(PDF, JPEG, PNG), kinds_label=_("PDF, JPEG ou PNG"))
    checked_upload(upload, limit=..., kinds=(PDF,), kinds_label="PDF")

The upload comes back with ``checked_type`` (its MIME type) and ``safe_name`` (a plain
name with the extension of what it really is; « document » when nothing usable is left of
the name, « .pdf » or « €€€.pdf »).

An image is opened by Pillow; a PDF by a real parser (pypdf, strict) and refused when it
is not a well-formed PDF (a « polyglot »: ``%PDF-`` then an HTML page with a script), when
it carries active content — JavaScript (``/JS``, ``/JavaScript``), launch actions
(``/Launch``) — anywhere in its objects, or when it cannot be read without a password.
Every refusal is a French ``ValidationError`` shown next to the field.
"""

import io
import re

from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from imtsocial.formats import filesize

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
SIGNATURES = [(b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG)]
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}


def _safe_stem(name: str) -> str:
    """A plain stem for the stored name; « document » when nothing usable is left (« .pdf »,
    « €€€.pdf »): Django's ``get_valid_filename`` raises then, which answered HTTP 400."""
    try:
        return get_valid_filename(name.rsplit(".", 1)[0])[:60] or "document"
    except SuspiciousFileOperation:
        return "document"


# Active content of a PDF: dictionary keys, and the action types (``/S``) they name.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/Launch"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch"}
MAX_PDF_OBJECTS = 200_000  # a document beyond this is not a scanned tax notice
_HTML = re.compile(rb"<\s*(?:script|html|!doctype|body|iframe)\b", re.IGNORECASE)


def _shown(name: str) -> str:
    name = name or ""
    return name if len(name) <= 80 else name[:79] + "…"


def _walk_pdf(reader) -> bool:
    """True when an object reachable from the trailer carries active content."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

    seen: set[tuple[int, int]] = set()
    pending = [reader.trailer]
    visited = 0
    while pending:
        item = pending.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValueError("too many objects")
        if isinstance(item, DictionaryObject):
            for key, value in item.items():
                if key in ACTIVE_KEYS:
                    return True
                if key == "/S" and isinstance(value, NameObject) and value in ACTIVE_ACTIONS:
                    return True
                pending.append(value)
        elif isinstance(item, ArrayObject):
            pending.extend(item)
    return False


def check_pdf(upload) -> None:
    """Refuse a PDF that is not well formed, carries active content, or is locked."""
    from pypdf import PdfReader

    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    name = _shown(upload.name)
    tail = data[data.rfind(b"%%EOF") :] if b"%%EOF" in data else data
    if _HTML.search(data[:1024]) or _HTML.search(tail):
        raise _malformed(name)
    try:
        reader = PdfReader(io.BytesIO(data), strict=True)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("« %(name)s » est protégé par un mot de passe : déposez-en une version sans."),
                params={"name": name},
                code="pdf_locked",
            )
        if len(reader.pages) == 0:
            raise ValueError("no page")
        active = _walk_pdf(reader)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf's errors, and anything a broken file triggers
        raise _malformed(name) from exc
    if active:
        raise ValidationError(
            _(
                "« %(name)s » contient du contenu actif (JavaScript ou lancement "
                "d'application) : il est refusé. Imprimez-le en PDF (« Imprimer › Enregistrer "
                "au format PDF ») pour en obtenir une copie sans contenu actif."
            ),
            params={"name": name},
            code="pdf_active",
        )


def _malformed(name: str) -> ValidationError:
    return ValidationError(
        _(
            "« %(name)s » n'est pas un PDF bien formé : enregistrez-le à nouveau en PDF "
            "(« Imprimer › Enregistrer au format PDF ») puis déposez-le."
        ),
        params={"name": name},
        code="pdf_malformed",
    )


def checked_upload(upload, *, limit: int, kinds=(PDF, JPEG, PNG), kinds_label=""):
    if upload.size > limit:
        raise ValidationError(
            _("« %(name)s » dépasse la taille maximale de %(limit)s."),
            params={"name": _shown(upload.name), "limit": filesize(limit)},
            code="too_big",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    kind = next((ctype for magic, ctype in SIGNATURES if head.startswith(magic)), None)
    if kind in (JPEG, PNG):
        from PIL import Image

        try:
            with Image.open(upload) as image:
                image.verify()
        except Exception:
            kind = None
        upload.seek(0)
    if kind is None or kind not in kinds:
        raise ValidationError(
            _("« %(name)s » n'est pas un document %(kinds)s valide."),
            params={"name": _shown(upload.name), "kinds": kinds_label},
            code="bad_type",
        )
    if kind == PDF:
        check_pdf(upload)
    stem = _safe_stem(upload.name)
    upload.checked_type = kind
    upload.safe_name = f"{stem}{EXTENSIONS[kind]}"  # the stored name gets a random prefix
    return upload
