"""The register lists: filters (bad values ignored, never a server error), pagination,
and the same number of queries with 2 and with 12 rows."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from safety.registers.enums import AccidentKind, RsstKind, RsstStatus
from tests.registers.factories import DgiReportFactory, RsstEntryFactory, WorkAccidentFactory

pytestmark = pytest.mark.django_db

MAKERS = {
    "rsst_list": lambda w, i: RsstEntryFactory(author=w.author.employee, work_unit=w.unit),
    "dgi_list": lambda w, i: DgiReportFactory(reported_by=w.author.employee, work_unit=w.unit),
    "accident_list": lambda w, i: WorkAccidentFactory(victim=w.author.employee, work_unit=w.unit),
}


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", list(MAKERS))
@pytest.mark.parametrize("who", ["author", "advisor", "manager"])
def test_constant_queries(client, world, name, who):
    client.force_login(getattr(world, who))
    url = reverse(f"registers:{name}")
    client.get(url)  # the reference parameters read once, then cached (PARAMETER_READS)
    for index in range(2):
        MAKERS[name](world, index)
    few = _count(client, url)
    for index in range(10):
        MAKERS[name](world, index)
    assert _count(client, url) == few


def test_the_rsst_filters(client, world):
    RsstEntryFactory(
        author=world.author.employee, work_unit=world.unit, occurred_on=date(2023, 5, 2)
    )
    RsstEntryFactory(author=world.author.employee, kind=RsstKind.SUGGESTION,
                     status=RsstStatus.ANSWERED, occurred_on=date(2024, 1, 9))  # fmt: skip
    client.force_login(world.advisor)
    url = reverse("registers:rsst_list")

    def total(query):
        return client.get(url + query).context["page"].paginator.count

    assert total("") == 2
    assert total("?kind=suggestion") == 1
    assert total("?status=answered") == 1
    assert total(f"?unit={world.unit.pk}") == 1
    assert total("?year=2023") == 1
    # non-numeric or unknown values: ignored, the list answers 200
    assert total("?year=abc&unit=x&kind=zz&status=!&page=zz") == 2


@pytest.mark.parametrize("name", ["dgi_list", "accident_list", "stats"])
def test_non_numeric_filters_never_fail(client, world, name):
    WorkAccidentFactory(kind=AccidentKind.COMMUTING)
    client.force_login(world.advisor)
    response = client.get(reverse(f"registers:{name}") + "?year=abc&unit=%27&kind=x&page=-1")
    assert response.status_code == 200


def test_lists_are_paginated(client, world, settings):
    settings.PAGE_SIZE = 5
    for _index in range(7):
        RsstEntryFactory(author=world.author.employee)
    client.force_login(world.author)
    page = client.get(reverse("registers:rsst_list") + "?page=2").context["page"]
    assert page.number == 2 and len(page.object_list) == 2
