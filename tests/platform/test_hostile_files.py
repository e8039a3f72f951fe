"""Hostile import files, built here, posted to the import pages as IT (the inventory import)
and HR: each one gets a French message the person sees, and nothing is written.

The IT inventory import and the hr imports share one reader (imtsocial.imports.files), so
the cases are played once through the inventory import and checked for hr where it reads
differently (a workbook of employees)."""

import codecs
import io
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from hr.enums import ImportKind
from hr.models import Employee
from imtsocial.accounts.roles import Role
from imtsocial.imports.files import ImportFileError, read_table
from imtsocial.imports.models import ImportJob, ImportStatus
from imtsocial.imports.tasks import analyse_import, run_import
from telework.models import Asset
from tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

HEADER = ["inventaire", "serie", "type", "modele", "site", "etat", "vpn", "visio"]
CSV_HEADER = ";".join(HEADER)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def it(client, make_user):
    SiteFactory(code="clavieres", name="Clavières")
    user = make_user(Role.IT)
    client.force_login(user)
    return user


def post(client, name, content):
    return client.post(
        reverse("imports:list"),
        {"kind": "telework.assets", "file": SimpleUploadedFile(name, content)},
    )


def page_text(response) -> str:
    import html

    return html.unescape(response.content.decode())


def analysed(client, name, content) -> tuple[ImportJob, str]:
    """Upload, the analysis the upload queued (run here as the worker would), the page."""
    response = post(client, name, content)
    assert response.status_code == 302, page_text(response)
    job = ImportJob.objects.get()
    analyse_import(job.pk)
    job.refresh_from_db()
    return job, page_text(client.get(reverse("imports:detail", args=[job.pk])))


def refused_at_upload(client, name, content) -> str:
    response = post(client, name, content)
    assert response.status_code == 200  # the form again, with its error next to the field
    assert not ImportJob.objects.exists()
    return page_text(response)


def workbook(*rows, extra=None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for cell, value in (extra or {}).items():
        sheet[cell] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ROW = ["PC-0001", "S1", "portable", "Latitude", "clavieres", "stock", "oui", "oui"]


# Decompression bombs ---------------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_at_upload_from_its_ratio(client, it):
    # 30 MB of one repeated byte deflate to about 30 KB: a ratio of about 1 000 (limit
    # 100), well under the 100 MB of the uncompressed limit.
    content = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"<sheetData>" + b" " * (30 * 1024 * 1024),
        }
    )
    assert len(content) < 100 * 1024
    text = refused_at_upload(client, "inventaire.xlsx", content)
    assert "Ce classeur est anormalement compressé (une partie grossit" in text
    assert "100 au plus) : il est refusé." in text
    assert not Asset.objects.exists()


def _declare(content: bytes, member: bytes, size: int) -> bytes:
    """The zip with ``member`` declared (central directory) at ``size`` bytes unzipped."""
    data = bytearray(content)
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_length = struct.unpack("<H", data[start + 28 : start + 30])[0]
        if bytes(data[start + 46 : start + 46 + name_length]) == member:
            data[start + 24 : start + 28] = struct.pack("<I", size)
        start += 4
    return bytes(data)


def test_a_workbook_declaring_gigabytes_is_refused_before_anything_is_unzipped(client, it):
    content = _declare(workbook(HEADER, ROW), b"xl/worksheets/sheet1.xml", 4_000_000_000)
    text = refused_at_upload(client, "inventaire.xlsx", content)
    # 4 000 000 000 bytes = 3,7 Gio, shown « 3,7 Go »; the limit 100 Mio, « 100,0 Mo »
    assert "Ce classeur occupe 3,7\xa0Go une fois décompressé, plus que les 100,0\xa0Mo" in text


def test_a_workbook_lying_about_its_size_does_not_inflate_beyond_it(settings):
    # Declared 1 000 bytes, really 2 000 rows: zipfile stops at the declared size and the
    # checksum fails — the workbook is unreadable, never read past what was checked.
    rows = [[f"PC-{n}", "x" * 200] for n in range(2000)]
    content = _declare(workbook(HEADER, *rows), b"xl/worksheets/sheet1.xml", 1000)
    with pytest.raises(ImportFileError, match="Ce classeur XLSX est illisible"):
        read_table(content, filename="inventaire.xlsx")


def test_blank_rows_of_a_workbook_count_towards_the_row_limit(client, it, settings):
    settings.IMPORT_MAX_ROWS = 1000
    # one data row, then a cell on the last row of a sheet, 1 048 576: 1 048 573 blank
    # rows in between — refused once line 1 002 is read (the header and 1 000 lines)
    content = workbook(HEADER, ROW, extra={"A1048576": "x"})
    job, text = analysed(client, "inventaire.xlsx", content)
    assert job.status == ImportStatus.INVALID
    assert (
        "Le fichier dépasse 1 000 lignes (lignes vides comprises) : découpez-le en "
        "plusieurs fichiers." in text
    )
    assert not Asset.objects.exists()


def test_blank_lines_before_the_header_count_too(settings):
    settings.IMPORT_MAX_ROWS = 10
    content = ("\n" * 20 + CSV_HEADER + "\n" + ";".join(ROW) + "\n").encode()
    with pytest.raises(ImportFileError, match="dépasse 10 lignes"):
        read_table(content, filename="inventaire.csv")


def test_a_huge_cell_is_refused_with_its_line_and_column(client, it):
    content = workbook(HEADER, ["PC-0001", "S" * 5000, *ROW[2:]])
    job, text = analysed(client, "inventaire.xlsx", content)
    assert job.status == ImportStatus.INVALID
    assert "Ligne 2, colonne B : la cellule dépasse 1\u202f000 caractères." in text
    assert not Asset.objects.exists()


def test_a_huge_csv_cell_is_refused_at_upload(client, it):
    content = (
        CSV_HEADER + "\nPC-0001;" + "S" * 300_000 + ";portable;L;clavieres;;oui;oui"
    ).encode()
    text = refused_at_upload(client, "inventaire.csv", content)
    assert "Ligne 2 : une cellule dépasse 1\u202f000 caractères." in text


def test_too_many_columns_are_refused(client, it):
    # 61 columns, the limit is 60 (IMPORT_MAX_COLUMNS)
    content = (";".join(HEADER + [f"c{n}" for n in range(53)]) + "\n" + ";".join(ROW)).encode()
    assert len(content.split(b"\n")[0].split(b";")) == 61
    text = refused_at_upload(client, "inventaire.csv", content)
    assert "La ligne 1 a plus de 60 colonnes : un fichier d'import en a 60 au plus." in text


def _rewritten(content: bytes, member: bytes, change) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    name = member.decode()
    changed = change(members[name])
    assert changed != members[name]
    return _zip({**members, name: changed})


def test_a_sheet_declaring_a_small_dimension_hides_no_row(settings):
    # openpyxl's read-only mode trusts the declared dimension: « A1:B2 » would hide row 3
    content = _rewritten(
        workbook(HEADER, ROW, ["PC-0002", *ROW[1:]]),
        b"xl/worksheets/sheet1.xml",
        lambda xml: xml.replace(b'<dimension ref="A1:H3" />', b'<dimension ref="A1:B2" />'),
    )
    table = read_table(content, filename="inventaire.xlsx")
    assert [row[0] for row in table.rows] == ["PC-0001", "PC-0002"]
    assert len(table.headers) == 8


# Formulas -------------------------------------------------------------------------------

FORMULAS = ["=CMD|' /C calc'!A0", '=HYPERLINK("http://evil.example/x","clic")', "=1+2"]


def test_formula_cells_of_a_workbook_are_refused_with_their_line_and_column(client, it):
    rows = [[f"PC-000{n}", formula, *ROW[2:]] for n, formula in enumerate(FORMULAS, start=1)]
    job, text = analysed(client, "inventaire.xlsx", workbook(HEADER, *rows))
    assert job.status == ImportStatus.INVALID
    problems = [(e["line"], e["column"], e["message"]) for e in job.summary["errors"]]
    tail = (
        " ») : un fichier d'import ne contient que des valeurs (dans le tableur : copier, "
        "puis « Collage spécial › Valeurs »)."
    )
    assert problems == [
        (2, "serie", "Formule refusée (« =CMD|' /C calc'!A0" + tail),
        (3, "serie", 'Formule refusée (« =HYPERLINK("http://evil.example/x","cli…' + tail),
        (4, "serie", "Formule refusée (« =1+2" + tail),
    ]
    assert "Formule refusée (« =1+2" + tail in text
    assert "3 erreurs à corriger" in text
    # nothing can be confirmed: the import refuses a file with errors
    client.post(reverse("imports:confirm", args=[job.pk]))
    run_import(job.pk, it.pk)
    assert not Asset.objects.exists()


def test_a_formula_written_in_a_csv_is_refused_too(client, it):
    content = (CSV_HEADER + "\n" + ";".join(["=1+2", *ROW[1:]]) + "\n").encode()
    job, _text = analysed(client, "inventaire.csv", content)
    assert job.status == ImportStatus.INVALID
    assert (2, "inventaire") in [(e["line"], e["column"]) for e in job.summary["errors"]]
    assert not Asset.objects.exists()


def test_a_formula_in_an_hr_workbook_is_refused(client, make_user):
    client.force_login(make_user(Role.HR))
    header = ["matricule", "date_effet", "brut_mensuel", "indice_majore"]
    content = workbook(header, ["S0001", "01/09/2025", "=4000*2", 728])
    client.post(
        reverse("imports:list"),
        {"kind": ImportKind.SALARIES, "file": SimpleUploadedFile("salaires.xlsx", content)},
    )
    job = ImportJob.objects.get()
    analyse_import(job.pk)
    job.refresh_from_db()
    assert (2, "brut_mensuel") in [(e["line"], e["column"]) for e in job.summary["errors"]]
    assert job.status == ImportStatus.INVALID


# Encodings ------------------------------------------------------------------------------


def _inventory(*models: str) -> str:
    rows = [f"PC-000{n};S{n};portable;{m};clavieres;stock;oui;oui" for n, m in enumerate(models)]
    return "\n".join([CSV_HEADER, *rows]) + "\n"


def test_a_utf8_file_with_one_windows_1252_line_is_refused_naming_the_line(client, it):
    lines = _inventory("Écran Hélène", "Latitude", "Müller").split("\n")
    content = "\n".join(lines[:3]).encode() + b"\n" + lines[3].encode("cp1252") + b"\n"
    text = refused_at_upload(client, "inventaire.csv", content)
    assert (
        "Le fichier mélange deux encodages : la ligne 4 n'est pas en UTF-8 alors que la "
        "ligne 2 l'est. Enregistrez tout le fichier au format « CSV UTF-8 »" in text
    )
    assert "MÃ¼ller" not in text
    # the same with a BOM (Excel's « CSV UTF-8 »), the bad line first
    content = codecs.BOM_UTF8 + lines[0].encode() + b"\n" + lines[3].encode("cp1252")
    text = refused_at_upload(client, "inventaire.csv", content)
    assert (
        "Le fichier s'annonce en UTF-8 (il commence par la marque UTF-8) mais la ligne 2 "
        "ne l'est pas." in text
    )


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "cp1252", "utf-16"],  # Python's utf-16 writes its BOM
)
def test_each_single_encoding_imports_the_names_as_typed(client, it, encoding):
    content = _inventory("Écran Hélène", "Müller").encode(encoding)
    job, _text = analysed(client, "inventaire.csv", content)
    assert job.status == ImportStatus.READY, job.summary
    client.post(reverse("imports:confirm", args=[job.pk]))
    run_import(job.pk, it.pk)
    assert sorted(Asset.objects.values_list("model_name", flat=True)) == ["Müller", "Écran Hélène"]


def test_utf16_without_its_bom_is_named(client, it):
    content = _inventory("Müller").encode("utf-16-le")
    text = refused_at_upload(client, "inventaire.csv", content)
    assert "Ce fichier semble encodé en UTF-16 sans l'indiquer" in text
    assert "enregistrez-le au format « CSV UTF-8 »" in text


# Sizes ----------------------------------------------------------------------------------


def test_the_it_inventory_import_has_the_size_limit_of_every_import(client, it, settings):
    settings.IMPORT_MAX_BYTES = 1024
    content = _inventory(*["Latitude"] * 40).encode()
    assert len(content) > 1024
    text = refused_at_upload(client, "inventaire.csv", content)
    assert "Le fichier dépasse la taille maximale de 1,0\xa0Ko." in text
    assert not Asset.objects.exists()


def test_an_hr_workbook_of_blank_rows_writes_nothing(client, make_user, settings):
    settings.IMPORT_MAX_ROWS = 100
    client.force_login(make_user(Role.HR))
    before = Employee.objects.count()
    content = workbook(["matricule"], extra={"A500": "S1"})
    client.post(
        reverse("imports:list"),
        {"kind": ImportKind.EMPLOYEES, "file": SimpleUploadedFile("agents.xlsx", content)},
    )
    job = ImportJob.objects.get()
    analyse_import(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.INVALID
    assert "dépasse 100 lignes" in job.summary["message"]
    assert Employee.objects.count() == before
