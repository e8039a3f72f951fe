"""The 2020 chapter of the demo school, built by a real Celery worker: every reference
figure of the source chapter (DESIGN.md, « The reference figures ») is found in the PDF's
text, in its sentence."""

import time
from io import StringIO

import pytest
from django.core.management import call_command

from imtsocial.reports import services
from tests.reports.chapter_data import pdf_text, read

pytestmark = pytest.mark.services

# Each reference figure in the sentence of the chapter that carries it.
REFERENCE_SENTENCES = [
    # A — pay: 4 090 €, the SMIC quoted 1 555 € (01/01/2021), every benchmark above it.
    "est de 4 090 € bruts (pour rappel le SMIC est de 1 555 €)",
    "des repères minimum de rémunération, qui sont tous supérieurs au SMIC",
    # The pay distribution marks the SMIC's bracket (table and chart).
    "de 1 500 € à moins de 2 000 € (tranche du SMIC) 10",
    # A — contracts without PhD students: 90 %, 10 % (3 % under 2 years, 7 % 2 years+).
    "90 % du personnel de l'école est soit fonctionnaire, soit agent contractuel en CDI",
    "10 % du personnel est en CDD : 3 % en CDD de moins de 2 ans et 7 % en CDD de 2 ans ou plus",
    # A — telework: the transitional regime at 31/12, 33 teleworkers before it.
    "un dispositif transitoire de télétravail est applicable à l'ensemble du personnel",
    "33 personnes travaillaient en télétravail à raison d'1 à 2 jours par semaine",
    # A — equipment lent.
    "100 ordinateurs portables, 150 casques et micros, 150 écrans",
    # C — about 100 hours of training; 23 talent developers trained.
    "Au total ce sont 100 heures de formation dispensées",
    "23 collaborateurs ont bénéficié de cette formation au Rôle de Développeur de talents",
    # D — 12 prevention agents (6 in laboratories), 26 first-aiders in 3 laboratories, 44 hoods.
    "12 agents de prévention dont 6 affectés dans les laboratoires",
    "26 sauveteurs-secouristes du travail sont mobilisables dans les 3 laboratoires",
    "Les 44 sorbonnes de laboratoire ont été contrôlées en 2020",
    # D — exposure in R132 and R279 within the limits for the four substances.
    "sont respectées pour chaque substance mesurée",
    "n-Hexane R132 1 respectées",
    "Styrène R279 2 respectées",
    "α-Méthylstyrène R279 2 respectées",
    "Éthylène glycol R132 2 respectées",
    # E — social action.
    "(50 rendez-vous dans l'année)",
    "indemnité de rentrée en études supérieures (10 bénéficiaires)",
    "aides financières exceptionnelles (10 bénéficiaires)",
    "consultation d'avocat et psychologue (5 consultations)",
    "permanences sur site (15 consultations)",
    "(120 enfants bénéficiaires)",
    # E — declared values.
    "47 lettres ont été publiées dans l'année. (valeur déclarée)",
    "50 entretiens et témoignages ont été publiés",
    "30 personnes ont partagé la photo de leur poste de travail",
    "Un numéro vert d'écoute a été déployé",
    # Annex: the SMIC at the reference date (1 539,42 €) and at publication (1 554,58 €).
    "date de référence du 31 décembre 2020 : 1 539 €",
    "en vigueur à la publication : 1 555 €",
]


def test_the_demo_chapter_2020_gives_every_reference_figure(
    celery_worker, transactional_db, settings, tmp_path
):
    settings.EMBEDDED = True
    settings.MEDIA_ROOT = tmp_path
    call_command("demo", stdout=StringIO())
    edition, _created = services.request_edition(2020, None)
    deadline = time.monotonic() + 120
    while edition.status not in ("done", "failed") and time.monotonic() < deadline:
        time.sleep(0.5)
        edition.refresh_from_db()
    assert edition.status == "done", edition.error
    text = pdf_text(read(edition))
    missing = [sentence for sentence in REFERENCE_SENTENCES if sentence not in text]
    assert missing == []
    assert "Aucune donnée n'est enregistrée" not in text
