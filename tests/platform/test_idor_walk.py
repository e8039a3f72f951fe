"""No object by guessing its id: every URL with an object id, asked by someone who has no
right to that object, answers as if the object did not exist (404, or the role's 403
« Accès refusé » given before any lookup) — never the page, never the action.

The walk covers every route of the URL conf (``url_walk``): a route with an object id
that is neither checked here nor excluded with its reason fails
``test_every_object_url_is_known``. The outsiders own nothing in the demo school: an
ordinary employee, a manager of another team (no HR role), a talent developer
accompanying nobody. An id beyond PostgreSQL's bigint (2**63) answers 404, not 500.
"""

import pytest
from django.apps import apps

from hr.models import Employee
from imtsocial.accounts.roles import GROUP_ROLES, Role
from tests.factories import EmployeeFactory, TalentDeveloperFactory, UserFactory
from tests.platform.url_walk import (
    OBJECT_MODELS,
    object_id_args,
    url_for,
    walk,
)

pytestmark = pytest.mark.django_db

# Objects every member of staff may see or act on, whoever they are: the outsiders get
# the page (the checks below still ask for no 500 and a 404 for an unknown id).
OPEN_TO_ALL_STAFF = {
    "training:course_detail": "the training catalogue is open to all staff",
    "training:session_detail": "a session of the catalogue, open to all staff",
    "training:session_enrol": "anyone may ask to join a session of the catalogue",
    "social_action:scheme_detail": "the aid schemes are published to all staff",
    "social_action:request_new": "anyone may apply to a published aid scheme",
    "social_action:event_detail": "the social events are published to all staff",
    "social_action:event_register": "anyone may register to a published event",
    "social_action:event_unregister": "anyone may unregister (no-op when not registered)",
    "asbestos:sheet": "the asbestos sheet of a building is open to all staff",
    "social_action:slot_book": "anyone may book a free appointment slot",
    "asbestos:location_detail": "asbestos locations are known to all staff (before any work)",
    "dialogue:body_detail": "the bodies of the social dialogue are public to staff",
    "safety:edition_detail": "the published DUERP is open to all staff (Code du travail R4121-4)",
    "safety:edition_download": "the published DUERP is open to all staff (Code du travail R4121-4)",
    "safety:edition_diff": "the published DUERP is open to all staff (Code du travail R4121-4)",
}

# Routes with arguments that are not object ids (a year, a format, a file name…).
NOT_AN_OBJECT = {
    "hr:employee_export": "the argument is the file format",
    "reports:figures": "the argument is a year (figures of the whole school)",
    "reports:figures_export": "a year and a file format",
    "refdata:table": "the argument names a reference table, checked against its owners",
    "imports:sample": "the argument names a sample file, the same for every importer",
}


def test_every_object_url_is_known():
    """A route with an argument is either in ``OBJECT_MODELS`` or excluded with a reason."""
    unknown = []
    for name, _route, converters in walk():
        if not converters:
            continue
        declared = OBJECT_MODELS.get(name, {})
        if set(declared) != set(converters):
            unknown.append((name, sorted(converters), sorted(declared)))
    assert unknown == []
    for name in OBJECT_MODELS:
        assert name in NOT_AN_OBJECT or object_id_args(name), name
    assert len([n for n in OBJECT_MODELS if object_id_args(n)]) > 120


@pytest.fixture(scope="module")
def outsiders(demo_world):
    """Logins that own nothing of the demo school."""
    employee = UserFactory(email="outsider-employee@example.fr")
    EmployeeFactory(user=employee)
    manager = UserFactory(email="outsider-manager@example.fr")
    boss = EmployeeFactory(user=manager)
    EmployeeFactory(manager=boss, department=boss.department)
    developer = UserFactory(email="outsider-developer@example.fr")
    TalentDeveloperFactory(employee=EmployeeFactory(user=developer))
    assert not set(GROUP_ROLES) & {Role.EMPLOYEE, Role.MANAGER, Role.TALENT_DEVELOPER}
    assert Employee.objects.filter(user__email__startswith="outsider-").count() == 3
    return {"employee": employee, "manager": manager, "talent developer": developer}


def _answers(client, url):
    statuses = []
    for send in (client.get, client.post):
        response = send(url)
        if response.streaming:  # a file answer holds its file open until read
            b"".join(response.streaming_content)
        statuses.append(response.status_code)
    return statuses


OBJECT_URLS = sorted(n for n in OBJECT_MODELS if object_id_args(n))


@pytest.mark.parametrize("name", OBJECT_URLS)
def test_no_object_by_guessing_its_id(client, settings, outsiders, name):
    settings.IMTSOCIAL_MFA_REQUIRED = False
    ids = object_id_args(name)
    real = url_for(name)
    huge = url_for(name, ids=dict.fromkeys(ids, 2**63))
    missing = url_for(
        name,
        ids={
            arg: (apps.get_model(label).objects.order_by("-pk").first().pk + 1000)
            for arg, label in ids.items()
        },
    )
    for who, user in outsiders.items():
        client.force_login(user)
        for method, (on_real, on_missing, on_huge) in zip(
            ("GET", "POST"),
            zip(
                _answers(client, real),
                _answers(client, missing),
                _answers(client, huge),
                strict=True,
            ),
            strict=True,
        ):
            context = f"{method} {real} as the outsider {who}"
            assert on_huge in (403, 404, 405), f"{context}: id 2**63 → {on_huge}"
            assert on_missing in (403, 404, 405), f"{context}: unknown id → {on_missing}"
            if name in OPEN_TO_ALL_STAFF:
                assert on_real != 500, context
                continue
            assert on_real in (403, 404, 405), f"{context} → {on_real} (leak)"
            # the same answer as for an object that does not exist: no existence leak
            assert on_real == on_missing, f"{context}: {on_real} but {on_missing} if unknown"
