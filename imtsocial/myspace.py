"""« Mon espace »: each app adds what the person must do next and the state of
their own requests.

An app contributes with a ``myspace.py`` module exposing
``sections(request) -> list[Section]``; ``PROVIDERS`` lists them in display
order. A person with several roles sees every section that applies.
"""

from dataclasses import dataclass, field

from django.utils.module_loading import import_string

PROVIDERS = [
    "hr.myspace.sections",
    "telework.myspace.sections",
    "safety.myspace.sections",
    "social_action.myspace.sections",
    "imtsocial.audit.myspace.sections",
]


@dataclass
class Item:
    label: str
    url: str = ""
    detail: str = ""
    badge: str = ""
    badge_level: str = "info"  # info | success | warning | error | new


@dataclass
class Section:
    title: str
    role_label: str
    todo: list[Item] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    links: list[Item] = field(default_factory=list)


def sections_for(request) -> list[Section]:
    result: list[Section] = []
    for path in PROVIDERS:
        result.extend(import_string(path)(request))
    return result
