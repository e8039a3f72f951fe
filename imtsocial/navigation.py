"""The main navigation: each entry is shown only to the roles it serves."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from imtsocial.accounts.roles import Role, roles_of


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    roles: frozenset  # empty: every signed-in user


NAV = [
    NavEntry(_("Mon espace"), "home", frozenset()),
    NavEntry(_("Mon dossier"), "hr:my_file", frozenset({Role.EMPLOYEE})),
    NavEntry(_("Mon équipe"), "hr:team", frozenset({Role.MANAGER})),
    NavEntry(_("Personnel"), "hr:employee_list", frozenset({Role.HR})),
    NavEntry(_("Imports"), "hr:import_list", frozenset({Role.HR})),
    NavEntry(_("Statistiques RH"), "hr:statistics", frozenset({Role.HR, Role.DIRECTOR})),
    NavEntry(
        _("Télétravail et équipement"),
        "telework:index",
        frozenset({Role.EMPLOYEE, Role.HR, Role.IT}),
    ),
    NavEntry(
        _("Prévention"), "safety:index", frozenset({Role.EMPLOYEE, Role.PREVENTION, Role.DIRECTOR})
    ),
    NavEntry(
        _("Action sociale"), "social_action:index", frozenset({Role.EMPLOYEE, Role.SOCIAL_ACTION})
    ),
    NavEntry(_("Journal d'audit"), "audit:journal", frozenset({Role.DPO})),
]


def nav_for(request) -> list[dict]:
    held = roles_of(request.user)
    current = request.path
    entries = []
    for entry in NAV:
        if entry.roles and held.isdisjoint(entry.roles):
            continue
        url = reverse(entry.url_name)
        active = current == url if url == "/" else current.startswith(url)
        entries.append({"label": entry.label, "url": url, "active": active})
    return entries
