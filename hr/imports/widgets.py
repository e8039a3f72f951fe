"""Widgets: read one cell of an import file, or raise ValueError with a French message."""

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import widgets

from hr.enums import ContractKind
from hr.imports.files import cell_text

REQUIRED = gettext_lazy("Valeur obligatoire.")


class TextWidget(widgets.Widget):
    def __init__(self, *, required=False, lower=False):
        super().__init__()
        self.required, self.lower = required, lower

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if self.required and not text:
            raise ValueError(REQUIRED)
        return text.lower() if self.lower else text


class FrenchDateWidget(widgets.Widget):
    """``AAAA-MM-JJ`` or ``JJ/MM/AAAA``; XLSX cells may already be dates."""

    FORMATS = ("%Y-%m-%d", "%d/%m/%Y")

    def __init__(self, *, required=False):
        super().__init__()
        self.required = required

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text:
            if self.required:
                raise ValueError(REQUIRED)
            return None
        for fmt in self.FORMATS:
            try:
                return datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise ValueError(
            _("Date invalide : « %(value)s » (attendu : JJ/MM/AAAA ou AAAA-MM-JJ).")
            % {"value": text}
        )


class AmountWidget(widgets.Widget):
    """A positive amount in euros: « 4090,50 », « 4 090,50 », « 4090.50 »."""

    SPACES = re.compile(r"[\s\u00a0\u202f'€]")

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            text, amount = str(value), Decimal(str(value))
        else:
            text = cell_text(value)
            if not text:
                raise ValueError(REQUIRED)
            compact = self.SPACES.sub("", text)
            if "," in compact and "." in compact:
                # The last separator is the decimal one: « 4.090,50 » or « 4,090.50 ».
                thousands = "." if compact.rfind(",") > compact.rfind(".") else ","
                compact = compact.replace(thousands, "")
            try:
                amount = Decimal(compact.replace(",", "."))
            except InvalidOperation:
                amount = None
        if amount is None or not amount.is_finite():
            raise ValueError(_("Montant invalide : « %(value)s ».") % {"value": text})
        if amount <= 0:
            raise ValueError(
                _("Le montant doit être supérieur à zéro (lu : « %(value)s »).") % {"value": text}
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
            raise ValueError(_("Nombre entier attendu : « %(value)s ».") % {"value": text})
        number = int(text)
        if (self.minimum is not None and number < self.minimum) or (
            self.maximum is not None and number > self.maximum
        ):
            raise ValueError(str(self.range_message) % {"value": text})
        return number


class CategoryWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).upper()
        if text not in ("", "A", "B", "C"):
            raise ValueError(
                _("Catégorie invalide : « %(value)s » (A, B, C ou vide).")
                % {"value": cell_text(value)}
            )
        return text


class ContractKindWidget(widgets.Widget):
    """The ContractKind values (« cdd ») or their French labels (« Contrat doctoral »)."""

    @staticmethod
    def _key(text: str) -> str:
        return " ".join(text.replace("’", "'").lower().split())

    def clean(self, value, row=None, **kwargs):
        text = cell_text(value)
        if not text:
            raise ValueError(REQUIRED)
        with translation.override("fr"):
            known = {self._key(kind.value): kind.value for kind in ContractKind}
            known |= {self._key(str(kind.label)): kind.value for kind in ContractKind}
        kind = known.get(self._key(text))
        if kind is None:
            raise ValueError(
                _("Nature de contrat inconnue : « %(value)s » (attendu : %(choices)s).")
                % {"value": text, "choices": ", ".join(ContractKind.values)}
            )
        return kind


class CodeWidget(widgets.Widget):
    """A Site or Department code → its primary key (codes read once per import)."""

    def __init__(self, model, *, unknown_message):
        super().__init__()
        self.model, self.unknown_message = model, unknown_message
        self.codes = None

    def clean(self, value, row=None, **kwargs):
        code = cell_text(value)
        if not code:
            raise ValueError(REQUIRED)
        if self.codes is None:
            self.codes = {c.lower(): pk for c, pk in self.model.objects.values_list("code", "pk")}
        pk = self.codes.get(code.lower())
        if pk is None:
            raise ValueError(str(self.unknown_message) % {"value": code})
        return pk


class EmployeeNumberWidget(widgets.Widget):
    """An employee number → the employee's primary key (``known`` filled per import)."""

    def __init__(self):
        super().__init__()
        self.known: dict[str, int] = {}

    def clean(self, value, row=None, **kwargs):
        number = cell_text(value)
        if not number:
            raise ValueError(REQUIRED)
        pk = self.known.get(number)
        if pk is None:
            raise ValueError(
                _("Agent inconnu : aucun agent n'a le matricule « %(value)s ».") % {"value": number}
            )
        return pk
