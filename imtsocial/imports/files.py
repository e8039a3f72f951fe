"""Reading an import file: CSV (``;`` or ``,``, UTF-8 with or without BOM, else
Windows-1252) or XLSX (first sheet), with the line of each row in the file.

Limits come from the settings, for every importer: ``IMPORT_MAX_BYTES`` (the file),
``IMPORT_MAX_ROWS`` (data rows) and, for a workbook, ``IMPORT_MAX_UNCOMPRESSED_BYTES``
(the sum of the sizes of its parts once unzipped, read from the zip directory before
anything is decompressed: a small workbook that inflates to gigabytes is refused).
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from imtsocial.errors import DomainError
from imtsocial.formats import filesize

ALLOWED_EXTENSIONS = (".csv", ".xlsx")


class ImportFileError(DomainError):
    """The uploaded file cannot be read or is refused."""


@dataclass
class Table:
    """The cells of a file: header, data rows and the line of each row in the file."""

    headers: list[str] = field(default_factory=list)
    header_line: int = 1
    rows: list[list] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    problems: dict[int, list[str]] = field(default_factory=dict)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def _decode(content: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(
        _("Encodage du fichier non reconnu : enregistrez-le en CSV UTF-8 ou Windows-1252.")
    )


def _csv_records(content: bytes):
    text = _decode(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise ImportFileError(_("Fichier CSV illisible : %(detail)s.") % {"detail": exc}) from exc


def check_workbook_size(content: bytes) -> None:
    """Refuse a workbook whose parts, unzipped, would exceed the limit (zip bombs)."""
    limit = settings.IMPORT_MAX_UNCOMPRESSED_BYTES
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(_("Ce classeur XLSX est illisible.")) from exc
    if total > limit:
        raise ImportFileError(
            _(
                "Ce classeur occupe %(size)s une fois décompressé, plus que les %(limit)s "
                "acceptés : enregistrez-le en CSV ou découpez-le."
            )
            % {"size": filesize(total), "limit": filesize(limit)}
        )


def _xlsx_records(content: bytes):
    import openpyxl

    check_workbook_size(content)
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # zip, XML or openpyxl errors: all mean "not readable"
        raise ImportFileError(_("Ce classeur XLSX est illisible.")) from exc
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def _too_many_rows(limit: int) -> ImportFileError:
    return ImportFileError(
        _("Le fichier dépasse %(max)s lignes : découpez-le en plusieurs fichiers.")
        % {"max": f"{limit:,}".replace(",", " ")}
    )


def read_table(content: bytes, *, filename: str) -> Table:
    """The header and the non-blank rows of a CSV or XLSX file (first sheet).

    Blank lines count towards the row limit too: a file padded with millions of empty
    rows is refused as quickly as a file with millions of rows."""
    extension = Path(filename).suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ImportFileError(_("Format non pris en charge : déposez un fichier CSV ou XLSX."))
    is_zip = content[:4] == b"PK\x03\x04"
    if extension == ".xlsx" and not is_zip:
        raise ImportFileError(_("Ce fichier n'est pas un classeur XLSX."))
    if extension == ".csv" and is_zip:
        raise ImportFileError(
            _(
                "Ce fichier est un classeur : enregistrez-le au format CSV "
                "ou donnez-lui l'extension .xlsx."
            )
        )
    max_rows = settings.IMPORT_MAX_ROWS
    records = _xlsx_records(content) if extension == ".xlsx" else _csv_records(content)
    table = Table()
    width = None
    for line, record in enumerate(records, start=1):
        if line > max_rows + 1 and width is not None:
            raise _too_many_rows(max_rows)
        cells = [_cell(value) for value in record]
        if not any(cell != "" for cell in cells):
            continue
        if width is None:
            headers = [cell_text(cell).lower() for cell in cells]
            while headers and headers[-1] == "":
                headers.pop()
            table.headers, table.header_line, width = headers, line, len(headers)
            continue
        if any(cell != "" for cell in cells[width:]):
            table.problems.setdefault(line, []).append(
                _("Cette ligne a plus de cellules que l'en-tête.")
            )
        table.rows.append((cells + [""] * width)[:width])
        table.lines.append(line)
        if len(table.rows) > max_rows:
            raise _too_many_rows(max_rows)
    return table


def check_headers(headers: list[str], expected: tuple[str, ...]) -> str | None:
    """``None`` when the file has exactly the expected columns (in any order)."""
    missing = [c for c in expected if c not in headers]
    unknown = [h or _("(sans nom)") for h in headers if h not in expected]
    doubled = sorted({h for h in headers if h and headers.count(h) > 1})
    if not (missing or unknown or doubled):
        return None
    parts = [
        _("Les colonnes du fichier ne sont pas celles attendues : %(expected)s.")
        % {"expected": ";".join(expected)}
    ]
    if missing:
        parts.append(_("Manquantes : %(columns)s.") % {"columns": ", ".join(missing)})
    if unknown:
        parts.append(_("Inconnues : %(columns)s.") % {"columns": ", ".join(unknown)})
    if doubled:
        parts.append(_("En double : %(columns)s.") % {"columns": ", ".join(doubled)})
    return " ".join(parts)
