"""Uploaded documents checked by their content (not their name) and their size — one
check for every upload of the intranet (aid documents, meeting minutes…)::

    checked_upload(upload, limit=settings.SOCIAL_ACTION_MAX_UPLOAD_BYTES,
                   kinds=(PDF, JPEG, PNG), kinds_label=_("PDF, JPEG ou PNG"))
    checked_upload(upload, limit=..., kinds=(PDF,), kinds_label="PDF")

The upload comes back with ``checked_type`` (its MIME type) and ``safe_name`` (a plain
name with the extension of what it really is).
"""

from django.core.exceptions import ValidationError
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from imtsocial.formats import filesize

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
SIGNATURES = [(b"%PDF-", PDF), (b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG)]
EXTENSIONS = {PDF: ".pdf", JPEG: ".jpg", PNG: ".png"}


def checked_upload(upload, *, limit: int, kinds=(PDF, JPEG, PNG), kinds_label=""):
    if upload.size > limit:
        raise ValidationError(
            _("« %(name)s » dépasse la taille maximale de %(limit)s."),
            params={"name": upload.name, "limit": filesize(limit)},
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
            params={"name": upload.name, "kinds": kinds_label},
            code="bad_type",
        )
    stem = get_valid_filename(upload.name.rsplit(".", 1)[0])[:60] or "document"
    upload.checked_type = kind
    upload.safe_name = f"{stem}{EXTENSIONS[kind]}"  # the stored name gets a random prefix
    return upload
