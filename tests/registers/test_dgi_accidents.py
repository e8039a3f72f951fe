"""DGI reports (immediate content-free e-mail to the advisor and the director group, the
follow-up by prevention or the director) and accidents (no circumstance for the
manager, days of leave never negative)."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from safety.registers.enums import DgiDecision, DgiStatus
from safety.registers.models import DgiReport, WorkAccident
from tests.registers.factories import DgiReportFactory, WorkAccidentFactory

pytestmark = pytest.mark.django_db


def _dgi_data(world, **over):
    moment = timezone.localtime() - timedelta(hours=1)
    data = {
        "occurred_at": moment.strftime("%Y-%m-%dT%H:%M"),
        "place": "Laboratoire d'analyses",
        "work_unit": world.unit.pk,
        "danger": "Fuite de gaz au raccord d'une bouteille.",
        "people_exposed": "4 techniciens",
        "immediate_measures": "Bouteille fermée, salle évacuée.",
    }
    data.update(over)
    return data


def test_a_dgi_reaches_the_advisor_and_the_director_at_once_without_content(
    client, world, inline_notifications, django_capture_on_commit_callbacks
):
    client.force_login(world.author)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registers:dgi_create"), _dgi_data(world))
    report = DgiReport.objects.get()
    assert response.status_code == 302 and report.reported_by == world.author.employee
    assert sorted(mail.outbox[0].to) == sorted([world.advisor.email, world.director.email])
    assert "gaz" not in mail.outbox[0].body and "techniciens" not in mail.outbox[0].body


def test_a_dgi_in_the_future_or_without_danger_is_refused(client, world):
    client.force_login(world.author)
    later = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(reverse("registers:dgi_create"), _dgi_data(world, occurred_at=later))
    assert "ne peut pas être dans le futur" in response.context["form"].errors["occurred_at"][0]
    response = client.post(reverse("registers:dgi_create"), _dgi_data(world, danger=""))
    assert response.context["form"].errors["danger"] == ["Décrivez le danger."]
    assert not DgiReport.objects.exists()


def test_the_follow_up_investigation_then_decision(client, world):
    report = DgiReportFactory(reported_by=world.author.employee, work_unit=world.unit)
    url = reverse("registers:dgi_decide", args=[report.pk])
    client.force_login(world.director)
    # deciding before the investigation: an illegal move, nothing saved
    response = client.post(url, {"decision": "confirmed", "decided_on": "2024-03-04", "version": 0})
    assert "n'est pas possible" in " ".join(response.context["decision_form"].non_field_errors())
    client.post(
        reverse("registers:dgi_investigate", args=[report.pk]),
        {"investigation": "Raccord usé constaté.", "version": 0},
    )
    report.refresh_from_db()
    assert report.status == DgiStatus.INVESTIGATED and report.investigated_by == world.director
    # a decision dated before the danger is refused next to its date
    response = client.post(url, {"decision": "confirmed", "decided_on": "2024-03-01", "version": 1})
    assert response.context["decision_form"].errors["decided_on"] == [
        "La décision ne peut pas précéder le signalement."
    ]
    client.post(url, {"decision": "confirmed", "decision_measures": "Raccord changé.",
                      "decided_on": "2024-03-04", "version": 1})  # fmt: skip
    report.refresh_from_db()
    assert report.status == DgiStatus.DECIDED and report.decision == DgiDecision.CONFIRMED
    assert report.decided_on == date(2024, 3, 4)


def _accident_data(**over):
    data = {
        "kind": "commuting",
        "occurred_on": (timezone.localdate() - timedelta(days=2)).isoformat(),
        "place": "Rond-point de l'école",
        "circumstances": "Chute à vélo sur la chaussée mouillée.",
        "leave_days": "",
        "follow_up": "",
    }
    data.update(over)
    return data


def test_an_employee_records_their_accident_and_prevention_is_told(
    client, world, inline_notifications, django_capture_on_commit_callbacks
):
    client.force_login(world.author)
    page = client.get(reverse("registers:accident_create")).content.decode()
    assert "N&#x27;écrivez jamais de diagnostic" in page  # the help text of the circumstances
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("registers:accident_create"), _accident_data())
    accident = WorkAccident.objects.get()
    assert response.status_code == 302
    assert accident.victim == world.author.employee and accident.leave_days is None
    assert mail.outbox[0].to == [world.advisor.email]
    assert "vélo" not in mail.outbox[0].body


def test_hr_records_an_accident_for_someone(client, world):
    client.force_login(world.hr)
    number = world.author.employee.employee_number
    data = _accident_data(employee_number=number, leave_days="3")
    assert client.post(reverse("registers:accident_create"), data).status_code == 302
    accident = WorkAccident.objects.get()
    assert accident.victim == world.author.employee and accident.recorded_by == world.hr
    response = client.post(
        reverse("registers:accident_create"), _accident_data(employee_number="ZZZ999")
    )
    assert "Aucun agent" in response.context["form"].errors["employee_number"][0]


@pytest.mark.parametrize(
    ("over", "field", "message"),
    [
        ({"leave_days": "-1"}, "leave_days", "ne peut pas être négatif"),
        ({"leave_days": "deux"}, "leave_days", "Saisissez un nombre entier"),
        ({"occurred_on": "2999-12-31"}, "occurred_on", "ne peut pas être dans le futur"),
        ({"kind": "maladie"}, "kind", "Sélectionnez un choix valide"),
    ],
)
def test_bad_accident_input_is_refused(client, world, over, field, message):
    client.force_login(world.author)
    response = client.post(reverse("registers:accident_create"), _accident_data(**over))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not WorkAccident.objects.exists()


def test_the_manager_learns_of_the_accident_but_not_its_circumstances(client, world):
    accident = WorkAccidentFactory(
        victim=world.author.employee, circumstances="Chute dans l'escalier."
    )
    client.force_login(world.manager)
    page = client.get(accident.get_absolute_url()).content.decode()
    assert world.author.employee.last_name in page
    assert "escalier" not in page and "Atelier" not in page
    listing = client.get(reverse("registers:accident_list")).content.decode()
    assert "non communiqué" in listing
    assert client.get(reverse("registers:accident_edit", args=[accident.pk])).status_code == 404
    client.force_login(world.author)
    assert "escalier" in client.get(accident.get_absolute_url()).content.decode()


def test_days_of_leave_filled_later_with_the_optimistic_lock(client, world):
    accident = WorkAccidentFactory(victim=world.author.employee, leave_days=None)
    url = reverse("registers:accident_edit", args=[accident.pk])
    data = {"kind": "work", "occurred_on": "2024-03-04", "place": "Atelier",
            "circumstances": "Chute.", "leave_days": "5", "version": 0}  # fmt: skip
    client.force_login(world.agent)
    assert client.post(url, data).status_code == 302
    accident.refresh_from_db()
    assert accident.leave_days == 5
    response = client.post(url, {**data, "leave_days": "8"})  # the same stale version
    assert "Quelqu'un d'autre" in " ".join(response.context["form"].non_field_errors())
    accident.refresh_from_db()
    assert accident.leave_days == 5


def test_prevention_links_an_accident_to_a_duerp_action(client, world):
    from tests.safety.factories import ActionItemFactory

    action = ActionItemFactory(entry=world.risk, title="Ranger les câbles")
    accident = WorkAccidentFactory(victim=world.author.employee)
    data = {"kind": "work", "occurred_on": "2024-03-04", "place": "Atelier",
            "circumstances": "Chute.", "leave_days": "2", "action": action.pk,
            "version": 0}  # fmt: skip
    client.force_login(world.author)  # the person has no action list to pick from
    assert (
        "action"
        not in client.get(reverse("registers:accident_edit", args=[accident.pk]))
        .context["form"]
        .fields
    )
    client.force_login(world.agent)
    assert (
        client.post(reverse("registers:accident_edit", args=[accident.pk]), data).status_code == 302
    )
    accident.refresh_from_db()
    assert accident.action == action
