import pytest
from django.core import mail

from imtsocial.accounts.tasks import send_invitation
from imtsocial.audit.models import AuditEvent
from imtsocial.audit.tasks import purge_expired_audit_events
from tests.factories import UserFactory


@pytest.mark.services
def test_invitation_email_is_sent_by_a_real_worker(celery_worker, transactional_db):
    user = UserFactory(email="nouvelle.recrue@example.fr", password=None)
    result = send_invitation.delay(user.pk)
    assert result.get(timeout=20) is True
    assert [m.to for m in mail.outbox] == [["nouvelle.recrue@example.fr"]]
    message = mail.outbox[0]
    assert "Choisissez votre mot de passe" in message.subject
    assert "/comptes/password/reset/key/" in message.body


@pytest.mark.services
def test_worker_applies_audit_retention(celery_worker, transactional_db, settings):
    from datetime import timedelta

    from django.utils import timezone

    actor = UserFactory()
    # An event written past the retention period, one written now.
    AuditEvent.objects.create(
        at=timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS + 1),
        actor=actor,
        actor_label=str(actor),
        action="view",
        object_type="accounts.user",
        object_id=str(actor.pk),
        object_label=str(actor),
    )
    recent = AuditEvent.log_view(actor=actor, obj=actor)
    assert purge_expired_audit_events.delay().get(timeout=20) == 1
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]


def test_pdf_renders_and_imports_have_queues_of_their_own():
    """A host may run only the PDF renders (WORKER_QUEUES=documents) or leave them out:
    the e-mails never wait behind a 5 000-entry DUERP edition."""
    from imtsocial.celery import app

    def queue_of(name):
        return app.amqp.router.route({}, name)["queue"].name

    assert queue_of("imtsocial.reports.tasks.build_edition") == "documents"
    assert queue_of("safety.tasks.render_edition_pdf") == "documents"
    assert queue_of("hr.evaluations.tasks.render_interview_pdf") == "documents"
    assert queue_of("imtsocial.imports.tasks.run_import") == "imports"
    assert queue_of("imtsocial.accounts.tasks.send_invitation") == "celery"
    # every routed task exists under that name
    app.loader.import_default_modules()
    for name in app.conf.task_routes:
        assert name in app.tasks, name


@pytest.mark.services
def test_a_worker_started_without_queues_consumes_every_kind(celery_worker, transactional_db):
    """The default worker (one host) runs the tasks of the « documents » queue too."""
    from imtsocial.celery import app

    assert {q.name for q in app.amqp.queues.values()} >= {"celery", "documents", "imports"}
    result = app.send_task("celery.ping", queue="documents")
    assert result.get(timeout=20) == "pong"
