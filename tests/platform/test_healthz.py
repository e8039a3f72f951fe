import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.services
def test_healthz_reports_database_and_broker_up_without_login(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "ok", "status": "ok"}


@pytest.mark.services
def test_healthz_answers_503_when_the_broker_is_down(client):
    from imtsocial.celery import app

    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get(reverse("healthz"))
    finally:
        app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "error", "status": "error"}


def test_healthz_only_answers_get(client):
    assert client.post(reverse("healthz")).status_code == 405


def test_tasks_in_the_web_process_are_unhealthy_in_production(client, settings):
    from imtsocial.celery import app

    settings.EMBEDDED = False
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        response = client.get(reverse("healthz"))
    finally:
        app.conf.task_always_eager = previous
    assert response.status_code == 503
    assert response.json()["broker"] == "error"


def test_tasks_in_the_web_process_are_expected_in_the_embedded_demo(client, settings):
    from imtsocial.celery import app

    settings.EMBEDDED = True
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    try:
        response = client.get(reverse("healthz"))
    finally:
        app.conf.task_always_eager = previous
    assert response.json()["broker"] == "inline"
