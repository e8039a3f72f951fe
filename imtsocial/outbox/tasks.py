from celery import shared_task

from imtsocial.outbox import services


@shared_task
def relay_outbox() -> int:
    """Every minute: send the tasks that waited for the broker, forget old sent ones."""
    sent = services.relay()
    services.purge_sent()
    return sent
