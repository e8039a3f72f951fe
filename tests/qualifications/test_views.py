"""Qualification pages: who gets what, bad input refused next to the field, constant
queries, the panel of the employee file."""

from datetime import date

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from imtsocial.accounts.roles import Role
from safety.qualifications.models import Qualification
from tests.factories import EmployeeFactory
from tests.qualifications.factories import PDF_BYTES, QualificationFactory, kind

pytestmark = pytest.mark.django_db

ROLES = [
    *("anonymous", "nobody", "holder", "colleague", "manager"),
    *("hr", "director", "agent", "advisor"),
]
EMPLOYEES = {"holder", "colleague", "manager", "hr", "director", "agent", "advisor"}
LISTS = {"manager", "agent", "advisor"}
READERS = {"holder", "manager", "agent", "advisor"}
MATRIX = {
    "list": LISTS,
    "expiring": LISTS,
    "expired": LISTS,
    "mine": EMPLOYEES,
    "summary": {"director", "agent", "advisor"},
    "create": {"agent", "advisor"},
    "detail": READERS,
    "edit": {"agent", "advisor"},
    "certificate": READERS,
    "types": {"agent", "advisor"},
    "type_create": {"advisor"},
    "type_edit": {"advisor"},
}
OBJECT_URLS = {"detail", "edit", "certificate", "type_edit"}


@pytest.fixture
def world(make_user, make_agent):
    manager = make_user(Role.MANAGER)
    holder = make_user(Role.EMPLOYEE, manager=manager.employee)
    return {
        "anonymous": None,
        "nobody": make_user(),
        "holder": holder,
        "colleague": make_user(Role.EMPLOYEE),
        "manager": manager,
        "hr": make_user(Role.HR),
        "director": make_user(Role.DIRECTOR),
        "agent": make_agent(),
        "advisor": make_agent(advisor=True),
    }


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, world, name, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    qualification = QualificationFactory(holder=world["holder"].employee)
    qualification.certificate.save("sst.pdf", SimpleUploadedFile("sst.pdf", PDF_BYTES))
    args = [qualification.pk] if name in OBJECT_URLS else []
    if name == "type_edit":
        args = [qualification.qualification_type_id]
    url = reverse(f"qualifications:{name}", args=args)
    for role in ROLES:
        client.logout()
        if world[role] is not None:
            client.force_login(world[role])
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end: the file is closed
        if role == "anonymous":
            expected = 302
        elif role in MATRIX[name]:
            expected = 200
        else:
            expected = 404 if name in OBJECT_URLS else 403
        assert response.status_code == expected, (name, role, response.status_code)


def test_another_persons_qualification_is_a_404_for_an_employee(client, make_user):
    me = make_user(Role.EMPLOYEE)
    mine = QualificationFactory(holder=me.employee)
    theirs = QualificationFactory()
    client.force_login(me)
    assert client.get(reverse("qualifications:detail", args=[mine.pk])).status_code == 200
    assert client.get(reverse("qualifications:detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("qualifications:certificate", args=[theirs.pk])).status_code == 404
    page = client.get(reverse("qualifications:mine")).content.decode()
    assert mine.get_absolute_url() in page and theirs.get_absolute_url() not in page


def test_a_manager_lists_their_teams_qualifications_only(client, make_user):
    manager = make_user(Role.MANAGER)
    team = QualificationFactory(holder__manager=manager.employee, holder__last_name="Équipier")
    QualificationFactory(holder__last_name="Inconnu")
    client.force_login(manager)
    page = client.get(reverse("qualifications:list")).content.decode()
    assert "Équipier" in page and "Inconnu" not in page
    assert client.get(reverse("qualifications:edit", args=[team.pk])).status_code == 404


def _data(person, **extra):
    return {
        "holder": person.employee_number,
        "qualification_type": kind("sst").pk,
        "level": "",
        "obtained_on": "2025-03-15",
        "expires_on": "",
        "version": "0",
    } | extra


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_recording_computes_the_expiry_from_the_validity(client, make_agent, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    holder = EmployeeFactory()
    client.force_login(make_agent())
    certificate = SimpleUploadedFile("sst.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(reverse("qualifications:create"), _data(holder, certificate=certificate))
    assert response.status_code == 302
    qualification = Qualification.objects.get()
    # SST 24 months: 15/03/2025 → 14/03/2027
    assert qualification.expires_on == date(2027, 3, 14)
    assert qualification.certificate.name.endswith(".pdf")
    assert qualification.history.count() == 1


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_electrical_needs_a_known_level(client, make_agent):
    client.force_login(make_agent())
    electrical = kind("electrique").pk
    url = reverse("qualifications:create")
    response = client.post(url, _data(EmployeeFactory(), qualification_type=electrical))
    assert "Indiquez le niveau" in response.content.decode()
    response = client.post(url, _data(EmployeeFactory(), qualification_type=electrical, level="Z9"))
    assert "Niveau inconnu pour ce type" in response.content.decode()
    assert not Qualification.objects.exists()
    response = client.post(
        url, _data(EmployeeFactory(), qualification_type=electrical, level="b1v")
    )
    assert response.status_code == 302
    # stored as the type spells it; 36 months: 15/03/2025 → 14/03/2028
    assert Qualification.objects.values_list("level", "expires_on").get() == (
        "B1V",
        date(2028, 3, 14),
    )


@time_machine.travel(date(2026, 5, 1), tick=False)
@pytest.mark.parametrize(
    "extra, field, message",
    [
        (
            {"expires_on": "2025-03-14"},
            "expires_on",
            "L&#x27;échéance précède la date d&#x27;obtention.",
        ),
        (
            {"obtained_on": "2026-05-02"},
            "obtained_on",
            "La date d&#x27;obtention ne peut pas être dans le futur.",
        ),
        ({"obtained_on": "1999-12-31"}, "expires_on", "Aucune durée de validité de ce type"),
        ({"level": "B1V"}, "level", "Ce type d&#x27;habilitation n&#x27;a pas de niveau."),
        ({"holder": "INCONNU"}, "holder", "Aucun agent en poste"),
        ({"obtained_on": "32/13/2025"}, "obtained_on", "Saisissez une date valide."),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, make_agent, extra, field, message):
    client.force_login(make_agent())
    response = client.post(reverse("qualifications:create"), _data(EmployeeFactory(), **extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert field in response.context["form"].errors
    assert not Qualification.objects.exists()


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_a_certificate_not_a_pdf_or_too_big_is_refused(client, make_agent, settings):
    client.force_login(make_agent())
    url = reverse("qualifications:create")
    fake = SimpleUploadedFile("sst.pdf", b"GIF89a pas un PDF")
    response = client.post(url, _data(EmployeeFactory(), certificate=fake))
    assert "n&#x27;est pas un document PDF valide" in response.content.decode()
    assert "certificate" in response.context["form"].errors
    settings.PREVENTION_MAX_UPLOAD_BYTES = 1024
    big = SimpleUploadedFile("sst.pdf", PDF_BYTES + b"0" * 2000)
    response = client.post(url, _data(EmployeeFactory(), certificate=big))
    assert "dépasse la taille maximale de 1,0" in response.content.decode()
    assert not Qualification.objects.exists()


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_a_stale_edit_is_refused(client, make_agent):
    qualification = QualificationFactory(version=2)
    client.force_login(make_agent())
    url = reverse("qualifications:edit", args=[qualification.pk])
    data = _data(qualification.holder, obtained_on="2020-03-15", expires_on="2022-03-14")
    response = client.post(url, data | {"version": "1"})
    assert "Quelqu&#x27;un d&#x27;autre a modifié" in response.content.decode()
    assert client.post(url, data | {"version": "2"}).status_code == 302
    qualification.refresh_from_db()
    assert qualification.version == 3


@pytest.mark.parametrize(
    "query", [{"qualification_type": "x"}, {"department": "-1"}, {"state": "??"}, {"page": "z"}]
)
def test_bad_filters_never_fail(client, make_agent, query):
    client.force_login(make_agent())
    assert client.get(reverse("qualifications:list"), query).status_code == 200


@time_machine.travel(date(2026, 5, 1), tick=False)
def test_filters_by_state_type_and_department(client, make_agent):
    expired = QualificationFactory(expires_on=date(2026, 4, 30), holder__last_name="Xanthippe")
    QualificationFactory(expires_on=date(2026, 6, 1), holder__last_name="Ypsilonne")
    QualificationFactory(expires_on=date(2027, 6, 1), holder__last_name="Zébulon")
    client.force_login(make_agent())
    page = client.get(reverse("qualifications:expired")).content.decode()
    assert "Xanthippe" in page and "Ypsilonne" not in page and "Zébulon" not in page
    page = client.get(reverse("qualifications:expiring")).content.decode()
    assert "Ypsilonne" in page and "Xanthippe" not in page and "Zébulon" not in page
    url = reverse("qualifications:list")
    page = client.get(url, {"state": "valid"}).content.decode()
    assert "Zébulon" in page and "Ypsilonne" not in page
    page = client.get(url, {"department": expired.holder.department_id}).content.decode()
    assert "Xanthippe" in page and "Zébulon" not in page
    page = client.get(url, {"qualification_type": kind("gaz").pk}).content.decode()
    assert "Xanthippe" not in page


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["list", "expiring", "mine"])
def test_lists_run_a_constant_number_of_queries(client, make_agent, name):
    agent = make_agent()
    client.force_login(agent)
    url = reverse(f"qualifications:{name}")

    def add(count):
        for index in range(count):
            QualificationFactory(
                holder=agent.employee if name == "mine" else EmployeeFactory(),
                obtained_on=date(2020, 1, 1 + index),
                expires_on=date(2030, 1, 1),
            )

    add(2)
    client.get(url)
    few = _count(client, url)
    add(10)
    assert _count(client, url) == few


def test_the_panel_shows_on_my_file_and_on_the_file_hr_opens(client, make_user):
    me = make_user(Role.EMPLOYEE)
    QualificationFactory(holder=me.employee, qualification_type=kind("gaz"))
    client.force_login(me)
    page = client.get(reverse("hr:my_file")).content.decode()
    assert "Habilitations et certificats" in page and "Habilitation gaz" in page
    client.force_login(make_user(Role.HR))
    page = client.get(reverse("hr:employee_detail", args=[me.employee.pk])).content.decode()
    assert "Habilitations et certificats" in page and "Habilitation gaz" in page


def test_the_director_sees_aggregates_only(client, make_user):
    QualificationFactory(obtained_on=date(2020, 1, 1), expires_on=date(2099, 1, 1))
    client.force_login(make_user(Role.DIRECTOR))
    assert client.get(reverse("qualifications:list")).status_code == 403
    page = client.get(reverse("qualifications:summary")).content.decode()
    assert "Personnes habilitées par type" in page


def test_the_advisor_adds_a_type_with_levels(client, make_agent):
    client.force_login(make_agent(advisor=True))
    url = reverse("qualifications:type_create")
    data = {"name": "Habilitation grue", "code": "grue", "kind": "other", "active": "on"}
    response = client.post(url, data | {"levels": "R483, r483"})
    assert "Un même niveau figure deux fois." in response.content.decode()
    assert client.post(url, data | {"levels": " R483 ,R490,"}).status_code == 302
    assert kind("grue").level_list == ["R483", "R490"]
