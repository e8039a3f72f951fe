"""hr's own widgets (categories, contract kinds, employee numbers); the generic ones are
in ``imtsocial.imports.widgets``."""

from django.utils import translation
from django.utils.translation import gettext_lazy
from import_export import widgets

from hr.enums import ContractKind
from imtsocial.imports.files import cell_text
from imtsocial.imports.messages import coded
from imtsocial.imports.widgets import REQUIRED


class CategoryWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = cell_text(value).upper()
        if text not in ("", "A", "B", "C"):
            raise ValueError(
                coded(
                    gettext_lazy("Catégorie invalide : « %(value)s » (A, B, C ou vide)."),
                    **{"value": cell_text(value)},
                )
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
                coded(
                    gettext_lazy(
                        "Nature de contrat inconnue : « %(value)s » (attendu : %(choices)s)."
                    ),
                    **{"value": text, "choices": ", ".join(ContractKind.values)},
                )
            )
        return kind


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
                coded(
                    gettext_lazy("Agent inconnu : aucun agent n'a le matricule « %(value)s »."),
                    **{"value": number},
                )
            )
        return pk
