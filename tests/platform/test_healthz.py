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
