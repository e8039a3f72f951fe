"""Files out: every CSV and XLSX download of the intranet is written here, neutralised.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by a spreadsheet (« =HYPERLINK(…) », « =CMD|' /C calc'!A0 »): such a text is
prefixed with an apostrophe (OWASP, « CSV injection »), in CSV and XLSX alike; an XLSX
cell is always written as text (``data_type`` « s »), never as a formula::

    return csv_response("personnel-20261202.csv", ["Matricule", "Nom"], rows)
    return xlsx_response("personnel-20261202.xlsx", _("Personnel"), ["Matricule", "Nom"], rows)

``header`` is a list of column titles (or ``None``), ``rows`` any iterable of sequences
(a ``values_list(...).iterator()``); values become
text: ``None`` → empty, a date → « JJ/MM/AAAA », a boolean → « oui »/« non », an amount
(``Decimal``) → « 4090,50 ». The CSV is UTF-8 with a BOM (Excel reads the accents) and
``;`` separated (French Excel).
"""

import csv
from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(text: str) -> str:
    """``text``, prefixed with « ' » when a spreadsheet would read it as a formula."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def cell_text(value) -> str:
    """One value of an export as the text written in the file (neutralised)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{local:%d/%m/%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, Decimal):
        return f"{value:f}".replace(".", ",")
    return neutralise(str(value))


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    safe = "".join(c for c in filename if c.isalnum() or c in "-_.") or "export"
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def write_csv(out, rows, *, header=None) -> None:
    """Write ``rows`` (and ``header``) neutralised to a text stream, ``;`` separated."""
    writer = csv.writer(out, delimiter=";")
    if header is not None:
        writer.writerow([cell_text(value) for value in header])
    for row in rows:
        writer.writerow([cell_text(value) for value in row])


def csv_response(filename: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # lets Excel read the accents
    write_csv(response, rows, header=header)
    return _attachment(response, filename)


def write_xlsx(out, rows, *, header=None, title: str = "") -> None:
    """Write ``rows`` (and ``header``) to a binary stream as a one-sheet workbook whose
    every cell is text."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    # a sheet title: 31 characters at most, none of []:*?/\
    name = "".join(c for c in str(title or _("Export")) if c not in "[]:*?/\\")[:31]
    sheet = workbook.create_sheet(name or "Export")

    def cells(values):
        for value in values:
            cell = WriteOnlyCell(sheet, value=None)
            cell.value = cell_text(value)
            cell.data_type = "s"  # text, whatever it looks like: never a formula
            yield cell

    if header is not None:
        sheet.append(list(cells(header)))
    for row in rows:
        sheet.append(list(cells(row)))
    workbook.save(out)


def xlsx_response(filename: str, title: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type=XLSX_TYPE)
    write_xlsx(response, rows, header=header, title=title)
    return _attachment(response, filename)
