"""« Mon espace »: each app adds what the person must do next and the state of their
own requests.

An app contributes with a ``myspace.py`` module exposing
``sections(request) -> list[Section]``, registered from its ``AppConfig.ready()``::

    providers.register(myspace.sections, order=20)

Sections are shown in ``order``. A person with several roles sees every section
that applies.

Counters are read together: a provider asks the page's batch for them
(``batch(request).count(queryset)``, ``.aggregate(queryset, **expressions)``,
``.exists(queryset)``: ``imtsocial.batch.Aggregates``) and returns a function that
builds its sections; « Mon espace » calls every provider, then every builder, so that
the first counter read runs one statement for the counters of every app::

    def sections(request):
        pending = batch(request).count(Entry.objects.filter(status="submitted"))

        def build():
            return [Section(..., items=[Item(label=... % {"count": pending.value})])]

        return build

A provider may still return its sections at once (a list) when it reads no counter.

The director's « Pilotage » card links to every statistics page and to the yearly
report. An app adds its page from ``ready()``::

    statistics_pages.register(StatisticsPage(_("Télétravail"), "telework:statistics"), order=20)

The yearly report (« rapport DD&RS ») is not written yet: ``REPORT_URL_NAME`` is the hook.
Its link appears by itself the day a URL of that name exists — never a link to a
missing page.
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import Role, roles_of
from imtsocial.batch import Aggregates
from imtsocial.registry import Registry

providers = Registry("« Mon espace » sections")
statistics_pages = Registry("statistics pages linked from the director's « Mon espace »")

# Hook for the yearly report: the name its URL will have.
REPORT_URL_NAME = "reports:index"


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


def batch(request) -> Aggregates:
    """The page's batch of counters, shared by every provider."""
    aggregates = getattr(request, "_myspace_batch", None)
    if aggregates is None:
        aggregates = request._myspace_batch = Aggregates()
    return aggregates


def sections_of(provider, request) -> list[Section]:
    """One provider's sections (its counters read on their own)."""
    sections = provider(request)
    return sections() if callable(sections) else sections


def sections_for(request) -> list[Section]:
    built = [provider(request) for provider in providers]  # counters declared first
    result: list[Section] = []
    for sections in built:
        result.extend(sections() if callable(sections) else sections)
    return result


@dataclass(frozen=True)
class StatisticsPage:
    label: str
    url_name: str


def _url_or_empty(name: str) -> str:
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


def steering_sections(request) -> list[Section]:
    """The director's « Pilotage » card: the statistics pages and the yearly report.

    No query: only links."""
    if Role.DIRECTOR not in roles_of(request.user):
        return []
    section = Section(title=_("Pilotage"), role_label=Role.DIRECTOR.label)
    for page in statistics_pages:
        url = _url_or_empty(page.url_name)
        if url:
            section.items.append(Item(label=str(page.label), url=url))
    report = _url_or_empty(REPORT_URL_NAME)
    if report:
        section.links.append(Item(label=_("Rapport annuel DD&RS"), url=report))
    return [section] if section.items or section.links else []
