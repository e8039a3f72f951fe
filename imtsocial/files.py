"""Private files: stored under MEDIA_ROOT, never served by a public URL. A view that
has checked the reader streams them with ``private_file_response``."""

import mimetypes

from django.http import FileResponse, Http404


def private_file_response(field_file, *, filename: str, as_attachment: bool = True):
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    content_type, _encoding = mimetypes.guess_type(filename)
    response = FileResponse(
        handle,
        as_attachment=as_attachment,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
