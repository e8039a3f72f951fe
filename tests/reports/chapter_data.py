"""Small hand-made data for the chapter tests, and reading a PDF's text."""

import io
import re
from datetime import date
from decimal import Decimal

from hr.enums import ContractKind
from imtsocial.reports.models import DeclaredValue
from tests.factories import ContractFactory, SalaryRecordFactory


def small_school(hr_user):
    """3 civil servants (3 000, 4 000 and 5 200 € raised to 5 500 € on 01/07/2020), two
    CDD that begin in 2020 (731 days: « 2 years or more »; 365 days: « under 2 years »),
    one PhD student since 01/10/2019, and 47 newsletters declared by HR for 2020."""
    for salary, raise_to in (("3000", None), ("4000", None), ("5200", "5500")):
        contract = ContractFactory(kind=ContractKind.TITULAIRE, start=date(2015, 9, 1))
        SalaryRecordFactory(contract=contract, gross_monthly=Decimal(salary))
        if raise_to:
            SalaryRecordFactory(
                contract=contract,
                effective_date=date(2020, 7, 1),
                gross_monthly=Decimal(raise_to),
            )
    ContractFactory(kind=ContractKind.CDD, start=date(2020, 1, 1), end=date(2021, 12, 31))
    ContractFactory(kind=ContractKind.CDD, start=date(2020, 9, 1), end=date(2021, 8, 31))
    ContractFactory(doctorant=True)
    DeclaredValue.objects.create(
        code="newsletters",
        year=2020,
        value=Decimal(47),
        on=date(2020, 12, 31),
        source="Archives de la lettre interne",
        entered_by=hr_user,
    )


def pdf_text(content: bytes) -> str:
    """The text of a PDF (pypdf: poppler's pdftotext is not installed), one space for
    every run of spaces (ordinary, non-breaking, narrow) and line breaks."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def read(edition) -> bytes:
    """The published PDF of an edition (file closed after reading)."""
    with edition.pdf.open("rb") as handle:
        return handle.read()


def structure(content: bytes) -> tuple[set[str], list[str]]:
    """The tags of a PDF's structure tree and the text alternatives (/Alt) of its nodes."""
    from pypdf import PdfReader

    kinds, alts = set(), []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not isinstance(node, dict):
            return
        if "/S" in node:
            kinds.add(str(node["/S"]))
        if "/Alt" in node:
            alts.append(str(node["/Alt"]))
        children = node.get("/K")
        if children is not None:
            for child in children if isinstance(children, list) else [children]:
                if hasattr(child, "get_object"):
                    walk(child)

    walk(PdfReader(io.BytesIO(content)).trailer["/Root"]["/StructTreeRoot"])
    return kinds, alts
