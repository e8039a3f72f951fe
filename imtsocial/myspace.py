"""« Mon espace »: each app adds what the person must do next and the state of their
own requests.

An app contributes with a ``myspace.py`` module exposing
``sections(request) -> list[Section]``, registered from its ``AppConfig.ready()``::

    providers.register(myspace.sections, order=20)

Sections are shown in ``order``. A person with several roles sees every section
that applies.
"""

from dataclasses import dataclass, field

from imtsocial.registry import Registry

providers = Registry("« Mon espace » sections")


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
    for provider in providers:
        result.extend(provider(request))
    return result
