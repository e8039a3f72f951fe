import pytest
from django.urls import reverse

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


def test_the_journal_survives_the_deletion_of_the_actor():
    actor = UserFactory(first_name="Alice", last_name="Martin")
    employee = EmployeeFactory()
    AuditEvent.log_view(actor=actor, obj=employee)
    actor.delete()
    event = AuditEvent.objects.get()
    assert event.actor is None and event.actor_label == "Alice Martin"


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
    client, make_user, rows, django_assert_num_queries
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
    # session, user, roles (2), count, page
    with django_assert_num_queries(6):
        client.get(reverse("audit:journal"))
