"""The report page (/rapport/): the director and HR pick a past year, see its figures,
ask for the PDF (joined while one runs), follow the progress, download the editions.
Every other person gets a 404 on every URL of the editions."""

import hashlib
import re
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from imtsocial.accounts.roles import Role
from imtsocial.reports.models import Edition

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate().year - 1
OTHER_ROLES = [None, *[r for r in Role if r not in (Role.DIRECTOR, Role.HR)]]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _done_edition(year=2020, number=1, content=b"%PDF-1.7 chapitre\n%%EOF", by=None):
    edition = Edition.objects.create(year=year, number=number, status="done", requested_by=by)
    edition.pdf.save(edition.filename, ContentFile(content), save=False)
    edition.sha256 = hashlib.sha256(content).hexdigest()
    edition.size = len(content)
    edition.save()
    return edition


def _urls(edition):
    return [
        ("get", reverse("reports:index")),
        ("get", reverse("reports:index") + "?annee=2020"),
        ("post", reverse("reports:edition_request")),
        ("get", reverse("reports:edition_status", args=[edition.pk])),
        ("get", reverse("reports:edition_download", args=[edition.pk])),
    ]


@pytest.mark.parametrize("role", OTHER_ROLES, ids=lambda r: str(r))
def test_every_other_role_gets_a_404_on_every_url_of_the_editions(
    client, user_with_role, role, media
):
    edition = _done_edition()
    client.force_login(user_with_role(role))
    for method, url in _urls(edition):
        response = getattr(client, method)(url, {"annee": 2020} if method == "post" else None)
        assert response.status_code == 404, (role, url)
    assert Edition.objects.count() == 1  # the POST asked for nothing


def test_an_anonymous_visitor_is_sent_to_the_login(client, media):
    edition = _done_edition()
    for method, url in _urls(edition):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/comptes/login/" in response["Location"], url


@pytest.mark.parametrize("role", [Role.DIRECTOR, Role.HR])
def test_the_page_opens_on_last_year_with_the_figures_and_the_button(client, make_user, role):
    client.force_login(make_user(role))
    response = client.get(reverse("reports:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<option value="{LAST_YEAR}" selected>' in page
    assert f"Chapitre {LAST_YEAR}" in page and "Demander le PDF" in page
    assert 'data-testid="figures-table"' in page  # the table of the catalogue
    assert "Aucune édition pour cette année." in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (str(LAST_YEAR + 2), "n&#x27;est pas terminée"),
        (str(LAST_YEAR + 1), "n&#x27;est pas terminée"),
        ("deux-mille", "Indiquez une année à quatre chiffres"),
    ],
)
def test_a_year_not_over_or_not_a_year_is_refused_next_to_the_field(
    client, make_user, value, message
):
    client.force_login(make_user(Role.DIRECTOR))
    page = client.get(reverse("reports:index"), {"annee": value}).content.decode()
    assert 'id="annee-error"' in page and message in page
    assert "Demander le PDF" not in page
    response = client.post(reverse("reports:edition_request"), {"annee": value}, follow=True)
    assert message in response.content.decode()
    assert not Edition.objects.exists()


def test_asking_twice_joins_the_running_edition(client, make_user):
    director = make_user(Role.DIRECTOR)
    client.force_login(director)
    response = client.post(reverse("reports:edition_request"), {"annee": 2020}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("reports:index") + "?annee=2020"
    page = response.content.decode()
    assert "Le PDF du chapitre 2020 est demandé (édition 1)." in page
    # The edition in preparation is followed by the static script, with a reload link.
    assert 'data-progress-url="/rapport/editions/' in page
    assert "js/progress.js" in page and "Actualiser la page" in page
    client.force_login(make_user(Role.HR))
    page = client.post(reverse("reports:edition_request"), {"annee": 2020}, follow=True)
    assert "est déjà en cours : votre demande la rejoint (édition 1)" in page.content.decode()
    assert Edition.objects.count() == 1


def test_the_progress_reads_queued_running_done_and_failed(client, make_user):
    client.force_login(make_user(Role.HR))
    edition = Edition.objects.create(year=2020, number=1)
    url = reverse("reports:edition_status", args=[edition.pk])
    assert client.get(url).json()["status_label"] == "en attente"
    Edition.objects.filter(pk=edition.pk).update(
        status="running", progress=40, current_section="Section B — dialogue social"
    )
    data = client.get(url).json()
    assert (data["status"], data["progress"], data["section"], data["finished"]) == (
        "running",
        40,
        "Section B — dialogue social",
        False,
    )
    page = client.get(reverse("reports:index"), {"annee": 2020}).content.decode()
    assert "40 % — Section B — dialogue social" in page
    Edition.objects.filter(pk=edition.pk).update(status="failed", error="Motif en français.")
    data = client.get(url).json()
    assert (data["status_label"], data["error"], data["finished"]) == (
        "échec",
        "Motif en français.",
        True,
    )
    assert (
        "Motif en français."
        in client.get(reverse("reports:index"), {"annee": 2020}).content.decode()
    )
    assert client.get(reverse("reports:edition_status", args=[edition.pk + 99])).status_code == 404


def test_the_editions_show_who_asked_the_checksum_and_download(client, make_user, media):
    director = make_user(Role.DIRECTOR, first_name="Élodie", last_name="Martin")
    director.first_name, director.last_name = "Élodie", "Martin"
    director.save()
    edition = _done_edition(by=director)
    client.force_login(make_user(Role.HR))
    page = client.get(reverse("reports:index"), {"annee": 2020}).content.decode()
    assert "Élodie Martin" in page and edition.sha256 in page
    # b"%PDF-1.7 chapitre\n%%EOF": 5 + 3 + 1 + 8 + 1 + 5 = 23 bytes.
    assert "23\xa0octets" in page
    response = client.get(reverse("reports:edition_download", args=[edition.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="ddrs-odd8-2020-1.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 chapitre\n%%EOF"
    # An edition not done has no file to download.
    waiting = Edition.objects.create(year=2020, number=2)
    assert client.get(reverse("reports:edition_download", args=[waiting.pk])).status_code == 404


def test_the_page_takes_the_same_number_of_queries_at_two_sizes(
    client, make_user, media, django_assert_num_queries
):
    client.force_login(make_user(Role.DIRECTOR))
    _done_edition(year=2019)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(reverse("reports:index"), {"annee": 2020})  # the reference rows cached
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("reports:index"), {"annee": 2020})
    for number in range(1, 8):
        _done_edition(year=2020, number=number, by=make_user(Role.HR))
    with django_assert_num_queries(len(small)):
        client.get(reverse("reports:index"), {"annee": 2020})


def test_my_space_of_the_director_shows_the_edition_and_what_is_missing(client, make_user, media):
    client.force_login(make_user(Role.DIRECTOR))
    page = client.get(reverse("home")).content.decode()
    assert f"Aucune édition du chapitre {LAST_YEAR} : demandez le PDF." in page
    # The four declared indicators (newsletters, testimonials, photos, green number).
    assert f"4 valeurs déclarées manquent pour {LAST_YEAR}" in page
    _done_edition(year=LAST_YEAR)
    Edition.objects.filter(year=LAST_YEAR).update(requested_at=timezone.now() - timedelta(1))
    page = client.get(reverse("home")).content.decode()
    assert f"Chapitre ODD 8 — {LAST_YEAR}, édition 1" in page and "prête" in page


def test_the_years_offered_come_from_the_data(client, make_user):
    from tests.factories import ContractFactory

    ContractFactory(start=date(2016, 9, 1))
    client.force_login(make_user(Role.HR, hire_date=date(2018, 1, 1)))
    page = client.get(reverse("reports:index")).content.decode()
    offered = [int(y) for y in re.findall(r'<option value="(\d{4})"', page)]
    # From last year down to 2016, the first contract of the school.
    assert offered == list(range(LAST_YEAR, 2015, -1))
