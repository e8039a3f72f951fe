"""Every URL of the registers against every kind of user: who gets the page (200, or
the form back with its errors), who is refused (403 without the role, 404 for an object
they may not see or act on), and anonymous visitors sent to the login page."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from tests.registers.factories import DgiReportFactory, RsstEntryFactory, WorkAccidentFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, AUTHOR, COLLEAGUE, MANAGER, HEAD = (
    "anonymous", "no role", "author", "colleague", "manager", "head of department",
)  # fmt: skip
AGENT, OTHER_AGENT, ADVISOR, HR, DIRECTOR, OUTSIDER = (
    "unit's agent", "other agent", "advisor", "hr", "director", "outsider",
)  # fmt: skip
EVERYONE = [ANON, NOBODY, AUTHOR, COLLEAGUE, MANAGER, HEAD, AGENT, OTHER_AGENT, ADVISOR, HR,
            DIRECTOR, OUTSIDER]  # fmt: skip
EMPLOYEES = set(EVERYONE) - {ANON, NOBODY}
PREVENTION = {AGENT, OTHER_AGENT, ADVISOR}


def _users(world):
    return {
        ANON: AnonymousUser(), NOBODY: world.nobody, AUTHOR: world.author,
        COLLEAGUE: world.colleague, MANAGER: world.manager, HEAD: world.head,
        AGENT: world.agent, OTHER_AGENT: world.other_agent, ADVISOR: world.advisor,
        HR: world.hr, DIRECTOR: world.director, OUTSIDER: world.outsider,
    }  # fmt: skip


# name, method, object, who gets the page (2xx/3xx), the status of the others
# (403: a page of the module they have no role for; 404: an object out of their reach)
MATRIX = [
    ("index", "get", None, EMPLOYEES, 403),
    ("stats", "get", None, PREVENTION | {HR, DIRECTOR}, 403),
    ("rsst_list", "get", None, EMPLOYEES, 403),
    ("rsst_create", "get", None, EMPLOYEES, 403),
    ("rsst_detail", "get", "rsst", {AUTHOR, MANAGER, HEAD} | PREVENTION, 404),
    ("rsst_edit", "get", "rsst", {AUTHOR}, 404),
    ("rsst_answer", "post", "rsst", {AGENT, ADVISOR}, 404),
    ("rsst_acknowledge", "post", "rsst", {MANAGER, HEAD}, 404),
    ("rsst_close", "post", "rsst", {AGENT, ADVISOR}, 404),
    ("rsst_action", "get", "rsst", {AGENT, ADVISOR}, 404),
    ("dgi_list", "get", None, EMPLOYEES, 403),
    ("dgi_create", "get", None, EMPLOYEES, 403),
    ("dgi_detail", "get", "dgi", {AUTHOR, MANAGER, HEAD, DIRECTOR} | PREVENTION, 404),
    ("dgi_investigate", "post", "dgi", {DIRECTOR} | PREVENTION, 404),
    ("dgi_decide", "post", "dgi", {DIRECTOR} | PREVENTION, 404),
    ("accident_list", "get", None, EMPLOYEES, 403),
    ("accident_create", "get", None, EMPLOYEES, 403),
    ("accident_detail", "get", "accident", {AUTHOR, MANAGER, HR} | PREVENTION, 404),
    ("accident_edit", "get", "accident", {AUTHOR, HR} | PREVENTION, 404),
]


def _cases():
    for name, method, obj, allowed, refused in MATRIX:
        for who in EVERYONE:
            yield pytest.param(name, method, obj, who, allowed, refused, id=f"{name}-{who}")


@pytest.mark.parametrize(("name", "method", "obj", "who", "allowed", "refused"), list(_cases()))
def test_permission_matrix(client, world, name, method, obj, who, allowed, refused):
    author = world.author.employee
    objects = {
        "rsst": RsstEntryFactory(author=author, work_unit=world.unit),
        "dgi": DgiReportFactory(reported_by=author, work_unit=world.unit),
        "accident": WorkAccidentFactory(victim=author, work_unit=world.unit),
    }
    url = reverse(f"registers:{name}", args=[objects[obj].pk] if obj else [])
    user = _users(world)[who]
    if who != ANON:
        client.force_login(user)
    response = getattr(client, method)(url)
    if who == ANON:
        assert response.status_code == 302 and "/comptes/login/" in response.url
    elif who in allowed:
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert "/comptes/" not in response.url
    else:
        assert response.status_code == refused


@pytest.mark.parametrize("pk", ["999999"])
def test_another_id_answers_404(client, world, pk):
    client.force_login(world.advisor)
    for name in ("rsst_detail", "dgi_detail", "accident_detail"):
        assert client.get(reverse(f"registers:{name}", args=[pk])).status_code == 404
