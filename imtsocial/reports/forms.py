"""Forms of the report: the year picker and the declared (manual) values."""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from imtsocial.forms import DateInput, VersionedForm
from imtsocial.reports.catalogue import INDICATORS
from imtsocial.reports.enums import Unit
from imtsocial.reports.models import DeclaredValue

FIRST_YEAR = 2000


def declared_indicators():
    return [indicator for indicator in INDICATORS if indicator.declared]


def report_years() -> list[int]:
    """From the current year down to the first year of the intranet's data."""
    return list(range(timezone.localdate().year, FIRST_YEAR - 1, -1))


def valid_year(year) -> bool:
    return FIRST_YEAR <= year <= timezone.localdate().year


class YearForm(forms.Form):
    """« ?annee=2020 » of a list page; an invalid or missing year is the previous one."""

    annee = forms.TypedChoiceField(label=_lazy("Année"), coerce=int, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["annee"].choices = [(year, str(year)) for year in report_years()]

    def year(self) -> int:
        if self.is_valid() and self.cleaned_data.get("annee"):
            return self.cleaned_data["annee"]
        return timezone.localdate().year - 1


class DeclaredValueForm(VersionedForm):
    """A dated value of a declared indicator with its source (HR)."""

    code = forms.ChoiceField(
        label=_lazy("Indicateur"),
        error_messages={
            "invalid_choice": _lazy(
                "Indicateur inconnu : choisissez un des indicateurs déclarés de la liste."
            ),
            "required": _lazy("Choisissez l'indicateur."),
        },
    )
    year = forms.TypedChoiceField(
        label=_lazy("Année"),
        coerce=int,
        error_messages={
            "invalid_choice": _lazy("Choisissez une année passée ou l'année en cours."),
            "required": _lazy("Choisissez l'année."),
        },
    )

    class Meta:
        model = DeclaredValue
        fields = ["code", "year", "value", "on", "source"]
        widgets = {"on": DateInput()}
        help_texts = {
            "value": _lazy("Un nombre positif ou nul ; pour une réponse oui/non : 1 oui, 0 non."),
            "on": _lazy("Date à laquelle la valeur a été constatée, dans l'année déclarée."),
            "source": _lazy("Document ou service d'où vient la valeur, pour la relire."),
        }
        error_messages = {
            "value": {
                "required": _lazy("Indiquez la valeur."),
                "invalid": _lazy("Indiquez un nombre, par exemple 47 ou 12,5."),
                "max_digits": _lazy("Ce nombre est trop grand."),
                "max_decimal_places": _lazy("Deux décimales au plus."),
            },
            "on": {
                "required": _lazy("Indiquez la date du constat."),
                "invalid": _lazy("Indiquez une date au format JJ/MM/AAAA."),
            },
            "source": {"required": _lazy("Indiquez la source de la valeur.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = [("", _("Choisir un indicateur"))] + [
            (indicator.code, str(indicator.label)) for indicator in declared_indicators()
        ]
        self.fields["year"].choices = [(year, str(year)) for year in report_years()]
        self.fields["value"].localize = True
        self.fields["value"].widget = forms.TextInput(attrs={"inputmode": "decimal"})
        if self.instance.pk:
            # The code and the year name the value: another value is another entry.
            self.fields["code"].disabled = True
            self.fields["year"].disabled = True

    def clean_value(self):
        value = self.cleaned_data["value"]
        if value is not None and value < 0:
            raise forms.ValidationError(_("La valeur doit être positive ou nulle."))
        return value

    def clean(self):
        cleaned = super().clean()
        code, year = cleaned.get("code"), cleaned.get("year")
        value, on = cleaned.get("value"), cleaned.get("on")
        indicator = {i.code: i for i in declared_indicators()}.get(code)
        yes_no = indicator is not None and indicator.unit == Unit.YES_NO
        if yes_no and value is not None and value not in (Decimal(0), Decimal(1)):
            self.add_error("value", _("Pour cet indicateur, indiquez 1 (oui) ou 0 (non)."))
        if year and on and not (date(year, 1, 1) <= on <= date(year, 12, 31)):
            self.add_error(
                "on", _("La date doit être comprise dans l'année %(year)s.") % {"year": year}
            )
        taken = (
            code
            and year
            and not self.instance.pk
            and DeclaredValue.objects.filter(code=code, year=year).exists()
        )
        if taken:
            self.add_error(
                "code",
                _(
                    "Une valeur est déjà déclarée pour cet indicateur en %(year)s : "
                    "modifiez-la plutôt que d'en saisir une seconde."
                )
                % {"year": year},
            )
        return cleaned

    def validate_unique(self):
        # The (code, year) rule is told by clean() next to the field, in French.
        pass
