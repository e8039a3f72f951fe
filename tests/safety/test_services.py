"""Services: entries and their history, optimistic lock, the action state machine,
reminders, publication and immutability of editions."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from imtsocial.errors import ConcurrentChangeError, IllegalTransitionError
from safety import notifications, pdf, services
from safety.enums import ActionStatus, EditionStatus
from safety.forms import ActionItemForm, RiskEntryForm
from safety.models import DuerpEdition, EditionFrozenError
from tests.factories import UserFactory
from tests.safety.factories import (
    ActionItemFactory,
    HazardFactory,
    RiskEntryFactory,
    WorkUnitFactory,
)

pytestmark = pytest.mark.django_db


def entry_data(entry, **changes):
    data = {
        "hazard": entry.hazard.pk,
        "situation": entry.situation,
        "people_exposed": entry.people_exposed,
        "exposed_count": entry.exposed_count,
        "existing_measures": entry.existing_measures,
        "gravity": entry.gravity,
        "probability": entry.probability,
        "control_level": entry.control_level,
        "version": entry.version,
    }
    return data | changes


def test_entry_create_rates_and_keeps_history():
    agent = UserFactory()
    unit = WorkUnitFactory()
    hazard = HazardFactory()
    form = RiskEntryForm(
        data={
            "hazard": hazard.pk,
            "situation": "Pesée de poudres",
            "people_exposed": "Techniciens",
            "exposed_count": 3,
            "existing_measures": "",
            "gravity": 4,
            "probability": 4,
            "control_level": 3,
        }
    )
    assert form.is_valid(), form.errors
    entry = services.entry_create(unit=unit, form=form, by=agent)
    assert (entry.score, entry.priority) == (48, 1)  # 4 × 4 × 3
    record = entry.history.get()
    assert (record.history_type, record.history_user) == ("+", agent)


def test_entry_update_records_before_and_after():
    agent = UserFactory()
    entry = RiskEntryFactory(gravity=3, probability=2, control_level=2)  # 12 → priority 2
    form = RiskEntryForm(data=entry_data(entry, control_level=1), instance=entry)
    assert form.is_valid(), form.errors
    services.entry_update(form=form, by=agent)
    entry.refresh_from_db()
    assert (entry.score, entry.priority, entry.version) == (6, 3, 1)
    newest, older = entry.history.order_by("-history_id")[:2]
    changes = {c.field: (c.old, c.new) for c in newest.diff_against(older).changes}
    assert changes["control_level"] == (2, 1)
    assert changes["score"] == (12, 6)
    assert newest.history_user == agent


def test_rating_out_of_range_is_a_form_error():
    entry = RiskEntryFactory()
    form = RiskEntryForm(data=entry_data(entry, gravity=5, probability=0), instance=entry)
    assert not form.is_valid()
    assert set(form.errors) == {"gravity", "probability"}


def test_second_agent_is_told_the_entry_changed():
    first, second = UserFactory(), UserFactory()
    entry = RiskEntryFactory()
    both_opened_at = entry.version
    form_1 = RiskEntryForm(
        data=entry_data(entry, version=both_opened_at, gravity=4), instance=entry
    )
    assert form_1.is_valid()
    services.entry_update(form=form_1, by=first)
    stale = type(entry).objects.get(pk=entry.pk)
    stale.version = both_opened_at  # what the second agent's page carries
    form_2 = RiskEntryForm(
        data=entry_data(stale, version=both_opened_at, gravity=1), instance=stale
    )
    assert form_2.is_valid()
    with pytest.raises(ConcurrentChangeError):
        services.entry_update(form=form_2, by=second)
    entry.refresh_from_db()
    assert entry.gravity == 4  # no silent overwrite


def test_action_without_owner_or_date_is_refused():
    form = ActionItemForm(data={"title": "Sorbonne", "budget": "100"})
    assert not form.is_valid()
    assert {"owner", "due_date"} <= set(form.errors)


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, True),
        (ActionStatus.PLANNED, ActionStatus.DONE, True),
        (ActionStatus.IN_PROGRESS, ActionStatus.DONE, True),
        (ActionStatus.DONE, ActionStatus.IN_PROGRESS, True),
        (ActionStatus.CANCELLED, ActionStatus.PLANNED, True),
        (ActionStatus.DONE, ActionStatus.CANCELLED, False),
        (ActionStatus.CANCELLED, ActionStatus.DONE, False),
        (ActionStatus.IN_PROGRESS, ActionStatus.PLANNED, False),
    ],
)
def test_action_state_machine(start, target, allowed):
    done_on = date(2020, 1, 15) if start == ActionStatus.DONE else None
    action = ActionItemFactory(status=start, done_on=done_on)
    by = UserFactory()
    if allowed:
        action = services.action_set_status(
            action=action, status=target, done_on=date(2020, 2, 1), version=0, by=by
        )
        assert action.status == target
        assert action.done_on == (date(2020, 2, 1) if target == ActionStatus.DONE else None)
    else:
        with pytest.raises(IllegalTransitionError):
            services.action_set_status(
                action=action, status=target, done_on=date(2020, 2, 1), version=0, by=by
            )


def test_action_done_needs_a_past_date_and_the_current_version():
    action = ActionItemFactory()
    by = UserFactory()
    with pytest.raises(services.SafetyError):
        services.action_set_status(
            action=action, status=ActionStatus.DONE, done_on=None, version=0, by=by
        )
    with pytest.raises(services.SafetyError):
        services.action_set_status(
            action=action,
            status=ActionStatus.DONE,
            done_on=timezone.localdate() + timedelta(days=1),
            version=0,
            by=by,
        )
    with pytest.raises(ConcurrentChangeError):
        services.action_set_status(
            action=action, status=ActionStatus.DONE, done_on=date(2020, 1, 1), version=7, by=by
        )


def test_late_reminders_one_mail_per_owner_once_a_day():
    owner = UserFactory(email="agent.prevention@example.fr")
    ActionItemFactory(owner=owner, late=True, title="Sorbonnes")
    ActionItemFactory(owner=owner, late=True, title="Lunettes laser")
    ActionItemFactory(owner=owner, title="Pas en retard")
    ActionItemFactory(owner=owner, late=True, done=True, title="Déjà faite")
    today = date(2026, 3, 2)
    assert notifications.late_actions_remind(at=today) == 1
    assert [m.to for m in mail.outbox] == [["agent.prevention@example.fr"]]
    body = mail.outbox[0].body
    assert "Sorbonnes" in body and "Lunettes laser" in body
    assert "Pas en retard" not in body and "Déjà faite" not in body
    assert notifications.late_actions_remind(at=today) == 0  # idempotent the same day
    assert notifications.late_actions_remind(at=today + timedelta(days=1)) == 1


def publish(by=None, year=2025):
    by = by or UserFactory()
    with transaction.atomic():  # delay_on_commit never fires inside the test transaction
        return services.edition_publish(year=year, note="", by=by)


def test_publication_freezes_entries_and_actions():
    entry = RiskEntryFactory(gravity=2, probability=2, control_level=1)
    ActionItemFactory(entry=entry, budget=Decimal("1234.50"))
    edition = publish()
    assert (edition.entry_count, edition.action_count, edition.number) == (1, 1, 1)
    assert edition.status == EditionStatus.RENDERING
    assert len(edition.snapshot_checksum) == 64
    # later changes do not touch the edition
    entry.gravity = 4
    entry.save()
    edition.refresh_from_db()
    assert edition.snapshot["entries"][0]["gravity"] == 2
    assert edition.snapshot["actions"][0]["budget"] == "1234.50"
    # a correction is a new numbered edition of the same year
    assert publish(year=2025).number == 2


def test_an_edition_carries_the_programme_of_its_year_not_the_whole_history():
    """The 2025 edition lists the actions still open, those done since 1 January 2025
    and those abandoned that were due in 2025; what was closed earlier stays in the
    earlier editions."""
    entry = RiskEntryFactory()
    kept = {
        ActionItemFactory(entry=entry, title="Prévue").pk,
        ActionItemFactory(entry=entry, title="En cours", status=ActionStatus.IN_PROGRESS).pk,
        ActionItemFactory(
            entry=entry, title="Faite le 2 janvier", status=ActionStatus.DONE,
            done_on=date(2025, 1, 2), due_date=date(2024, 12, 31),
        ).pk,
        ActionItemFactory(
            entry=entry, title="Abandonnée, due en 2025", status=ActionStatus.CANCELLED,
            due_date=date(2025, 3, 1),
        ).pk,
    }  # fmt: skip
    ActionItemFactory(entry=entry, title="Faite le 31 décembre 2024", status=ActionStatus.DONE,
                      done_on=date(2024, 12, 31))  # fmt: skip
    ActionItemFactory(entry=entry, title="Abandonnée, due en 2024",
                      status=ActionStatus.CANCELLED, due_date=date(2024, 6, 1))  # fmt: skip
    edition = publish(year=2025)
    assert {a["id"] for a in edition.snapshot["actions"]} == kept
    assert edition.action_count == 4
    # the 2024 edition (a late correction) still carries what was done in 2024
    titles_2024 = {a["title"] for a in publish(year=2024).snapshot["actions"]}
    assert "Faite le 31 décembre 2024" in titles_2024
    assert "Abandonnée, due en 2024" in titles_2024


def test_edition_refuses_changes_and_deletion():
    RiskEntryFactory()
    edition = publish()
    edition.snapshot = {"units": [], "entries": [], "actions": []}
    with pytest.raises(EditionFrozenError):
        edition.save()
    edition.refresh_from_db()
    with pytest.raises(EditionFrozenError):
        edition.delete()
    with pytest.raises(EditionFrozenError):
        DuerpEdition.objects.filter(pk=edition.pk).update(note="modifié")
    with pytest.raises(EditionFrozenError):
        DuerpEdition.objects.filter(pk=edition.pk).delete()
    assert DuerpEdition.objects.filter(pk=edition.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger")
def test_database_trigger_refuses_raw_sql_changes():
    RiskEntryFactory()
    edition = publish()
    with pytest.raises(Exception, match="frozen"), transaction.atomic(), connection.cursor() as cur:
        cur.execute("UPDATE safety_duerpedition SET note = 'x' WHERE id = %s", [edition.pk])
    with (
        pytest.raises(Exception, match="deleted"),
        transaction.atomic(),
        connection.cursor() as cur,
    ):
        cur.execute("DELETE FROM safety_duerpedition WHERE id = %s", [edition.pk])


def test_pdf_is_stored_once_with_its_checksum(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    RiskEntryFactory()
    edition = publish()
    rendered = pdf.edition_render(edition_id=edition.pk)
    assert rendered.status == EditionStatus.READY
    with rendered.pdf.open("rb") as handle:
        assert handle.read(4) == b"%PDF"
    first_checksum = rendered.pdf_checksum
    assert pdf.edition_render(edition_id=edition.pk).pdf_checksum == first_checksum
    rendered.pdf_checksum = "0" * 64
    with pytest.raises(EditionFrozenError):
        rendered.save()


def test_unique_year_number_is_the_last_guard():
    RiskEntryFactory()
    edition = publish()
    with pytest.raises(IntegrityError), transaction.atomic():
        DuerpEdition.objects.create(
            year=edition.year,
            number=edition.number,
            published_by=edition.published_by,
            method=edition.method,
            snapshot=edition.snapshot,
            snapshot_checksum=edition.snapshot_checksum,
            entry_count=0,
            action_count=0,
        )
