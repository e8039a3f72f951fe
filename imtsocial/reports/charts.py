"""Charts of the chapter: SVG drawn on the server, each with its text alternative.

A chart is a horizontal bar chart of rows of a catalogue series (``label`` and a value;
``display`` when the value is a count of people shown « < 5 »). A masked value draws no
bar (its length would give the count away), only its « < 5 ». The SVG goes into the PDF
as an ``<img>`` (data: URI) whose ``alt`` is the text alternative: the title, then every
label with its value, so that a screen reader reads what the picture shows.
"""

import base64
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape

from django.utils.formats import number_format
from django.utils.translation import gettext as _

WIDTH = 480
LABEL_WIDTH = 190
VALUE_WIDTH = 60
BAR_HEIGHT = 14
GAP = 6
TOP = 6
FONT = "DejaVu Sans, Liberation Sans, sans-serif"
BAR = "#000091"
MARKED = "#c9191e"


@dataclass(frozen=True)
class Chart:
    title: str
    alt: str  # the text alternative: every label with its value
    svg: str

    @property
    def data_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


def _number(value) -> str:
    value = Decimal(str(value))
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return number_format(value, use_l10n=True, force_grouping=True)


def _shown(row: dict, key: str, suffix: str) -> str:
    text = row.get("display") if key == "count" and row.get("display") else _number(row[key])
    masked = text.startswith("<")
    return text if masked or not suffix else f"{text}\u00a0{suffix}"


def bar_chart(
    rows: list[dict],
    key: str,
    *,
    title: str,
    suffix: str = "",
    marked: str = "",
    mark_note: str = "",
) -> Chart | None:
    """A horizontal bar chart of ``rows[*][key]``; ``marked`` names a boolean key whose
    rows are drawn in red and followed by ``mark_note`` (« SMIC »). None without rows."""
    if not rows:
        return None
    shown = [_shown(row, key, suffix) for row in rows]
    values = [
        Decimal(0) if text.startswith("<") else Decimal(str(row[key]))
        for row, text in zip(rows, shown, strict=True)
    ]
    top = max(values) or Decimal(1)
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP * 2 + len(rows) * (BAR_HEIGHT + GAP)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="9">',
        f"<title>{escape(title)}</title>",
    ]
    alt_items = []
    for index, (row, text, value) in enumerate(zip(rows, shown, values, strict=True)):
        y = TOP + index * (BAR_HEIGHT + GAP)
        is_marked = bool(marked and row.get(marked))
        label = str(row["label"])
        note = f" ({mark_note})" if is_marked and mark_note else ""
        parts.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 3}" text-anchor="end">'
            f"{escape(label)}{escape(note)}</text>"
        )
        length = int(span * value / top) if value > 0 else 0
        if length:
            colour = MARKED if is_marked else BAR
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" '
                f'fill="{colour}"/>'
            )
        parts.append(
            f'<text x="{LABEL_WIDTH + length + 4}" y="{y + BAR_HEIGHT - 3}">{escape(text)}</text>'
        )
        alt_items.append(f"{label}{note} : {text}")
    parts.append("</svg>")
    alt = _("Graphique « %(title)s » : %(items)s.") % {
        "title": title,
        "items": " ; ".join(alt_items),
    }
    return Chart(title=title, alt=alt, svg="".join(parts))
