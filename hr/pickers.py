"""Person pickers: an employee chosen by name or staff number (see ``imtsocial.pickers``)."""

from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from hr.models import Employee
from imtsocial.collation import by_name
from imtsocial.pickers import ModelPickerField, PickerCharField, fold, folded

PERSON_SEARCH_URL = reverse_lazy("hr:person_search")


def search_people(queryset, term: str):
    """``queryset`` narrowed to the people whose every word of ``term`` starts a staff
    number or is found in the last or first name (case and accents ignored); one query."""
    words = fold(term).split()
    if not words:
        return queryset.none()
    queryset = queryset.annotate(
        _last_folded=folded("last_name"), _first_folded=folded("first_name")
    )
    for word in words:
        queryset = queryset.filter(
            Q(_last_folded__contains=word)
            | Q(_first_folded__contains=word)
            | Q(employee_number__istartswith=word)
        )
    return queryset.select_related("department").order_by(*by_name())


def person_option(employee: Employee) -> tuple[str, str, str]:
    """``(key, label, hint)`` of an employee in the picker's list."""
    hint = employee.department.name if employee.department_id else ""
    if employee.job_title:
        hint = f"{employee.job_title} — {hint}" if hint else employee.job_title
    return employee.employee_number, employee.full_name, hint


class PersonField(ModelPickerField):
    """An employee in post, typed by staff number or chosen by name; cleans to the
    ``Employee`` (or None when optional and left empty)."""

    key_field = "employee_number"
    search_url = PERSON_SEARCH_URL
    default_error_messages = {
        "unknown": _("Aucun agent en poste n'a le matricule %(key)s."),
    }

    def default_queryset(self):
        return Employee.objects.active()

    def label_of(self, obj) -> str:
        return f"{obj.full_name} ({obj.employee_number})"


class PersonNumberField(PickerCharField):
    """The staff number of a person, typed or chosen by name: cleans to the bare number,
    for forms that look the employee up themselves."""

    def __init__(self, **kwargs):
        kwargs.setdefault("search_url", PERSON_SEARCH_URL)
        super().__init__(**kwargs)
