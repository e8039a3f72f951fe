"""Daily reminders: one content-free message per recipient, once a day per equipment."""

from datetime import date

import pytest
from django.core import mail

from safety.inspections import notifications
from safety.inspections.models import InspectionReminder
from safety.inspections.tasks import remind_due_inspections
from tests.factories import UserFactory
from tests.inspections.factories import EquipmentFactory, EquipmentKindFactory, InspectionFactory
from tests.safety.factories import PreventionAdvisorFactory, WorkUnitFactory

AT = date(2026, 6, 10)  # window 30 days → due-soon up to 10/07/2026


@pytest.fixture
def world(db):
    advisor = UserFactory(email="conseiller@example.fr")
    PreventionAdvisorFactory(user=advisor)
    former = UserFactory(email="ancien@example.fr")
    PreventionAdvisorFactory(user=former, active=False)
    agent_a = UserFactory(email="agent.a@example.fr")
    agent_b = UserFactory(email="agent.b@example.fr")
    kind = EquipmentKindFactory(months=12)
    late = EquipmentFactory(kind=kind, work_unit=WorkUnitFactory(agents=[agent_a]))
    InspectionFactory(equipment=late, date=date(2025, 6, 9))  # due 09/06/2026: overdue
    soon = EquipmentFactory(kind=kind, work_unit=WorkUnitFactory(agents=[agent_b]))
    InspectionFactory(equipment=soon, date=date(2025, 7, 1))  # due 01/07/2026: due soon
    fine = EquipmentFactory(kind=kind, work_unit=WorkUnitFactory(agents=[agent_b]))
    InspectionFactory(equipment=fine, date=date(2025, 12, 1))  # due 01/12/2026: nothing
    withdrawn = EquipmentFactory(
        kind=kind,
        status="withdrawn",
        withdrawn_on=date(2025, 1, 1),
        commissioned_on=date(2010, 1, 1),
    )  # long overdue on paper, but out of service
    return late, soon, fine, withdrawn


def test_reminders_go_to_the_advisor_and_the_units_agents_once_a_day(world):
    late, soon, _fine, _withdrawn = world
    # advisor: 1 overdue + 1 due soon; agent A: the overdue one; agent B: the due-soon one
    assert notifications.remind_due(at=AT) == 3
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {"conseiller@example.fr", "agent.a@example.fr", "agent.b@example.fr"}
    assert "1 équipement(s) en retard de contrôle et 1 équipement(s)" in (
        by_address["conseiller@example.fr"].body
    )
    assert "1 équipement(s) en retard de contrôle et 0" in by_address["agent.a@example.fr"].body
    assert "/prevention/controles/en-retard/" in by_address["agent.a@example.fr"].body
    assert "/prevention/controles/a-echeance/" in by_address["agent.b@example.fr"].body
    for message in mail.outbox:  # content-free: no equipment named
        assert late.inventory_ref not in message.body and late.label not in message.body
        assert soon.inventory_ref not in message.body
    assert notifications.remind_due(at=AT) == 0  # same day: nothing more
    assert InspectionReminder.objects.count() == 2
    assert notifications.remind_due(at=date(2026, 6, 11)) == 3  # the next day: again


def test_a_recorded_inspection_stops_the_reminders(world):
    late, *_rest = world
    InspectionFactory(equipment=late, date=date(2026, 6, 10))
    mail.outbox.clear()
    notifications.remind_due(at=AT)
    assert {m.to[0] for m in mail.outbox} == {"conseiller@example.fr", "agent.b@example.fr"}


@pytest.mark.services
def test_reminder_task_runs_in_a_real_worker(celery_worker, transactional_db):
    advisor = UserFactory(email="conseiller@example.fr")
    PreventionAdvisorFactory(user=advisor)
    EquipmentFactory(kind=EquipmentKindFactory(months=12), commissioned_on=date(2010, 1, 15))
    assert remind_due_inspections.delay().get(timeout=20) == 1
    assert [m.to for m in mail.outbox] == [["conseiller@example.fr"]]
    assert remind_due_inspections.delay().get(timeout=20) == 0
