"""The main navigation: each entry is shown only to the roles it serves.

Apps add their entries from ``AppConfig.ready()``::

    entries.register(NavEntry(_("Mon dossier"), "hr:my_file", frozenset({Role.EMPLOYEE})),
                     order=10)

Entries with the same ``group`` share one drop-down menu, placed where the first of them
would be (``PEOPLE_DEVELOPMENT`` gathers appraisals, training, social dialogue…), so
that the bar stays on one line whatever the roles held.
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
    group: str = ""  # entries of one group share a drop-down menu (DSFR « menu »)


PEOPLE_DEVELOPMENT = _("Vie professionnelle")
PREVENTION = _("Prévention")

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
        item = {"label": entry.label, "url": url, "active": active}
        if not entry.group:
            shown.append(item)
            continue
        menu = next((m for m in shown if m.get("group") == entry.group), None)
        if menu is None:
            menu = {"label": entry.group, "group": entry.group, "children": [], "active": False}
            menu["id"] = f"menu-{len(shown)}"
            shown.append(menu)
        menu["children"].append(item)
        menu["active"] = menu["active"] or active
    return shown
