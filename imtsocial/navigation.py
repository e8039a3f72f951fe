"""The main navigation: each entry is shown only to the roles it serves.

Apps add their entries from ``AppConfig.ready()``::

    entries.register(NavEntry(_("Mon dossier"), "hr:my_file", frozenset({Role.EMPLOYEE})),
                     order=10)
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import roles_of
from imtsocial.registry import Registry


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    roles: frozenset  # empty: every signed-in user
    shown_to: Callable | None = None  # (user) -> bool, for a finer check than the roles


entries = Registry("main navigation")
entries.register(NavEntry(_("Mon espace"), "home", frozenset()), order=0)


def nav_for(request) -> list[dict]:
    held = roles_of(request.user)
    current = request.path
    shown = []
    for entry in entries:
        if entry.roles and held.isdisjoint(entry.roles):
            continue
        if entry.shown_to is not None and not entry.shown_to(request.user):
            continue
        url = reverse(entry.url_name)
        active = current == url if url == "/" else current.startswith(url)
        shown.append({"label": entry.label, "url": url, "active": active})
    return shown
