"""Reading an import file: CSV (``;`` or ``,``) or XLSX (first sheet), with the line of each
row in the file. ONE reader for every importer (hr, IT inventory, training attendance…).

Limits come from the settings, for every importer:

- ``IMPORT_MAX_BYTES``: the file;
- a workbook is a zip, inspected from its directory BEFORE anything is decompressed
  (``check_workbook``): the sum of its parts unzipped (``IMPORT_MAX_UNCOMPRESSED_BYTES``),
  their compression ratio (``IMPORT_MAX_COMPRESSION_RATIO``) and their number
  (``IMPORT_MAX_ZIP_MEMBERS``). Python's zipfile never inflates a part beyond the size its
  directory declares (it stops there and fails on the checksum), so a lying directory
  does not get past these limits either;
- the sheet is read by openpyxl in read-only streaming mode, dimensions reset (a sheet
  declaring « A1:B2 » cannot hide rows, one declaring « A1:XFD1048576 » does not pad every
  row to 16 384 cells);
- ``IMPORT_MAX_ROWS`` lines after the header, blank lines included (a file padded with a
  million empty rows is refused as soon as the limit is passed), ``IMPORT_MAX_COLUMNS``
  columns, ``IMPORT_MAX_CELL_CHARS`` characters per cell;
- a formula is never data: a formula cell (``=…``, in a workbook or written in a CSV)
  is refused with its line and column;
- one encoding per CSV: UTF-8 (with or without BOM), else Windows-1252 for the whole file,
  UTF-16 recognised by its BOM; a file that mixes UTF-8 and Windows-1252 lines is refused
  with the first line that is not UTF-8 (rather than imported as « MÃ¼ller »).

The reading itself runs in the worker (``services.import_job_analyse``), under the time
limit ``IMPORT_TASK_TIME_LIMIT`` (checked as it goes, ``deadline``; Celery's own limits a
little later are the backstop); the upload only runs ``inspect_file`` (cheap checks, no
parsing of a workbook).
"""

import codecs
import csv
import io
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imtsocial.errors import DomainError
from imtsocial.formats import filesize
from imtsocial.imports.messages import coded

ALLOWED_EXTENSIONS = (".csv", ".xlsx")
FORMULA = gettext_lazy(
    "Formule refusée (« %(value)s ») : un fichier d'import ne contient que des valeurs "
    "(dans le tableur : copier, puis « Collage spécial › Valeurs »)."
)


class ImportFileError(DomainError):
    """The uploaded file cannot be read or is refused."""


class TimeLimitReached(BaseException):
    """The analysis or the import ran past ``IMPORT_TASK_TIME_LIMIT``.

    A ``BaseException``, like Celery's own limits: django-import-export turns every
    ``Exception`` of a row into an error of that row and goes on; this one stops the run."""


def check_deadline(deadline: float | None) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise TimeLimitReached


@dataclass
class Table:
    """The cells of a file: header, data rows and the line of each row in the file.

    ``problems``: line → ``[(column, message)]`` found while reading (a formula cell, more
    cells than the header); ``column`` is the header's name of the cell, or ``""``."""

    headers: list[str] = field(default_factory=list)
    header_line: int = 1
    rows: list[list] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    problems: dict[int, list[tuple[str, str]]] = field(default_factory=dict)


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


def _thousands(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def column_letter(index: int) -> str:
    """« A » for the first column, « AB » for the 28th (as the spreadsheet shows it)."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


# Encodings ------------------------------------------------------------------------------


def _line_of(content: bytes, offset: int) -> int:
    return content.count(b"\n", 0, offset) + 1


def _lines_by_encoding(body: bytes) -> tuple[int | None, int | None]:
    """The first line that is not UTF-8, the first non-ASCII line that is (if any)."""
    bad = good = None
    for number, raw in enumerate(body.split(b"\n"), start=1):
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            bad = bad or number
        else:
            good = good or number
        if bad and good:
            break
    return bad, good


def decode_csv(content: bytes) -> str:
    """The text of a CSV file in its one encoding, or a French refusal (see the module)."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                _(
                    "Ce fichier annonce l'encodage UTF-16 mais la ligne %(line)s ne l'est pas : "
                    "enregistrez-le au format « CSV UTF-8 »."
                )
                % {"line": content[: exc.start].decode("utf-16", "replace").count("\n") + 1}
            ) from exc
    if b"\x00" in content[:4096]:
        raise ImportFileError(
            _(
                "Ce fichier semble encodé en UTF-16 sans l'indiquer (pas de marque d'ordre des "
                "octets) : enregistrez-le au format « CSV UTF-8 »."
            )
        )
    has_bom = content.startswith(codecs.BOM_UTF8)
    body = content[len(codecs.BOM_UTF8) :] if has_bom else content
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad, good = _lines_by_encoding(body)
        bad = bad or _line_of(body, exc.start)
        if good:
            raise ImportFileError(
                _(
                    "Le fichier mélange deux encodages : la ligne %(line)s n'est pas en UTF-8 "
                    "alors que la ligne %(other)s l'est. Enregistrez tout le fichier au format "
                    "« CSV UTF-8 » puis déposez-le à nouveau."
                )
                % {"line": bad, "other": good}
            ) from exc
        if has_bom:
            raise ImportFileError(
                _(
                    "Le fichier s'annonce en UTF-8 (il commence par la marque UTF-8) mais la "
                    "ligne %(line)s ne l'est pas. Enregistrez tout le fichier au format "
                    "« CSV UTF-8 » puis déposez-le à nouveau."
                )
                % {"line": bad}
            ) from exc
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            _(
                "Encodage du fichier non reconnu (ligne %(line)s) : enregistrez-le au format "
                "« CSV UTF-8 »."
            )
            % {"line": _line_of(body, exc.start)}
        ) from exc


def _csv_records(content: bytes):
    """Each record of the CSV file as ``(line, [(value, is_formula)…])``."""
    text = decode_csv(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            # a formula typed in a CSV becomes live in the spreadsheet that opens it
            yield reader.line_num, [(value, value.lstrip().startswith("=")) for value in record]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # a cell of over 128 Kio
            raise ImportFileError(
                _("Ligne %(line)s : une cellule dépasse %(max)s caractères.")
                % {"line": reader.line_num, "max": _thousands(settings.IMPORT_MAX_CELL_CHARS)}
            ) from exc
        raise ImportFileError(
            _("Fichier CSV illisible à la ligne %(line)s : %(detail)s.")
            % {"line": reader.line_num, "detail": exc}
        ) from exc


# Workbooks ------------------------------------------------------------------------------


def check_workbook(content: bytes) -> None:
    """Refuse a workbook that would inflate too much, from the zip directory only."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(_("Ce classeur XLSX est illisible.")) from exc
    if len(members) > settings.IMPORT_MAX_ZIP_MEMBERS:
        raise ImportFileError(
            _("Ce classeur contient %(count)s parties, plus que les %(limit)s acceptées.")
            % {"count": _thousands(len(members)), "limit": settings.IMPORT_MAX_ZIP_MEMBERS}
        )
    total = sum(info.file_size for info in members)
    limit = settings.IMPORT_MAX_UNCOMPRESSED_BYTES
    if total > limit:
        raise ImportFileError(
            _(
                "Ce classeur occupe %(size)s une fois décompressé, plus que les %(limit)s "
                "acceptés : enregistrez-le en CSV ou découpez-le."
            )
            % {"size": filesize(total), "limit": filesize(limit)}
        )
    ratio_limit = settings.IMPORT_MAX_COMPRESSION_RATIO
    for info in members:
        # small parts (styles, a near-empty sheet) compress very well and weigh nothing
        if info.file_size > 1024 * 1024 and info.file_size > ratio_limit * max(
            info.compress_size, 1
        ):
            raise ImportFileError(
                _(
                    "Ce classeur est anormalement compressé (une partie grossit %(ratio)s fois "
                    "une fois décompressée, %(limit)s au plus) : il est refusé. Enregistrez-le "
                    "en CSV ou à nouveau depuis votre tableur."
                )
                % {
                    "ratio": _thousands(info.file_size // max(info.compress_size, 1)),
                    "limit": ratio_limit,
                }
            )


def _is_formula(cell) -> bool:
    """A formula cell, or a text cell that a spreadsheet would read as one (« =… »)."""
    value = cell.value
    return getattr(cell, "data_type", "") == "f" or (
        isinstance(value, str) and value.lstrip().startswith("=")
    )


def _xlsx_records(content: bytes):
    """Each row of the first sheet as ``(line, [(value, is_formula)…])``, streamed."""
    import openpyxl

    check_workbook(content)
    try:
        # data_only=False: a formula cell shows as a formula (refused), not its cached value
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # zip, XML or openpyxl errors: all mean "not readable"
        raise ImportFileError(_("Ce classeur XLSX est illisible.")) from exc
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the declared dimension neither hides nor pads rows
        # One column more than the limit is read, to know that the limit is passed.
        rows = sheet.iter_rows(max_col=settings.IMPORT_MAX_COLUMNS + 1)
        line = 0
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except Exception as exc:  # a malformed sheet, found while streaming it
                raise ImportFileError(_("Ce classeur XLSX est illisible.")) from exc
            line += 1
            yield line, [(cell.value, _is_formula(cell)) for cell in row]
    finally:
        book.close()


# The table ------------------------------------------------------------------------------


def _too_many_rows(limit: int) -> ImportFileError:
    return ImportFileError(
        _(
            "Le fichier dépasse %(max)s lignes (lignes vides comprises) : découpez-le en "
            "plusieurs fichiers."
        )
        % {"max": _thousands(limit).replace("\u202f", " ")}
    )


def _check_extension(content: bytes, filename: str) -> str:
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
    return extension


def inspect_file(content: bytes, *, filename: str) -> str:
    """The cheap checks of an upload, in the web request: the format, a workbook's zip
    directory, a CSV's encoding. Returns the extension. Parsing is the worker's job."""
    extension = _check_extension(content, filename)
    if extension == ".xlsx":
        check_workbook(content)
    else:
        decode_csv(content)
    return extension


def read_table(content: bytes, *, filename: str, deadline: float | None = None) -> Table:
    """The header and the non-blank rows of a CSV or XLSX file (first sheet).

    Every line counts towards the row limit, blank ones included; the first non-blank
    line is the header."""
    extension = _check_extension(content, filename)
    max_rows = settings.IMPORT_MAX_ROWS
    max_columns = settings.IMPORT_MAX_COLUMNS
    max_chars = settings.IMPORT_MAX_CELL_CHARS
    records = _xlsx_records(content) if extension == ".xlsx" else _csv_records(content)
    table = Table()
    width = None
    seen = 0
    for line, record in records:
        seen += 1
        if seen % 500 == 0:
            check_deadline(deadline)
        if seen > max_rows + 1:
            raise _too_many_rows(max_rows)
        while record and _cell(record[-1][0]) == "":
            record = record[:-1]
        if not record:
            continue
        if len(record) > max_columns:
            raise ImportFileError(
                _(
                    "La ligne %(line)s a plus de %(max)s colonnes : un fichier d'import en a "
                    "%(max)s au plus."
                )
                % {"line": line, "max": max_columns}
            )
        for index, (value, _formula) in enumerate(record):
            if isinstance(value, str) and len(value) > max_chars:
                raise ImportFileError(
                    _("Ligne %(line)s, colonne %(column)s : la cellule dépasse %(max)s caractères.")
                    % {"line": line, "column": column_letter(index), "max": _thousands(max_chars)}
                )
        cells = [_cell(value) for value, _formula in record]
        if not any(cell != "" for cell in cells):
            continue
        if width is None:
            if any(formula for _value, formula in record):
                raise ImportFileError(
                    _(
                        "L'en-tête (ligne %(line)s) contient une formule : écrivez les noms des "
                        "colonnes."
                    )
                    % {"line": line}
                )
            headers = [cell_text(cell).lower() for cell in cells]
            table.headers, table.header_line, width = headers, line, len(headers)
            continue
        found = table.problems.get(line, [])
        for index, (value, formula) in enumerate(record):
            if formula:
                name = table.headers[index] if index < width else column_letter(index)
                text = str(value)
                text = text if len(text) <= 40 else text[:39] + "…"
                found.append((name, coded(FORMULA, value=text)))
                cells[index] = ""  # never read as a value
        if any(cell != "" for cell in cells[width:]):
            found.append(("", coded(gettext_lazy("Cette ligne a plus de cellules que l'en-tête."))))
        if found:
            table.problems[line] = found
        table.rows.append((cells + [""] * width)[:width])
        table.lines.append(line)
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
