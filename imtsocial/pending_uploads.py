"""Uploads kept between two posts of the same form (« Estimer mon aide », then « Déposer »).

A browser never sends a file twice: without this, a form re-rendered after an estimate
or an error silently loses the document the person attached. The checked uploads
(``imtsocial.uploads.checked_upload`` already ran: content and size) are written to a
private temporary folder outside ``MEDIA_ROOT`` (never served), under a random name
known only to the person's session; the form shows « Document joint : nom.pdf (12 Ko) —
conservé » and can replace or drop it::

    kept = pending_uploads.keep(request, "aid-new-3", form.cleaned_data["documents"])
    ...
    uploads = pending_uploads.take(request, "aid-new-3")  # files to save, then forgotten

Files older than ``MAX_AGE`` are removed at the next ``keep`` of anyone.
"""

import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

SESSION_KEY = "imtsocial.pending_uploads"
MAX_AGE_SECONDS = 2 * 3600
MAX_FILES = 10  # per form


@dataclass(frozen=True)
class KeptFile:
    token: str
    name: str
    size: int
    content_type: str


def _folder() -> Path:
    folder = Path(settings.VAR_DIR) / "pending-uploads"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _path(token: str) -> Path | None:
    """The file of ``token`` (a hex string made here), or None for anything else."""
    if not token or not all(c in "0123456789abcdef" for c in token):
        return None
    return _folder() / token


def _purge_stale() -> None:
    limit = time.time() - MAX_AGE_SECONDS
    for path in _folder().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except FileNotFoundError:
            continue


def kept(request, key: str) -> list[KeptFile]:
    """The files kept for the form ``key`` of this session (still on disk)."""
    entries = request.session.get(SESSION_KEY, {}).get(key, [])
    files = [KeptFile(**entry) for entry in entries]
    return [f for f in files if (path := _path(f.token)) is not None and path.exists()]


def discard(request, key: str) -> None:
    """Forget (and delete) the files kept for ``key``."""
    store = request.session.get(SESSION_KEY, {})
    if key not in store:
        return  # nothing kept: the session is not written
    for entry in store.pop(key, []):
        path = _path(entry.get("token", ""))
        if path is not None:
            path.unlink(missing_ok=True)
    request.session[SESSION_KEY] = store


def keep(request, key: str, uploads) -> list[KeptFile]:
    """Replace what is kept for ``key`` by the checked ``uploads`` (each has ``safe_name``
    and ``checked_type``); return what is kept now."""
    _purge_stale()
    discard(request, key)
    entries = []
    for upload in list(uploads)[:MAX_FILES]:
        token = secrets.token_hex(16)
        path = _folder() / token
        upload.seek(0)
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        path.chmod(0o600)
        upload.seek(0)
        entries.append(
            {
                "token": token,
                "name": upload.safe_name,
                "size": upload.size,
                "content_type": upload.checked_type,
            }
        )
    store = request.session.get(SESSION_KEY, {})
    store[key] = entries
    request.session[SESSION_KEY] = store
    return [KeptFile(**entry) for entry in entries]


def uploads_of(request, key: str) -> list[SimpleUploadedFile]:
    """The kept files as uploads ready to save (with ``safe_name`` and ``checked_type``)."""
    uploads = []
    for kept_file in kept(request, key):
        path = _path(kept_file.token)
        upload = SimpleUploadedFile(
            kept_file.name, path.read_bytes(), content_type=kept_file.content_type
        )
        upload.safe_name, upload.checked_type = kept_file.name, kept_file.content_type
        uploads.append(upload)
    return uploads
