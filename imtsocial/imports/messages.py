"""Import errors kept as a message id and its parameters, translated when shown.

A file is analysed once (on the worker, in French) and its errors are read later by people
who may read English. So every error of the preview is stored with the French source
string it was made from (its msgid) and the values put in it; the page translates it in
the reader's language::

    raise ValueError(coded(_lazy("Montant invalide : « %(value)s »."), value=text))
    # the summary holds {"message": "Montant invalide : « abc ».",
    #                    "msgid": "Montant invalide : « %(value)s ».", "params": {"value": "abc"}}
    shown(error)   # "Invalid amount: "abc"." for a reader in English

``coded`` returns the message in the active language, so code that only reads the text
(a ``ValueError`` turned into a ``ValidationError`` by django-import-export) keeps working;
the msgid is remembered for the analysis under way (``recording``) and attached to the
summary's errors by ``ImportResource.summarise``.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.functional import Promise
from django.utils.translation import gettext

_recorded: ContextVar[dict | None] = ContextVar("import_messages", default=None)


def msgid_of(message) -> str:
    """The source string of a lazy translation (``gettext_lazy("…")``), or the text."""
    if isinstance(message, Promise) and getattr(message, "_args", None):
        return str(message._args[0])
    return str(message)


def coded(message, **params) -> str:
    """``message`` (a msgid or a lazy translation) with ``params``, in the active language;
    remembered with its msgid and parameters while an analysis is ``recording``."""
    source = msgid_of(message)
    values = {key: str(value) for key, value in params.items()}
    text = gettext(source) % values if values else gettext(source)
    table = _recorded.get()
    if table is not None:
        table[text] = {"msgid": source, "params": values}
    return text


@contextmanager
def recording():
    """Remember the messages ``coded`` during the block (one analysis of one file)."""
    token = _recorded.set({})
    try:
        yield
    finally:
        _recorded.reset(token)


def code_of(text: str) -> dict:
    """``{"msgid": …, "params": …}`` of a message coded during this analysis, or ``{}``."""
    table = _recorded.get() or {}
    return dict(table.get(str(text), {}))


def shown(error: dict) -> str:
    """The message of one stored error in the reader's language (its French text when it
    was stored without a msgid — a summary older than this — or its msgid is unknown)."""
    msgid = error.get("msgid")
    if not msgid:
        return error.get("message", "")
    try:
        params = error.get("params") or {}
        return gettext(msgid) % params if params else gettext(msgid)
    except (KeyError, TypeError, ValueError):
        return error.get("message", "")
