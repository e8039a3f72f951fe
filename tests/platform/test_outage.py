"""Redis down: the pages still answer, and what needed a task waits in the outbox
until the broker is back — then it is sent, nothing lost, nothing to redo.

A real Redis server is started by the test on a free loopback port, stopped to make
the outage and started again on the same port to end it.
"""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core import mail
from django.urls import reverse

from imtsocial.accounts.roles import Role
from imtsocial.celery import app
from imtsocial.outbox import services as outbox
from imtsocial.outbox.models import OutboxMessage
from social_action.models import Booking
from tests.factories import PASSWORD
from tests.social_action.factories import SlotFactory

pytestmark = pytest.mark.services

DEFERRED = "Le service d&#x27;envoi est momentanément indisponible"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self, tmp_path):
        self.port = _free_port()
        self.dir = tmp_path
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - fixed arguments
            [
                shutil.which("redis-server"),
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process:
            self.process.terminate()
            self.process.wait(10)
            self.process = None

    def queued_tasks(self) -> list[str]:
        client = redis.Redis.from_url(self.url)
        import json

        return [json.loads(raw)["headers"]["task"] for raw in client.lrange("celery", 0, -1)]


@pytest.fixture
def own_redis(tmp_path, settings, monkeypatch):
    """The broker and the cache on a Redis of the test's own, not started yet."""
    server = RedisServer(tmp_path)
    monkeypatch.setattr(app.conf, "broker_url", server.url)
    settings.CACHES = {
        "default": {
            "BACKEND": "imtsocial.cache.ResilientRedisCache",
            "LOCATION": server.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
    yield server
    server.stop()


def test_with_redis_down_one_logs_in_and_reads_my_space(client, make_user, own_redis):
    user = make_user(Role.EMPLOYEE)
    started = time.monotonic()
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Mon espace" in response.content.decode()
    assert time.monotonic() - started < 10  # no wait on the dead cache beyond a refusal


def test_a_booking_made_while_the_broker_is_down_is_kept_and_sent_when_it_is_back(
    client, make_user, own_redis, transactional_db
):
    person = make_user(Role.EMPLOYEE)
    make_user(Role.SOCIAL_ACTION)
    slot = SlotFactory()
    client.force_login(person)

    response = client.post(reverse("social_action:slot_book", args=[slot.pk]), follow=True)

    # the booking is saved, the person is told its e-mails will follow
    assert response.status_code == 200
    assert Booking.objects.filter(slot=slot, employee=person.employee).exists()
    page = response.content.decode()
    assert "Votre rendez-vous est réservé" in page
    assert DEFERRED in page
    waiting = OutboxMessage.objects.get()
    assert waiting.task == "social_action.tasks.notify_booking"
    assert waiting.sent_at is None and waiting.attempts == 1
    assert "Connection refused" in waiting.last_error or "111" in waiting.last_error

    # still down: the relay keeps it
    assert outbox.relay(older_than_seconds=0) == 0
    waiting.refresh_from_db()
    assert waiting.sent_at is None and waiting.attempts == 2

    # back: the relay hands it to the broker, once
    own_redis.start()
    assert outbox.relay(older_than_seconds=0) == 1
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert own_redis.queued_tasks() == ["social_action.tasks.notify_booking"]
    assert outbox.relay(older_than_seconds=0) == 0


def test_with_the_broker_up_the_message_is_sent_at_once_and_nothing_is_said(
    client, make_user, own_redis, transactional_db
):
    own_redis.start()
    person = make_user(Role.EMPLOYEE)
    client.force_login(person)
    response = client.post(reverse("social_action:slot_book", args=[SlotFactory().pk]), follow=True)
    assert DEFERRED not in response.content.decode()
    assert OutboxMessage.objects.get().sent_at is not None
    assert own_redis.queued_tasks() == ["social_action.tasks.notify_booking"]


def test_the_relay_leaves_young_messages_to_their_own_publication(own_redis, transactional_db):
    from imtsocial.accounts.tasks import send_invitation

    own_redis.start()
    OutboxMessage.objects.create(task=send_invitation.name, args=[1])
    assert outbox.relay(older_than_seconds=60) == 0
    assert outbox.relay(older_than_seconds=0) == 1


@pytest.mark.usefixtures("transactional_db")
def test_a_task_queued_after_commit_reaches_a_real_worker(celery_worker, make_user):
    """The normal path through the outbox: a booking's e-mails are sent by the worker."""
    from social_action import services

    person = make_user(Role.EMPLOYEE)
    correspondent = make_user(Role.SOCIAL_ACTION)
    services.slot_book(slot=SlotFactory(), employee=person.employee, by=person)
    for _ in range(100):
        if len(mail.outbox) == 2:
            break
        time.sleep(0.1)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([person.email, correspondent.email])
    assert OutboxMessage.objects.get().sent_at is not None
