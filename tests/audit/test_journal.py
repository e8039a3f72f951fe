from datetime import timedelta

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.audit.models import AppendOnlyError, AuditEvent
from tests.factories import EmployeeFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_journal_is_append_only():
    actor = UserFactory()
    event = AuditEvent.log_view(actor=actor, obj=actor)
    event.detail = "réécriture"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(detail="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get().detail == ""


def test_the_journal_survives_the_deletion_of_the_actor_unchanged():
    actor = UserFactory(first_name="Alice", last_name="Martin")
    subject = UserFactory(first_name="Bob", last_name="Lambda")
    employee = EmployeeFactory()
    AuditEvent.log_view(actor=actor, obj=employee, subject=subject)
    actor_pk, subject_pk = actor.pk, subject.pk
    actor.delete()
    subject.delete()
    event = AuditEvent.objects.get()
    # the row is as it was written: nothing set to NULL
    assert (event.actor_id, event.subject_id) == (actor_pk, subject_pk)
    assert (event.actor_label, event.subject_label) == ("Alice Martin", "Bob Lambda")


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET detail = 'réécrit'",
        "UPDATE audit_auditevent SET actor_id = NULL",
        "DELETE FROM audit_auditevent",
    ],
)
def test_the_database_refuses_to_rewrite_the_journal(sql):
    actor = UserFactory()
    AuditEvent.log_view(actor=actor, obj=actor)
    with (
        pytest.raises(DatabaseError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute(sql)
    assert AuditEvent.objects.get().detail == ""


def test_the_purge_removes_only_what_is_past_the_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    actor = UserFactory()
    for days in (31, 29):  # one event past the 30 days, one within
        AuditEvent.objects.create(
            at=timezone.now() - timedelta(days=days),
            actor=actor,
            actor_label=str(actor),
            action="view",
            object_type="accounts.user",
            object_id=str(actor.pk),
            object_label=f"{days} jours",
        )
    assert AuditEvent.objects.purge_expired() == 1
    assert list(AuditEvent.objects.values_list("object_label", flat=True)) == ["29 jours"]
    # outside the purge, even an expired row cannot be deleted by hand
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditevent")


def test_admin_cannot_add_change_or_delete_events(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    event = AuditEvent.log_view(actor=admin, obj=admin)
    client.force_login(admin)
    assert client.get(reverse("admin:audit_auditevent_add")).status_code == 403
    assert client.get(reverse("admin:audit_auditevent_delete", args=[event.pk])).status_code == 403
    response = client.post(
        reverse("admin:audit_auditevent_change", args=[event.pk]), {"detail": "modifié"}
    )
    assert response.status_code == 403
    assert AuditEvent.objects.get().detail == ""


def test_dpo_reads_and_filters_the_journal(client, make_user):
    hr = make_user(Role.HR)
    hr.first_name, hr.last_name = "Hélène", "Ressources"
    hr.save()
    employee = EmployeeFactory(with_login=True, first_name="Bob", last_name="Lambda")
    client.force_login(hr)
    client.get(reverse("hr:employee_detail", args=[employee.pk]))
    client.force_login(make_user(Role.DPO))
    html = client.get(reverse("audit:journal")).content.decode()
    assert "Hélène Ressources" in html and "Bob Lambda" in html and "Consultation" in html
    html = client.get(reverse("audit:journal"), {"subject": "personne"}).content.decode()
    assert "Bob Lambda" not in html
    response = client.get(reverse("audit:journal"), {"start": "2026-02-01", "end": "2026-01-01"})
    assert "La date de fin précède la date de début." in response.content.decode()


@pytest.mark.parametrize("rows", [10, 200])
def test_journal_runs_a_constant_number_of_queries(
    client, make_user, rows, django_assert_max_num_queries
):
    actor = UserFactory()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            actor=actor,
            actor_label="x",
            action="view",
            object_type="hr.employee",
            object_id=str(i),
            object_label=f"Agent {i}",
        )
        for i in range(rows)
    )
    client.force_login(make_user(Role.DPO))
    # session, user, roles (2), count, page — whatever the number of events
    with django_assert_max_num_queries(7):
        assert client.get(reverse("audit:journal")).status_code == 200
    with django_assert_max_num_queries(7):
        filters = {"action": "view", "kind": "hr.employee", "with_pay": "on", "page": "2"}
        assert client.get(reverse("audit:journal"), filters).status_code == 200
