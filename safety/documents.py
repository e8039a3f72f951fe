"""The documents of the prevention registers: appointment letters, certificates,
inspection and measurement reports. One check for all of them: a PDF by its content,
at most ``PREVENTION_MAX_UPLOAD_BYTES`` (10 MB by default, as the meeting minutes)."""

from django.conf import settings

from imtsocial.uploads import PDF, checked_upload


def checked_pdf(upload):
    """A newly uploaded PDF, checked by its content and size and renamed to a safe name;
    a file already stored (or none) is returned as is."""
    if not upload or not hasattr(upload, "content_type"):
        return upload
    checked = checked_upload(
        upload, limit=settings.PREVENTION_MAX_UPLOAD_BYTES, kinds=(PDF,), kinds_label="PDF"
    )
    checked.name = checked.safe_name
    return checked
