"""Every text field of every form has a maximum (« Objet » once accepted 102 000
characters): a model CharField has ``max_length`` by construction, a model TextField's
form field gets one from ``imtsocial.forms.text_limited``, and a declared CharField
says its own."""

import importlib
import inspect
from pathlib import Path

from django import forms
from django.conf import settings

from imtsocial.forms import TEXT_MAX_LENGTH, text_limited

APPS = ["hr", "safety", "telework", "social_action", "imtsocial"]


def _form_classes():
    for app in APPS:
        for path in sorted((Path(settings.BASE_DIR) / app).rglob("*.py")):
            relative = path.relative_to(settings.BASE_DIR)
            if "migrations" in relative.parts:
                continue
            if "form" not in path.name and path.name != "filters.py":
                continue
            name = ".".join(relative.with_suffix("").parts)
            module = importlib.import_module(name)
            for cls in vars(module).values():
                if (
                    inspect.isclass(cls)
                    and issubclass(cls, forms.BaseForm)
                    and cls.__module__ == name
                ):
                    yield cls


def test_no_text_field_without_a_maximum():
    classes = list(_form_classes())
    assert len(classes) > 40  # the scan found the forms of every app
    unlimited = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in classes
        for name, field in cls.base_fields.items()
        if type(field) is forms.CharField
        and field.max_length is None
        and not field.widget.is_hidden
    ]
    assert unlimited == []


def test_text_limited_refuses_too_long_text_next_to_the_field():
    @text_limited
    class NoteForm(forms.Form):
        note = forms.CharField(widget=forms.Textarea)

    form = NoteForm({"note": "x" * (TEXT_MAX_LENGTH + 1)})
    assert not form.is_valid()
    assert form.errors["note"] == [
        "Assurez-vous que cette valeur comporte au plus 2000 caractères (actuellement 2001)."
    ]
    assert 'maxlength="2000"' in str(form["note"])
    assert NoteForm({"note": "x" * TEXT_MAX_LENGTH}).is_valid()
