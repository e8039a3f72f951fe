"""The RSST workflow as people meet it: written by an employee, answered by prevention,
acknowledged by the manager, closed; illegal moves and bad input refused in French."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from safety.models import ActionItem
from safety.registers.enums import RsstStatus
from safety.registers.models import RsstEntry
from tests.registers.factories import RsstEntryFactory

pytestmark = pytest.mark.django_db


def _post(client, user, name, data, *args):
    client.force_login(user)
    return client.post(reverse(f"registers:{name}", args=args), data)


def _valid(world, **over):
    data = {
        "kind": "observation",
        "occurred_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "place": "Couloir du 2e étage",
        "work_unit": world.unit.pk,
        "text": "Un extincteur manque à son emplacement.",
    }
    data.update(over)
    return data


def test_the_full_workflow_with_content_free_emails(
    client, world, inline_notifications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(client, world.author, "rsst_create", _valid(world))
    entry = RsstEntry.objects.get()
    assert response.status_code == 302 and response.url == entry.get_absolute_url()
    assert entry.status == RsstStatus.SUBMITTED and entry.author == world.author.employee
    # the advisor and the unit's agent, not the other unit's agent
    assert sorted(mail.outbox[0].to) == sorted([world.advisor.email, world.agent.email])
    assert "extincteur" not in mail.outbox[0].body and "Couloir" not in mail.outbox[0].body
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client, world.agent, "rsst_answer", {"answer": "Remplacé ce jour.", "version": 0},
            entry.pk,
        )  # fmt: skip
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == RsstStatus.ANSWERED and entry.answered_by == world.agent
    # the author, their manager and the head of the unit's department
    assert sorted(mail.outbox[0].to) == sorted(
        [world.author.email, world.manager.email, world.head.email]
    )
    assert "Remplacé" not in mail.outbox[0].body

    client.force_login(world.author)
    page = client.get(entry.get_absolute_url()).content.decode()
    assert "Remplacé ce jour." in page and "en attente du visa du responsable" in page

    response = _post(
        client, world.manager, "rsst_acknowledge", {"comment": "Vu.", "version": 1}, entry.pk
    )
    entry.refresh_from_db()
    assert entry.status == RsstStatus.ACKNOWLEDGED and entry.acknowledged_by == world.manager

    _post(client, world.agent, "rsst_close", {"version": 2}, entry.pk)
    entry.refresh_from_db()
    assert entry.status == RsstStatus.CLOSED and entry.closed_by == world.agent
    assert entry.history.count() == 4  # written, answered, acknowledged, closed


def test_the_head_of_the_units_department_may_acknowledge_too(client, world):
    entry = RsstEntryFactory(
        author=world.outsider.employee, work_unit=world.unit, status=RsstStatus.ANSWERED
    )
    _post(client, world.head, "rsst_acknowledge", {"comment": "Vu.", "version": 0}, entry.pk)
    entry.refresh_from_db()
    assert entry.status == RsstStatus.ACKNOWLEDGED


@pytest.mark.parametrize(
    ("over", "field", "message"),
    [
        ({"occurred_on": "2999-01-01"}, "occurred_on", "ne peut pas être dans le futur"),
        ({"text": "   "}, "text", "Écrivez votre observation"),
        ({"text": "x" * 4001}, "text", "au plus 4000 caractères"),
        ({"occurred_on": "31/02/2024"}, "occurred_on", "Saisissez une date valide"),
        ({"kind": "rumeur"}, "kind", "Sélectionnez un choix valide"),
        ({"work_unit": "abc"}, "work_unit", "Sélectionnez un choix valide"),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, world, over, field, message):
    response = _post(client, world.author, "rsst_create", _valid(world, **over))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not RsstEntry.objects.exists()


def test_an_anonymous_post_goes_to_the_login_page(client, world):
    response = client.post(reverse("registers:rsst_create"), _valid(world))
    assert response.status_code == 302 and "/comptes/login/" in response.url
    assert not RsstEntry.objects.exists()


def test_only_the_author_edits_while_submitted(client, world):
    entry = RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    data = _valid(world, text="Texte modifié.", version=0)
    for intruder in (world.colleague, world.manager, world.agent, world.advisor):
        assert _post(client, intruder, "rsst_edit", data, entry.pk).status_code == 404
    entry.refresh_from_db()
    assert entry.text != "Texte modifié."

    assert _post(client, world.author, "rsst_edit", data, entry.pk).status_code == 302
    entry.refresh_from_db()
    assert entry.text == "Texte modifié." and entry.version == 1

    # a second tab still holding version 0 is refused, nothing overwritten
    response = _post(client, world.author, "rsst_edit", {**data, "text": "Autre."}, entry.pk)
    assert response.status_code == 200
    assert "Quelqu'un d'autre a modifié" in " ".join(response.context["form"].non_field_errors())
    entry.refresh_from_db()
    assert entry.text == "Texte modifié."

    entry.status = RsstStatus.ANSWERED
    entry.save()
    assert (
        _post(client, world.author, "rsst_edit", {**data, "version": 1}, entry.pk).status_code
        == 404
    )


def test_an_answer_by_someone_not_in_prevention_is_refused(client, world):
    entry = RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    data = {"answer": "Je réponds.", "version": 0}
    assert _post(client, world.manager, "rsst_answer", data, entry.pk).status_code == 404
    assert _post(client, world.author, "rsst_answer", data, entry.pk).status_code == 404
    # an agent of another unit sees the register but does not answer for this unit
    assert _post(client, world.other_agent, "rsst_answer", data, entry.pk).status_code == 404
    entry.refresh_from_db()
    assert entry.status == RsstStatus.SUBMITTED and entry.answer == ""
    # the advisor answers everywhere
    assert _post(client, world.advisor, "rsst_answer", data, entry.pk).status_code == 302


def test_an_empty_answer_is_refused(client, world):
    entry = RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    response = _post(client, world.agent, "rsst_answer", {"answer": "", "version": 0}, entry.pk)
    assert response.status_code == 200
    assert "Écrivez la réponse." in response.context["answer_form"].errors["answer"]


def test_acknowledging_before_the_answer_is_an_illegal_transition(client, world):
    entry = RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    response = _post(
        client, world.manager, "rsst_acknowledge", {"comment": "Vu.", "version": 0}, entry.pk
    )
    assert response.status_code == 200
    errors = " ".join(response.context["ack_form"].non_field_errors())
    assert "n'est pas possible dans l'état « En attente de réponse »" in errors
    entry.refresh_from_db()
    assert entry.status == RsstStatus.SUBMITTED and entry.acknowledgement == ""
    # closing before the visa neither
    _post(client, world.agent, "rsst_close", {"version": 0}, entry.pk)
    entry.refresh_from_db()
    assert entry.status == RsstStatus.SUBMITTED


def test_the_author_never_acknowledges_their_own_entry(client, world):
    entry = RsstEntryFactory(
        author=world.manager.employee, work_unit=world.unit, status=RsstStatus.ANSWERED
    )
    # the manager is the author here: the head of the department acknowledges, not them
    response = _post(
        client, world.manager, "rsst_acknowledge", {"comment": "Vu.", "version": 0}, entry.pk
    )
    assert response.status_code == 404


def test_prevention_opens_a_duerp_action_from_an_entry(client, world):
    entry = RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    data = {
        "risk": world.risk.pk,
        "title": "Remettre un extincteur",
        "owner": world.agent.pk,
        "due_date": "2030-01-31",
        "budget": "120",
        "version": 0,
    }
    assert _post(client, world.other_agent, "rsst_action", data, entry.pk).status_code == 404
    response = _post(client, world.agent, "rsst_action", data, entry.pk)
    assert response.status_code == 302
    entry.refresh_from_db()
    action = ActionItem.objects.get()
    assert entry.action == action and action.entry == world.risk
    assert action.title == "Remettre un extincteur"


def test_an_action_on_a_risk_of_another_unit_is_refused(client, world):
    from tests.safety.factories import RiskEntryFactory

    elsewhere = RiskEntryFactory(work_unit=world.other_unit)
    entry = RsstEntryFactory(author=world.author.employee, work_unit=world.unit)
    data = {"risk": elsewhere.pk, "title": "X", "owner": world.agent.pk,
            "due_date": "2030-01-31", "budget": "0", "version": 0}  # fmt: skip
    response = _post(client, world.agent, "rsst_action", data, entry.pk)
    assert response.status_code == 200 and "risk" in response.context["form"].errors
    assert not ActionItem.objects.exists()
