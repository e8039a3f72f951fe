"""Every inspections view for each kind of visitor, bad input, filters and query budgets."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from safety.inspections.models import ControlledEquipment, EquipmentKind, Inspection
from safety.models import ActionItem
from tests.inspections.conftest import PDF_BYTES
from tests.inspections.factories import EquipmentFactory, EquipmentKindFactory, InspectionFactory
from tests.safety.factories import RiskEntryFactory, WorkUnitFactory

pytestmark = pytest.mark.django_db

ANON, NOBODY, EMPLOYEE, MANAGER, OTHER_MANAGER = (
    "anonymous", "no role", "employee", "manager", "other manager",
)  # fmt: skip
AGENT, OTHER_AGENT, ADVISOR, DIRECTOR = "agent", "other agent", "advisor", "director"
VISITORS = [ANON, NOBODY, EMPLOYEE, MANAGER, OTHER_MANAGER, AGENT, OTHER_AGENT, ADVISOR, DIRECTOR]


def row(*codes):
    return dict(zip(VISITORS, codes, strict=True))


#                anon nobody empl mgr  other agent other adv  director
SUMMARY = row(302, 403, 403, 200, 200, 200, 200, 200, 200)
LISTS = row(302, 403, 403, 200, 200, 200, 200, 200, 403)
READ = row(302, 403, 403, 200, 404, 200, 200, 200, 403)
RECORD = row(302, 403, 403, 403, 403, 200, 404, 200, 403)
ADVISOR_ONLY = row(302, 403, 403, 403, 403, 404, 404, 200, 403)

MATRIX = {
    "inspections:index": (None, SUMMARY),
    "inspections:equipment_list": (None, LISTS),
    "inspections:overdue": (None, LISTS),
    "inspections:due_soon": (None, LISTS),
    "inspections:equipment_detail": ("equipment", READ),
    "inspections:equipment_create": (None, ADVISOR_ONLY),
    "inspections:equipment_edit": ("equipment", ADVISOR_ONLY),
    "inspections:inspection_create": ("equipment", RECORD),
    "inspections:inspection_report": ("inspection", READ),
    "inspections:action_open": ("inspection", RECORD),
    "inspections:kind_list": (None, ADVISOR_ONLY),
    "inspections:kind_create": (None, ADVISOR_ONLY),
    "inspections:kind_edit": ("kind", ADVISOR_ONLY),
}


def close_file(response):
    for closer in getattr(response, "_resource_closers", []):
        closer()


@pytest.fixture
def world(make_user, make_agent, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    manager = make_user(Role.MANAGER)
    agent = make_agent()
    unit = WorkUnitFactory(department=manager.employee.department, agents=[agent])
    RiskEntryFactory(work_unit=unit)
    equipment = EquipmentFactory(work_unit=unit)
    inspection = InspectionFactory(equipment=equipment)
    inspection.report.save("rapport.pdf", SimpleUploadedFile("r.pdf", PDF_BYTES))
    visitors = {
        ANON: None,
        NOBODY: make_user(),
        EMPLOYEE: make_user(Role.EMPLOYEE),
        MANAGER: manager,
        OTHER_MANAGER: make_user(Role.MANAGER),
        AGENT: agent,
        OTHER_AGENT: make_agent(),
        ADVISOR: make_agent(advisor=True),
        DIRECTOR: make_user(Role.DIRECTOR),
    }
    objects = {"equipment": equipment, "inspection": inspection, "kind": equipment.kind}
    return objects, visitors


@pytest.mark.parametrize("name", MATRIX)
def test_permission_matrix(client, world, name):
    objects, visitors = world
    arg, expected = MATRIX[name]
    url = reverse(name, kwargs={"pk": objects[arg].pk} if arg else {})
    got = {}
    for visitor, user in visitors.items():
        client.logout()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        got[visitor] = response.status_code
        close_file(response)
    assert got == expected


def test_transition_is_for_the_advisor_only(client, world):
    objects, visitors = world
    equipment = objects["equipment"]
    url = reverse(
        "inspections:equipment_transition", kwargs={"pk": equipment.pk, "verb": "withdraw"}
    )
    client.force_login(visitors[AGENT])
    assert client.post(url, {"version": equipment.version}).status_code == 404
    client.force_login(visitors[ADVISOR])
    assert client.get(url).status_code == 405
    response = client.post(url, {"version": equipment.version})
    assert response.status_code == 302
    equipment.refresh_from_db()
    assert equipment.status == "withdrawn"
    assert equipment.withdrawn_on == timezone.localdate()
    # withdrawing twice is refused (illegal transition), nothing changes
    response = client.post(url, {"version": equipment.version}, follow=True)
    assert "n'est pas possible" in " ".join(str(m) for m in response.context["messages"])
    # a stale version is refused
    back = reverse(
        "inspections:equipment_transition", kwargs={"pk": equipment.pk, "verb": "reinstate"}
    )
    response = client.post(back, {"version": equipment.version - 1}, follow=True)
    equipment.refresh_from_db()
    assert equipment.status == "withdrawn"


def _post_inspection(client, equipment, **data):
    fields = {"date": timezone.localdate().isoformat(), "body": "Apave", "result": "compliant"}
    fields.update(data)
    return client.post(
        reverse("inspections:inspection_create", kwargs={"pk": equipment.pk}), fields
    )


def test_agent_records_an_inspection_with_its_report(client, world):
    objects, visitors = world
    equipment = objects["equipment"]
    client.force_login(visitors[AGENT])
    today = timezone.localdate()
    report = SimpleUploadedFile("rapport controle.pdf", PDF_BYTES, content_type="application/pdf")
    response = _post_inspection(client, equipment, report=report)
    assert response.status_code == 302
    inspection = Inspection.objects.get(equipment=equipment, date=today)
    assert inspection.recorded_by == visitors[AGENT]
    assert inspection.report_name == "rapport_controle.pdf"
    equipment.refresh_from_db()
    # periodicity 12 months: due a year after today
    assert equipment.next_due_on == today.replace(year=today.year + 1) or today.month == 2
    assert equipment.last_inspected_on == today
    download = client.get(reverse("inspections:inspection_report", kwargs={"pk": inspection.pk}))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    close_file(download)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"date": "2999-01-01"}, "date", "dans le futur"),
        ({"date": "2010-01-01"}, "date", "précède la mise en service"),
        ({"date": "pas une date"}, "date", "Saisissez une date valide"),
        ({"result": "non_compliant", "remarks": ""}, "remarks", "Indiquez les remarques"),
        ({"body": ""}, "body", "Ce champ est obligatoire"),
    ],
)
def test_bad_inspection_is_refused_next_to_the_field(client, world, data, field, message):
    objects, visitors = world
    client.force_login(visitors[AGENT])
    response = _post_inspection(client, objects["equipment"], **data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert Inspection.objects.count() == 1


def test_report_that_is_not_a_pdf_or_too_big_is_refused(client, world, settings):
    objects, visitors = world
    client.force_login(visitors[AGENT])
    fake = SimpleUploadedFile(
        "rapport.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = _post_inspection(client, objects["equipment"], report=fake)
    assert "n'est pas un document PDF valide" in response.context["form"].errors["report"][0]
    settings.PREVENTION_MAX_UPLOAD_BYTES = 20
    big = SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * 100, content_type="application/pdf")
    response = _post_inspection(client, objects["equipment"], report=big)
    assert "dépasse la taille maximale" in response.context["form"].errors["report"][0]
    assert Inspection.objects.count() == 1


def test_agent_cannot_record_on_another_agents_unit(client, world):
    objects, visitors = world
    client.force_login(visitors[OTHER_AGENT])
    assert _post_inspection(client, objects["equipment"]).status_code == 404
    assert Inspection.objects.count() == 1


def test_non_compliant_result_leads_to_a_duerp_action(client, world):
    objects, visitors = world
    equipment = objects["equipment"]
    agent = visitors[AGENT]
    client.force_login(agent)
    response = _post_inspection(
        client, equipment, result="non_compliant", remarks="Débit d'air insuffisant."
    )
    inspection = Inspection.objects.get(result="non_compliant")
    assert response.url == reverse("inspections:action_open", kwargs={"pk": inspection.pk})
    page = client.get(response.url)
    assert page.context["form"].initial["description"] == "Débit d'air insuffisant."
    entry = equipment.work_unit.entries.get()
    response = client.post(
        response.url,
        {
            "entry": entry.pk,
            "title": "Remplacer le ventilateur de la sorbonne",
            "owner": agent.pk,
            "due_date": (timezone.localdate() + timedelta(days=60)).isoformat(),
            "budget": "1200",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    inspection.refresh_from_db()
    action = ActionItem.objects.get(title="Remplacer le ventilateur de la sorbonne")
    assert inspection.action == action and action.entry == entry
    # another unit's risk is not offered
    other_entry = RiskEntryFactory()
    second = InspectionFactory(equipment=equipment, result="non_compliant", remarks="x")
    url = reverse("inspections:action_open", kwargs={"pk": second.pk})
    response = client.post(url, {"entry": other_entry.pk, "title": "t", "owner": agent.pk,
                                 "due_date": "2030-01-01", "budget": "0"})  # fmt: skip
    assert response.status_code == 200
    assert "entry" in response.context["form"].errors


def test_advisor_creates_a_kind_and_equipment(client, make_agent):
    advisor = make_agent(advisor=True)
    unit = WorkUnitFactory()
    client.force_login(advisor)
    response = client.post(
        reverse("inspections:kind_create"),
        {"code": "autoclave", "name": "Autoclave", "months": "18", "valid_from": "2020-01-01",
         "active": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    kind = EquipmentKind.objects.get(code="autoclave")
    assert kind.periodicity_at(date(2021, 1, 1)) == 18
    response = client.post(
        reverse("inspections:equipment_create"),
        {"kind": kind.pk, "work_unit": unit.pk, "label": "Autoclave R132",
         "inventory_ref": "AUTO-1", "location": "R132", "commissioned_on": "2020-01-31"},
    )  # fmt: skip
    assert response.status_code == 302
    equipment = ControlledEquipment.objects.get(inventory_ref="AUTO-1")
    assert equipment.next_due_on == date(2021, 7, 31)  # 31/01/2020 + 18 months
    # two people editing at once: the second (older version) is refused
    url = reverse("inspections:equipment_edit", kwargs={"pk": equipment.pk})
    data = {"kind": kind.pk, "work_unit": unit.pk, "label": "Autoclave 2",
            "inventory_ref": "AUTO-1", "location": "R132", "commissioned_on": "2020-01-31",
            "version": 0}  # fmt: skip
    assert client.post(url, data).status_code == 302
    response = client.post(url, {**data, "label": "Autoclave 3"})
    assert response.status_code == 200
    equipment.refresh_from_db()
    assert equipment.label == "Autoclave 2"
    response = client.post(url, {**data, "commissioned_on": "2999-01-01", "version": 1})
    assert "future" in response.context["form"].errors["commissioned_on"][0]


def _state_world(make_agent):
    """Today fixed at 10/06/2026 (time_machine); window 30 days → up to 10/07/2026."""
    advisor = make_agent(advisor=True)
    kind = EquipmentKindFactory(months=12)
    late = EquipmentFactory(kind=kind, inventory_ref="LATE", commissioned_on=date(2020, 1, 1))
    InspectionFactory(equipment=late, date=date(2025, 6, 9))  # due 09/06/2026: overdue
    soon = EquipmentFactory(kind=kind, inventory_ref="SOON", commissioned_on=date(2020, 1, 1))
    InspectionFactory(equipment=soon, date=date(2025, 7, 10))  # due 10/07/2026: due soon
    fine = EquipmentFactory(kind=kind, inventory_ref="FINE", commissioned_on=date(2020, 1, 1))
    InspectionFactory(equipment=fine, date=date(2025, 7, 11))  # due 11/07/2026: up to date
    return advisor, kind


def _refs(response):
    return [e.inventory_ref for e in response.context["page"]]


@pytest.mark.usefixtures("_june_2026")
def test_lists_by_state(client, make_agent):
    advisor, kind = _state_world(make_agent)
    client.force_login(advisor)
    assert _refs(client.get(reverse("inspections:overdue"))) == ["LATE"]
    assert _refs(client.get(reverse("inspections:due_soon"))) == ["SOON"]
    listing = reverse("inspections:equipment_list")
    assert _refs(client.get(listing, {"state": "up_to_date"})) == ["FINE"]
    assert _refs(client.get(listing, {"kind": kind.pk})) == ["LATE", "SOON", "FINE"]


@pytest.mark.usefixtures("_june_2026")
def test_the_window_is_a_dated_parameter(client, make_agent):
    from imtsocial.refdata.models import Parameter

    advisor, _kind = _state_world(make_agent)
    Parameter.objects.filter(key="inspections.due_soon_days").update(value=45)
    client.force_login(advisor)
    assert _refs(client.get(reverse("inspections:due_soon"))) == ["SOON", "FINE"]


@pytest.mark.parametrize(
    "query",
    [{"kind": "abc"}, {"unit": "1 OR 1=1"}, {"state": "nope"}, {"page": "x"}, {"mine": "z"}],
)
def test_non_numeric_filters_give_no_500(client, make_agent, query):
    advisor = make_agent(advisor=True)
    EquipmentFactory()
    client.force_login(advisor)
    response = client.get(reverse("inspections:equipment_list"), query)
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 1


@pytest.mark.parametrize("name", ["inspections:equipment_list", "inspections:overdue"])
def test_lists_have_a_constant_number_of_queries(client, make_agent, name):
    advisor = make_agent(advisor=True)
    unit = WorkUnitFactory()
    client.force_login(advisor)
    client.get(reverse(name))  # the parameters in force read once, then from the cache
    counts = []
    for added in (2, 12):
        for _ in range(added):
            EquipmentFactory(work_unit=unit, commissioned_on=date(2010, 1, 1))  # all overdue
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_detail_query_count_does_not_grow_with_history(client, make_agent):
    advisor = make_agent(advisor=True)
    equipment = EquipmentFactory(commissioned_on=date(2010, 1, 1))
    client.force_login(advisor)
    url = reverse("inspections:equipment_detail", kwargs={"pk": equipment.pk})
    client.get(url)  # the parameters in force read once, then from the cache
    counts = []
    for year in (2011, 2012, 2013, 2014, 2015, 2016):
        InspectionFactory(equipment=equipment, date=date(year, 1, 1))
        if year in (2012, 2016):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
    assert counts[0] == counts[1], counts


def test_periodicities_and_window_are_kept_on_the_reference_pages(client, make_agent):
    """Pre-filled by the data migration: fume hood 12 months, the window 30 days."""
    advisor, agent = make_agent(advisor=True), make_agent()
    hood = EquipmentKind.objects.get(code="sorbonne")
    assert hood.periodicity_at(date(2020, 12, 31)) == 12
    client.force_login(advisor)
    page = client.get(reverse("refdata:table", args=["periodicites-de-controle"]))
    assert page.status_code == 200
    assert "Sorbonne de laboratoire" in page.content.decode()
    params = client.get(reverse("refdata:table", args=["parametres-prevention"]))
    assert "échéance proche" in params.content.decode()
    client.force_login(agent)
    assert client.get(reverse("refdata:table", args=["periodicites-de-controle"])).status_code in (
        403,
        404,
    )
