"""The reference date of every statistics page: the last 31 December.

The yearly DD&RS report is written at 31 December; every statistics page opens on the
same date (or the year it closes), so that two pages read side by side tell the same
story. The page shows the date or year in its selector and the reader may change it::

    last_31_december(date(2026, 12, 2))   # date(2025, 12, 31)
    last_31_december(date(2026, 12, 31))  # date(2025, 12, 31): the year must be closed
    last_closed_year(date(2026, 12, 2))   # 2025
"""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from imtsocial.forms import DateInput


def last_31_december(today: date | None = None) -> date:
    """31 December of last year (``today`` is the local date by default).

    On 31 December itself the year is not over yet (its figures are still being entered),
    so the page still opens on the year before."""
    today = today or timezone.localdate()
    return date(today.year - 1, 12, 31)


def last_closed_year(today: date | None = None) -> int:
    """The year that ends on ``last_31_december``: the default of the per-year pages."""
    return last_31_december(today).year


def year_choices(today: date | None = None, first: int = 2019) -> list[int]:
    """Years a per-year selector offers, most recent first (this year included)."""
    today = today or timezone.localdate()
    return list(range(today.year, first - 1, -1))


class ReferenceDateForm(forms.Form):
    """The date selector of a statistics page, shown with its default (the last 31 December).

    ``ReferenceDateForm.for_request(request).at`` is the date chosen, or the default when
    none (or an invalid one, reported next to the field) was given."""

    at = forms.DateField(
        label=_("Date de référence"),
        required=False,
        widget=DateInput(),
        help_text=_("Par défaut, le 31 décembre de l'année dernière."),
    )

    @classmethod
    def for_request(cls, request, today: date | None = None) -> "ReferenceDateForm":
        default = last_31_december(today)
        form = cls(request.GET or None, initial={"at": default})
        form.at = (form.is_valid() and form.cleaned_data["at"]) or default
        return form
