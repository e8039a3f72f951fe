"""Widgets of the import kit: read one cell of an import file, or raise ValueError with a
French message (shown with its line and column in the preview). Importers add their own
(hr: contract kinds, employee numbers) on the same pattern."""

from datetime import date, datetime
from decimal import Decimal

from django.utils.translation import gettext_lazy
from import_export import widgets

from imtsocial.formats import date_problem, identifier_issue, parse_amount
from imtsocial.imports.files import cell_text
from imtsocial.imports.messages import coded

REQUIRED = gettext_lazy("Valeur obligatoire.")


class TextWidget(widgets.Widget):
    def __init__(self, *, required=False, lower=False):
        super().__init__()
        self.required, self.lower = required, lower

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if self.required and not text:
            raise ValueError(coded(REQUIRED))
        return text.lower() if self.lower else text


class FrenchDateWidget(widgets.Widget):
    """``AAAA-MM-JJ`` or ``JJ/MM/AAAA``; XLSX cells may already be dates. A date outside
    the plausible bounds of its ``kind`` (``imtsocial.formats.date_bounds``) is refused."""

    FORMATS = ("%Y-%m-%d", "%d/%m/%Y")

    def __init__(self, *, required=False, kind="event"):
        super().__init__()
        self.required, self.kind = required, kind

    def clean(self, value, row=None, **kwargs):
        day = self._read(value)
        problem = date_problem(day, self.kind)
        if problem:
            raise ValueError(coded(problem[0], **problem[1]))
        return day

    def _read(self, value):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            if self.required:
                raise ValueError(coded(REQUIRED))
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(
            coded(
                gettext_lazy("Date invalide : « %(value)s » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)."),
                value=text,
            )
        )


class IdentifierWidget(TextWidget):
    """An identifier of ``kind`` (« employee_number », « asset_tag »), checked against its
    pattern (``imtsocial.formats.identifier_problem``): « 0000-00-00 », « NaN » are refused."""

    def __init__(self, kind: str, *, required=True):
        super().__init__(required=required)
        self.kind = kind

    def clean(self, value, row=None, **kwargs):
        text = super().clean(value, row, **kwargs)
        issue = identifier_issue(text, self.kind) if text else None
        if issue:
            raise ValueError(coded(issue[0], **issue[1]))
        return text


class AmountWidget(widgets.Widget):
    """A positive amount in euros: « 4090,50 », « 4 090,50 », « 4090.50 » (``parse_amount``)."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            text = str(value)
            amount = Decimal(text) if Decimal(text).is_finite() else None
        else:
            text = cell_text(value)
            if not text:
                raise ValueError(coded(REQUIRED))
            amount = parse_amount(text)
        if amount is None:
            raise ValueError(coded(gettext_lazy("Montant invalide : « %(value)s »."), value=text))
        if amount <= 0:
            raise ValueError(
                coded(
                    gettext_lazy("Le montant doit être supérieur à zéro (lu : « %(value)s »)."),
                    value=text,
                )
            )
        return amount


class IntegerWidget(widgets.Widget):
    def __init__(self, *, default=None, minimum=None, maximum=None, range_message=""):
        super().__init__()
        self.default, self.minimum, self.maximum = default, minimum, maximum
        self.range_message = range_message

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).removesuffix("%").strip()
        if not text:
            return self.default
        if not text.isdigit():
            raise ValueError(
                coded(gettext_lazy("Nombre entier attendu : « %(value)s »."), value=text)
            )
        number = int(text)
        if (self.minimum is not None and number < self.minimum) or (
            self.maximum is not None and number > self.maximum
        ):
            raise ValueError(coded(self.range_message, value=text))
        return number


class CodeWidget(widgets.Widget):
    """A code (of a Site, a Department…) → its primary key; the codes are read once."""

    def __init__(self, model, *, unknown_message):
        super().__init__()
        self.model, self.unknown_message = model, unknown_message
        self.codes = None

    def clean(self, value, row=None, **kwargs):
        code = cell_text(value)
        if not code:
            raise ValueError(coded(REQUIRED))
        if self.codes is None:
            self.codes = {c.lower(): pk for c, pk in self.model.objects.values_list("code", "pk")}
        pk = self.codes.get(code.lower())
        if pk is None:
            raise ValueError(coded(self.unknown_message, value=code))
        return pk


class ChoiceWidget(widgets.Widget):
    """One of ``choices`` (its value), or one of the French ``aliases`` people write."""

    def __init__(self, aliases, choices):
        super().__init__()
        self.aliases = aliases
        self.values = {value for value, _label in choices}

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).lower()
        if text in self.values:
            return text
        if text in self.aliases:
            return self.aliases[text]
        raise ValueError(
            coded(gettext_lazy("Valeur inconnue : « %(value)s »."), value=cell_text(value))
        )


class YesNoWidget(widgets.Widget):
    YES = ("oui", "o", "1", "true", "vrai", "x")
    NO = ("non", "n", "0", "false", "faux", "")

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).lower()
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(
            coded(gettext_lazy("Répondez oui ou non (« %(value)s »)."), value=cell_text(value))
        )
