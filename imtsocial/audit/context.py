"""« From where »: the client address of the request being served, for the journal.

``AuditRequestMiddleware`` keeps it for the length of the request (a context variable,
so a thread or an asynchronous task serving another request never sees it); outside a
request (a Celery task, a management command) there is none and the event's ``ip`` is
empty.

The address is ``REMOTE_ADDR``. Behind the reverse proxy (``AUDIT_TRUSTED_PROXIES``,
the addresses the proxy connects from), it is the last hop of ``X-Forwarded-For``:
the one the proxy appended, the only one not typed by the client (a client can send a
forged header, which the proxy passes on in front of its own entry).
"""

from contextvars import ContextVar
from ipaddress import ip_address

from django.conf import settings

_client_ip: ContextVar[str | None] = ContextVar("audit_client_ip", default=None)


def _valid(address: str) -> str | None:
    try:
        return str(ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    if remote is not None and remote in settings.AUDIT_TRUSTED_PROXIES:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop]
        if hops:
            return _valid(hops[-1]) or remote
    return remote


def current_ip() -> str | None:
    return _client_ip.get()


class AuditRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _client_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            _client_ip.reset(token)
