"""Find strings in a WeasyPrint PDF without a PDF library: the edition makes every
unit and entry a bookmark, whose titles are PDF strings (literal or UTF-16BE hex),
possibly inside compressed object streams."""

import re
import zlib


def _chunks(pdf: bytes):
    yield pdf
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            yield zlib.decompress(match.group(1))
        except zlib.error:
            continue


def pdf_strings(pdf: bytes) -> str:
    """Every PDF string of the file, decoded, one per line."""
    found = []
    for chunk in _chunks(pdf):
        for hexa in re.findall(rb"<(FEFF[0-9A-Fa-f]+)>", chunk, re.IGNORECASE):
            found.append(
                bytes.fromhex(hexa.decode()).decode("utf-16-be", "replace").lstrip("\ufeff")
            )
        for literal in re.findall(rb"\(((?:[^()\\]|\\.)*)\)", chunk):
            raw = re.sub(rb"\\(.)", rb"\1", literal)
            if raw.startswith(b"\xfe\xff"):
                found.append(raw.decode("utf-16-be", "replace").lstrip("\ufeff"))
            else:
                found.append(raw.decode("latin-1"))
    return "\n".join(found)
