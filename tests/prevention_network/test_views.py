"""The network's pages: who gets what, bad input refused next to the field, constant
queries."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hr.enums import DepartmentKind
from imtsocial.accounts.roles import Role
from safety.network.enums import Function
from safety.network.models import Appointment
from tests.factories import DepartmentFactory, EmployeeFactory
from tests.prevention_network.factories import PDF_BYTES, AppointmentFactory
from tests.safety.factories import WorkUnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user, make_agent):
    person = make_user(Role.EMPLOYEE)
    appointment = AppointmentFactory(employee=person.employee)
    return {
        "anonymous": None,
        "nobody": make_user(),
        "employee": make_user(Role.EMPLOYEE),
        "person": person,
        "manager": make_user(Role.MANAGER),
        "hr": make_user(Role.HR),
        "director": make_user(Role.DIRECTOR),
        "agent": make_agent(),
        "advisor": make_agent(advisor=True),
        "appointment": appointment,
    }


ROLES = [
    "anonymous",
    "nobody",
    "employee",
    "person",
    "manager",
    "hr",
    "director",
    "agent",
    "advisor",
]
# URL → the roles that get a 200 (others: 404 for an object, 403 for a page, login for
# anonymous; the index sends employees to their site's page: 302)
MATRIX = {
    "index": ({"director", "agent", "advisor"}, {"employee", "person", "manager", "hr"}),
    "site": ({"employee", "person", "manager", "hr", "director", "agent", "advisor"}, set()),
    "create": ({"advisor"}, set()),
    "edit": ({"advisor"}, set()),
    "end": ({"advisor"}, set()),
    "letter": ({"person", "director", "agent", "advisor"}, set()),
}
OBJECT_URLS = {"edit", "end", "letter"}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, world, name, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    world["appointment"].letter.save("lettre.pdf", SimpleUploadedFile("l.pdf", PDF_BYTES))
    args = [world["appointment"].pk] if name in OBJECT_URLS else []
    url = reverse(f"prevention_network:{name}", args=args)
    allowed, redirected = MATRIX[name]
    for role in ROLES:
        client.logout()
        if world[role] is not None:
            client.force_login(world[role])
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end: the file is closed
        if role == "anonymous":
            expected = 302
        elif role in allowed:
            expected = 200
        elif role in redirected:
            expected = 302
        else:
            expected = 404 if name in OBJECT_URLS else 403
        assert response.status_code == expected, (name, role, response.status_code)


def test_an_employee_sees_the_agents_of_their_site_without_letters(client, make_user):
    person = make_user(Role.EMPLOYEE)
    here = AppointmentFactory(employee__site=person.employee.site, employee__last_name="Ici")
    here.letter.name = "prevention/reseau/x.pdf"
    here.save()
    AppointmentFactory(employee__last_name="Ailleurs")  # another site
    AppointmentFactory(employee__last_name="Parti", ends_on=date(2020, 1, 1))
    client.force_login(person)
    page = client.get(reverse("prevention_network:site")).content.decode()
    assert "Ici" in page and "Ailleurs" not in page and "Parti" not in page
    assert reverse("prevention_network:letter", args=[here.pk]) not in page


def test_the_network_at_a_past_date(client, make_agent):
    lab = DepartmentFactory(kind=DepartmentKind.LABORATORY)
    AppointmentFactory(laboratory=lab, starts_on=date(2018, 1, 1), employee__last_name="Ancien",
                       ends_on=date(2021, 6, 30))  # fmt: skip
    AppointmentFactory(starts_on=date(2021, 7, 1), employee__last_name="Nouveau")
    client.force_login(make_agent())
    page = client.get(reverse("prevention_network:index"), {"at": "2020-12-31"}).content.decode()
    assert "Ancien" in page and "Nouveau" not in page
    assert "1 agent de prévention, dont 1 dans les laboratoires" in page


@pytest.mark.parametrize("query", [{"at": "31/31/2020"}, {"laboratory": "abc"}, {"page": "x"}])
def test_bad_filters_never_fail(client, make_agent, query):
    client.force_login(make_agent())
    assert client.get(reverse("prevention_network:index"), query).status_code == 200


def _data(person, **extra):
    return {
        "employee": person.employee_number,
        "function": Function.AGENT,
        "expertise": "",
        "starts_on": "2021-01-04",
        "ends_on": "",
        "laboratory": "",
        "version": "0",
    } | extra


def test_the_advisor_appoints_an_agent_with_units_and_letter(
    client, make_agent, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    employee = EmployeeFactory()
    unit = WorkUnitFactory()
    client.force_login(make_agent(advisor=True))
    letter = SimpleUploadedFile("nomination.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        reverse("prevention_network:create"),
        _data(employee, work_units=[unit.pk], letter=letter),
    )
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.employee == employee and list(appointment.work_units.all()) == [unit]
    assert appointment.letter.name.endswith(".pdf")
    assert appointment.history.count() == 1


@pytest.mark.parametrize(
    "extra, field, message",
    [
        ({"ends_on": "2020-12-31"}, "ends_on", "La fin de la nomination précède son début."),
        ({"function": "expert"}, "expertise", "Indiquez le domaine d&#x27;expertise"),
        ({"expertise": "laser"}, "expertise", "Seul un expert a un domaine"),
        ({"employee": "INCONNU"}, "employee", "Aucun agent en poste n&#x27;a le matricule"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, make_agent, extra, field, message):
    client.force_login(make_agent(advisor=True))
    response = client.post(reverse("prevention_network:create"), _data(EmployeeFactory(), **extra))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert f'id="id_{field}-errors"' in response.content.decode() or field in str(
        response.context["form"].errors
    )
    assert not Appointment.objects.exists()


def test_a_letter_that_is_not_a_pdf_or_too_big_is_refused(client, make_agent, settings):
    client.force_login(make_agent(advisor=True))
    fake = SimpleUploadedFile("lettre.pdf", b"<html>pas un PDF</html>")
    response = client.post(
        reverse("prevention_network:create"), _data(EmployeeFactory(), letter=fake)
    )
    assert "n&#x27;est pas un document PDF valide" in response.content.decode()
    settings.PREVENTION_MAX_UPLOAD_BYTES = 1024
    big = SimpleUploadedFile("lettre.pdf", PDF_BYTES + b"0" * 2000)
    response = client.post(
        reverse("prevention_network:create"), _data(EmployeeFactory(), letter=big)
    )
    assert "dépasse la taille maximale de 1,0" in response.content.decode()
    assert not Appointment.objects.exists()


def test_ending_before_the_start_is_refused_then_a_valid_end_is_saved(client, make_agent):
    appointment = AppointmentFactory(starts_on=date(2019, 1, 1))
    client.force_login(make_agent(advisor=True))
    url = reverse("prevention_network:end", args=[appointment.pk])
    response = client.post(url, {"ends_on": "2018-12-31", "version": "0"})
    assert response.status_code == 200
    assert "La fin de la nomination précède son début (01/01/2019)." in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.ends_on is None
    assert client.post(url, {"ends_on": "2021-06-30", "version": "0"}).status_code == 302
    appointment.refresh_from_db()
    assert appointment.ends_on == date(2021, 6, 30) and appointment.version == 1


def test_a_stale_form_is_refused(client, make_agent):
    appointment = AppointmentFactory(starts_on=date(2019, 1, 1), version=3)
    client.force_login(make_agent(advisor=True))
    url = reverse("prevention_network:edit", args=[appointment.pk])
    response = client.post(url, _data(appointment.employee, starts_on="2019-01-01", version="2"))
    assert response.status_code == 200
    assert "Quelqu&#x27;un d&#x27;autre a modifié" in response.content.decode()
    appointment.refresh_from_db()
    assert appointment.version == 3


def test_editing_by_a_prevention_agent_who_is_not_the_advisor_is_a_404(client, make_agent):
    appointment = AppointmentFactory()
    client.force_login(make_agent())
    url = reverse("prevention_network:edit", args=[appointment.pk])
    assert client.post(url, _data(appointment.employee)).status_code == 404
    assert (
        client.post(reverse("prevention_network:end", args=[appointment.pk]), {}).status_code == 404
    )


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_network_page_runs_a_constant_number_of_queries(client, make_agent):
    lab = DepartmentFactory(kind=DepartmentKind.LABORATORY)
    client.force_login(make_agent())
    url = reverse("prevention_network:index")
    for _ in range(2):
        AppointmentFactory(laboratory=lab, work_units=[WorkUnitFactory()])
    client.get(url)
    few = _count(client, url)
    for _ in range(10):
        AppointmentFactory(laboratory=lab, work_units=[WorkUnitFactory()])
    assert _count(client, url) == few
