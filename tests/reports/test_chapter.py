"""The chapter's PDF: the figures of small hand-made data in the text of the source,
a year without data that says so section by section, PDF/A-3a with its structure tree,
French language, title and author."""

import io
import re

import pytest
from pypdf import PdfReader

from imtsocial.accounts.roles import Role
from imtsocial.reports.pdf import PDF_VARIANT, chapter_pdf
from tests.reports.chapter_data import pdf_text, small_school, structure

pytestmark = pytest.mark.django_db


def test_the_chapter_places_the_figures_of_the_year_in_the_text_of_the_source(make_user):
    small_school(make_user(Role.HR))
    content = chapter_pdf(2020)
    text = pdf_text(content)
    # Fixed legal text, kept as text.
    assert "le travail des enfants sont interdits par la Constitution et la loi françaises" in text
    assert "loi nᵒ 75-1334 du 31 décembre 1975" in text
    # (3 000 + 4 000 + 5 500) / 3 = 4 166,67 → « 4 167 € »; the SMIC quoted is the one of
    # 01/01/2021 (1 554,58 € → 1 555 €), the annex also gives the one of 31/12/2020 (1 539 €).
    assert "au 31/12/2020 est de 4 167 € bruts (pour rappel le SMIC est de 1 555 €)" in text
    assert "date de référence du 31 décembre 2020 : 1 539 €" in text
    assert "en vigueur à la publication : 1 555 €" in text
    # Without the PhD student: 3 permanent of 5 = 60 %, 2 CDD = 40 % (one of 365 days:
    # under 2 years, 20 %; one of 731 days: 2 years or more, 20 %).
    assert "60 % du personnel de l'école est soit fonctionnaire" in text
    assert "40 % du personnel est en CDD : 20 % en CDD de moins de 2 ans et 20 % en CDD" in text
    # Each contract group has fewer than 5 people: « < 5 », never the count.
    assert "Fonctionnaires et CDI < 5" in text
    # The declared newsletters (47) are marked as declared, with their source in the annex.
    assert "47 lettres ont été publiées dans l'année. (valeur déclarée)" in text
    assert "Valeur déclarée : Archives de la lettre interne" in text
    # B, C and D have no data in this school: they say so, with no zero printed as a fact.
    assert text.count("Aucune donnée n'est enregistrée dans l'intranet pour cette section") == 3
    assert "0 réunions" not in text and "0 sorbonnes" not in text
    # Pages numbered, table of contents with the page of each section.
    assert re.search(r"A\. Politique salariale et de l'emploi \.+ 3", text)
    assert "Page 3 / " in text
    # Tagged structure: headings, real tables, and each chart a figure with its text
    # alternative (every label with its value, « < 5 » kept).
    kinds, alts = structure(content)
    assert {"/H1", "/H2", "/H3", "/P", "/Table", "/TH", "/TD", "/Figure"} <= kinds
    assert (
        "Graphique « Répartition du personnel par type de contrat (doctorants exclus) » : "
        "Fonctionnaires et CDI : < 5 ; CDD de moins de 2 ans : < 5 ; CDD de 2 ans ou plus : < 5."
    ) in alts
    pay = next(a for a in alts if "tranche de salaire" in a)
    assert "de 4\xa0000\xa0€ à moins de 4\xa0500\xa0€ : < 5" in pay


def test_a_year_without_data_says_so_in_every_section():
    text = pdf_text(chapter_pdf(2012))
    assert "Aucune donnée n'est enregistrée dans l'intranet pour l'année 2012" in text
    assert text.count("Aucune donnée n'est enregistrée dans l'intranet pour cette section") == 5
    assert "€ bruts" not in text and "% du personnel" not in text


def test_the_pdf_is_pdf_a_3a_tagged_in_french_with_title_and_author():
    content = chapter_pdf(2012)
    reader = PdfReader(io.BytesIO(content))
    root = reader.trailer["/Root"]
    # Tagged: a structure tree and the « marked » flag; the language of the document.
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert root["/Lang"] == "fr"
    # The XMP metadata declares PDF/A part 3, conformance A.
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="A"' in xmp
    assert PDF_VARIANT == "pdf/a-3a"
    assert reader.metadata.title == "ODD 8 : travail décent et croissance économique — 2012"
    assert reader.metadata.author == "IMT Mines Alès"
    # Fonts embedded (PDF/A): every font of the first page has a font file.
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert {"/FontFile2", "/FontFile3", "/FontFile"} & set(descriptor.get_object())
