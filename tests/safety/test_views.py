"""Every DUERP view, for each kind of visitor, plus the happy paths, wrong methods
and the query budgets of the lists."""

from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from imtsocial.accounts.roles import Role
from safety import services
from safety.enums import ActionStatus, EditionStatus
from safety.models import ActionItem, DuerpEdition, EntryComment, RiskEntry
from tests.conftest import tasks_queued
from tests.factories import DepartmentFactory, UserFactory
from tests.safety.factories import (
    ActionItemFactory,
    HazardFactory,
    RiskEntryFactory,
    WorkUnitFactory,
)

pytestmark = pytest.mark.django_db

ANON, NOBODY, EMPLOYEE, MANAGER, OTHER_MANAGER = (
    "anonymous",
    "no role",
    "employee",
    "manager",
    "other manager",
)
AGENT, OTHER_AGENT, ADVISOR, DIRECTOR = "agent", "other agent", "advisor", "director"
VISITORS = [ANON, NOBODY, EMPLOYEE, MANAGER, OTHER_MANAGER, AGENT, OTHER_AGENT, ADVISOR, DIRECTOR]


def row(anon, nobody, employee, manager, other_manager, agent, other_agent, advisor, director):
    return dict(
        zip(
            VISITORS,
            [anon, nobody, employee, manager, other_manager, agent, other_agent, advisor, director],
            strict=True,
        )
    )


READ_ALL = row(302, 403, 200, 200, 200, 200, 200, 200, 200)
REGISTER = row(302, 403, 403, 200, 200, 200, 200, 200, 200)
UNIT_READ = row(302, 403, 403, 200, 404, 200, 200, 200, 200)
UNIT_WRITE = row(302, 403, 403, 403, 403, 200, 404, 200, 403)
AGENTS_ONLY = row(302, 403, 403, 403, 403, 200, 200, 200, 403)
ADVISOR_ONLY_404 = row(302, 403, 403, 403, 403, 404, 404, 200, 403)
ADVISOR_ONLY_403 = row(302, 403, 403, 403, 403, 403, 403, 200, 403)

# url name → (argument, expected status per visitor)
MATRIX = {
    "safety:index": (None, READ_ALL),
    "safety:unit_list": (None, REGISTER),
    "safety:unit_detail": ("unit", UNIT_READ),
    "safety:hazard_choose": ("unit", UNIT_WRITE),
    "safety:entry_create": ("unit", UNIT_WRITE),
    "safety:entry_list": (None, REGISTER),
    "safety:entry_detail": ("entry", UNIT_READ),
    "safety:entry_edit": ("entry", UNIT_WRITE),
    "safety:action_create": ("entry", UNIT_WRITE),
    "safety:action_list": (None, REGISTER),
    "safety:action_edit": ("action", UNIT_WRITE),
    "safety:hazard_list": (None, AGENTS_ONLY),
    "safety:hazard_create": (None, ADVISOR_ONLY_404),
    "safety:hazard_edit": ("hazard", ADVISOR_ONLY_404),
    "safety:edition_list": (None, READ_ALL),
    "safety:edition_publish": (None, ADVISOR_ONLY_403),
    "safety:edition_detail": ("edition", READ_ALL),
    "safety:edition_diff": ("edition", READ_ALL),
    "safety:edition_download": ("edition", READ_ALL),
}


def close_file(response):
    """Close a streamed file without response.close() (which would end the DB connection)."""
    for closer in getattr(response, "_resource_closers", []):
        closer()


def make_edition(by, year=2020, snapshot=None):
    edition = DuerpEdition(
        year=year,
        published_by=by,
        method={"name": "m"},
        snapshot=snapshot or {"units": [], "entries": [], "actions": []},
        snapshot_checksum="a" * 64,
        entry_count=0,
        action_count=0,
        status=EditionStatus.READY,
        pdf_checksum="b" * 64,
    )
    edition.pdf.save("duerp-test.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    edition.save()
    return edition


@pytest.fixture
def world(make_user, make_agent, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    manager = make_user(Role.MANAGER)
    other_manager = make_user(Role.MANAGER)
    agent = make_agent()
    unit = WorkUnitFactory(department=manager.employee.department, agents=[agent])
    entry = RiskEntryFactory(work_unit=unit)
    action = ActionItemFactory(entry=entry, owner=agent)
    advisor = make_agent(advisor=True)
    objects = {
        "unit": unit,
        "entry": entry,
        "action": action,
        "hazard": entry.hazard,
        "edition": make_edition(advisor),
    }
    visitors = {
        ANON: None,
        NOBODY: make_user(),
        EMPLOYEE: make_user(Role.EMPLOYEE),
        MANAGER: manager,
        OTHER_MANAGER: other_manager,
        AGENT: agent,
        OTHER_AGENT: make_agent(),
        ADVISOR: advisor,
        DIRECTOR: make_user(Role.DIRECTOR),
    }
    return objects, visitors


@pytest.mark.parametrize("name", MATRIX)
def test_permission_matrix(client, world, name):
    objects, visitors = world
    arg, expected = MATRIX[name]
    kwargs = {}
    if arg:
        key = "unit_pk" if name in ("safety:hazard_choose", "safety:entry_create") else "pk"
        key = "entry_pk" if name == "safety:action_create" else key
        kwargs = {key: objects[arg].pk}
    url = reverse(name, kwargs=kwargs)
    got = {}
    for visitor, user in visitors.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        got[visitor] = response.status_code
        close_file(response)
    assert got == expected


@pytest.mark.parametrize(
    ("name", "arg"),
    [
        ("safety:entry_comment", "entry"),
        ("safety:action_status", "action"),
        ("safety:entry_list", None),
        ("safety:edition_download", "edition"),
    ],
)
def test_wrong_method(client, world, name, arg):
    objects, visitors = world
    client.force_login(visitors[ADVISOR])
    url = reverse(name, kwargs={"pk": objects[arg].pk} if arg else {})
    method = client.get if name in ("safety:entry_comment", "safety:action_status") else client.put
    assert method(url).status_code == 405


def test_agent_adds_an_entry_from_the_knowledge_base(client, make_agent):
    agent = make_agent()
    unit = WorkUnitFactory(agents=[agent], headcount_exposed=7)
    hazard = HazardFactory(typical_measures="Sorbonne contrôlée\nGants nitrile")
    client.force_login(agent)
    page = client.get(
        reverse("safety:entry_create", kwargs={"unit_pk": unit.pk}), {"danger": hazard.pk}
    )
    form = page.context["form"]
    assert form.initial["existing_measures"] == "Sorbonne contrôlée\nGants nitrile"
    assert form.initial["exposed_count"] == 7
    response = client.post(
        reverse("safety:entry_create", kwargs={"unit_pk": unit.pk}),
        {
            "hazard": hazard.pk,
            "situation": "Pesée",
            "people_exposed": "Techniciens",
            "exposed_count": 7,
            "existing_measures": "Sorbonne contrôlée",
            "gravity": 3,
            "probability": 3,
            "control_level": 3,
        },
    )
    entry = RiskEntry.objects.get()
    assert response.url == entry.get_absolute_url()
    assert (entry.score, entry.priority, entry.created_by) == (27, 1, agent)
    page = client.get(entry.get_absolute_url())
    assert "cote 27" in page.content.decode()
    assert "Méthode de cotation" in page.content.decode()


def test_agent_cannot_post_in_a_unit_not_assigned(client, make_agent):
    agent = make_agent()
    unit = WorkUnitFactory()
    entry = RiskEntryFactory(work_unit=unit)
    client.force_login(agent)
    url = reverse("safety:entry_create", kwargs={"unit_pk": unit.pk})
    assert client.post(url, {"situation": "x"}).status_code == 404
    edit = reverse("safety:entry_edit", kwargs={"pk": entry.pk})
    assert client.post(edit, {"gravity": 1}).status_code == 404
    assert RiskEntry.objects.get().gravity == entry.gravity


def test_stale_form_is_refused_with_a_message(client, make_agent):
    agent = make_agent()
    entry = RiskEntryFactory(work_unit=WorkUnitFactory(agents=[agent]))
    RiskEntry.objects.filter(pk=entry.pk).update(version=3)  # someone saved meanwhile
    client.force_login(agent)
    response = client.post(
        reverse("safety:entry_edit", kwargs={"pk": entry.pk}),
        {
            "hazard": entry.hazard.pk,
            "situation": "Nouvelle situation",
            "people_exposed": "Tous",
            "exposed_count": 1,
            "existing_measures": "",
            "gravity": 1,
            "probability": 1,
            "control_level": 1,
            "version": 0,
        },
    )
    assert response.status_code == 200
    assert "Quelqu&#x27;un d&#x27;autre a modifié cet élément" in response.content.decode()
    assert RiskEntry.objects.get().situation == entry.situation


def test_rating_out_of_range_is_refused_by_the_page(client, make_agent):
    agent = make_agent()
    unit = WorkUnitFactory(agents=[agent])
    client.force_login(agent)
    response = client.post(
        reverse("safety:entry_create", kwargs={"unit_pk": unit.pk}),
        {
            "hazard": HazardFactory().pk,
            "situation": "x",
            "people_exposed": "x",
            "exposed_count": 1,
            "gravity": 9,
            "probability": 1,
            "control_level": 1,
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["gravity"]
    assert not RiskEntry.objects.exists()


def test_agent_adds_an_action_then_marks_it_done_and_is_sent_to_rerate(client, make_agent):
    agent = make_agent()
    entry = RiskEntryFactory(work_unit=WorkUnitFactory(agents=[agent]))
    client.force_login(agent)
    url = reverse("safety:action_create", kwargs={"entry_pk": entry.pk})
    refused = client.post(url, {"title": "Sorbonne", "budget": "10"})
    assert set(refused.context["form"].errors) >= {"owner", "due_date"}
    client.post(
        url, {"title": "Sorbonne", "owner": agent.pk, "due_date": "2030-01-31", "budget": "2500"}
    )
    action = ActionItem.objects.get()
    response = client.post(
        reverse("safety:action_status", kwargs={"pk": action.pk}),
        {"status": ActionStatus.DONE, "done_on": "2024-05-02", "version": action.version},
    )
    assert response.url == reverse("safety:entry_edit", kwargs={"pk": entry.pk})
    action.refresh_from_db()
    assert (action.status, action.done_on) == (ActionStatus.DONE, date(2024, 5, 2))


def test_illegal_transition_is_a_french_message(client, make_agent):
    agent = make_agent()
    action = ActionItemFactory(
        entry=RiskEntryFactory(work_unit=WorkUnitFactory(agents=[agent])), done=True
    )
    client.force_login(agent)
    response = client.post(
        reverse("safety:action_status", kwargs={"pk": action.pk}),
        {"status": ActionStatus.CANCELLED, "version": 0},
        follow=True,
    )
    assert (
        "Impossible de passer de l&#x27;état « Réalisée » à « Abandonnée »"
        in response.content.decode()
    )


def test_manager_comments_an_entry_of_their_unit(client, make_user):
    manager = make_user(Role.MANAGER)
    entry = RiskEntryFactory(work_unit=WorkUnitFactory(department=manager.employee.department))
    client.force_login(manager)
    client.post(reverse("safety:entry_comment", kwargs={"pk": entry.pk}), {"text": "Vu."})
    assert EntryComment.objects.get().author == manager
    other = RiskEntryFactory(work_unit=WorkUnitFactory(department=DepartmentFactory()))
    url = reverse("safety:entry_comment", kwargs={"pk": other.pk})
    assert client.post(url, {"text": "x"}).status_code == 404


def test_advisor_publishes(client, make_agent, django_capture_on_commit_callbacks):
    advisor = make_agent(advisor=True)
    RiskEntryFactory()
    client.force_login(advisor)
    url = reverse("safety:edition_publish")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post(url, {"year": 2026, "note": "Mise à jour"})
    edition = DuerpEdition.objects.get()
    assert response.url == edition.get_absolute_url()
    assert (edition.year, edition.entry_count, edition.published_by) == (2026, 1, advisor)
    assert len(tasks_queued(callbacks)) == 1  # the PDF task, queued after commit


def test_download_streams_the_private_pdf(client, make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    edition = make_edition(UserFactory())
    employee = make_user(Role.EMPLOYEE)
    client.force_login(employee)
    response = client.get(reverse("safety:edition_download", kwargs={"pk": edition.pk}))
    assert response["Content-Disposition"] == 'attachment; filename="duerp-2020.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    close_file(response)


def test_diff_page_lists_changes(client, make_user):
    def entry(pk, score):
        return {
            "id": pk, "unit_id": 1, "unit": "R132", "family": "Chimique", "hazard": f"H{pk}",
            "situation": "s", "people": "p", "exposed": 1, "measures": "m", "gravity": 1,
            "probability": 1, "control": 1, "score": score, "priority": 3,
        }  # fmt: skip

    by = UserFactory()
    old = make_edition(
        by, 2020, {"units": [], "entries": [entry(1, 4), entry(2, 2)], "actions": []}
    )
    new = make_edition(
        by, 2021, {"units": [], "entries": [entry(1, 6), entry(3, 1)], "actions": []}
    )
    assert old.published_at <= new.published_at
    client.force_login(make_user(Role.EMPLOYEE))
    response = client.get(reverse("safety:edition_diff", kwargs={"pk": new.pk}))
    diff = response.context["diff"]
    assert [e["id"] for e in diff["added"]] == [3]
    assert [e["id"] for e in diff["removed"]] == [2]
    assert [(c["old"]["score"], c["new"]["score"]) for c in diff["changed"]] == [(4, 6)]


def _bulk(n, unit, agent):
    hazard = HazardFactory()
    method = services.current_method()
    entries = [
        RiskEntry(
            work_unit=unit,
            hazard=hazard,
            situation=f"S{i}",
            people_exposed="p",
            gravity=1 + i % 4,
            probability=1 + (i // 4) % 4,
            control_level=1 + i % 3,
            method=method,
            score=1,
            priority=3,
        )
        for i in range(n)
    ]
    RiskEntry.objects.bulk_create(entries)
    ActionItem.objects.bulk_create(
        ActionItem(entry=e, title=f"A{i}", owner=agent, due_date=date(2020, 1, 1 + i % 28))
        for i, e in enumerate(RiskEntry.objects.filter(work_unit=unit))
    )
    WorkUnitFactory.create_batch(n // 10, agents=[agent])


# Queries of each list page for an agent, whatever the number of rows. All three:
# session, user, groups, employee record (roles), count, page rows. Then:
# - register: unit and family choices of the filter form, the rating method, the
#   advisor check of the module's menu (10);
# - action plan: advisor check, editable units, budget totals (which give the
#   paginator its count: no second count), unit and owner choices (10);
# - units: advisor check, editable units, department choices (9).
QUERY_BUDGET = {"safety:entry_list": 10, "safety:action_list": 10, "safety:unit_list": 9}


@pytest.mark.parametrize("name", list(QUERY_BUDGET))
def test_lists_run_a_constant_number_of_queries(
    client, make_agent, django_assert_num_queries, name
):
    agent = make_agent()
    unit = WorkUnitFactory(agents=[agent])
    client.force_login(agent)
    url = reverse(name)
    _bulk(10, unit, agent)
    with django_assert_num_queries(QUERY_BUDGET[name]):
        assert client.get(url).status_code == 200
    _bulk(190, unit, agent)
    with django_assert_num_queries(QUERY_BUDGET[name]):
        assert client.get(url, {"page": 2}).status_code == 200


def test_the_action_plan_pages_with_the_count_of_its_totals(client, make_agent, settings):
    agent = make_agent()
    unit = WorkUnitFactory(agents=[agent])
    _bulk(10, unit, agent)
    _bulk(30, unit, agent)  # one more action for each of the 40 entries: 50 actions
    settings.PAGE_SIZE = 20
    client.force_login(agent)
    page = client.get(reverse("safety:action_list"), {"page": 3}).context["page"]
    assert (page.paginator.count, page.number, len(page.object_list)) == (50, 3, 10)
    assert "50 actions" in client.get(reverse("safety:action_list")).content.decode()


def test_advisor_adds_a_hazard_to_the_knowledge_base(client, make_agent):
    from safety.models import Hazard
    from tests.safety.factories import HazardFamilyFactory

    advisor = make_agent(advisor=True)
    family = HazardFamilyFactory(code="bruit", name="Bruit")
    client.force_login(advisor)
    response = client.post(
        reverse("safety:hazard_create"),
        {
            "family": family.pk,
            "name": "Compresseur d'air",
            "typical_situations": "Atelier",
            "typical_measures": "Capotage\nBouchons d'oreille",
            "active": "on",
        },
    )
    assert response.url == reverse("safety:hazard_list")
    hazard = Hazard.objects.get(name="Compresseur d'air")
    assert hazard.history.get().history_user == advisor


def test_late_reminders_are_scheduled_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["safety-remind-late-actions"]
    assert entry == {"task": "safety.tasks.remind_late_actions", "schedule": 24 * 3600}
