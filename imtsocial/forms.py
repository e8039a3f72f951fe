"""Every Django form renders with the DSFR markup: labels tied to inputs, hints and
errors announced to screen readers (``aria-describedby``, ``aria-invalid``)."""

from decimal import Decimal
from html import escape
from string import Formatter

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from imtsocial import memo
from imtsocial.formats import date_bounds, identifier_problem, implausible_date, parse_amount


def _widget_class(widget) -> str:
    if isinstance(widget, forms.Select | forms.SelectMultiple) and not isinstance(
        widget, forms.RadioSelect | forms.CheckboxSelectMultiple
    ):
        return "fr-select"
    if isinstance(
        widget,
        forms.CheckboxInput | forms.RadioSelect | forms.CheckboxSelectMultiple | forms.FileInput,
    ):
        return "fr-upload" if isinstance(widget, forms.FileInput) else ""
    return "fr-input"


class DsfrBoundField(forms.BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = _widget_class(widget)
        if css and css not in attrs.get("class", ""):
            attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        if self.form.is_bound and self.errors:
            attrs["aria-invalid"] = "true"
            described = [f"{self.auto_id}-errors"]
            if self.help_text:
                described.append(f"{self.auto_id}_helptext")
            attrs["aria-describedby"] = " ".join(described)
        return attrs

    @property
    def is_choice_group(self) -> bool:
        """Radio buttons or checkboxes: each choice is its own DSFR fieldset element."""
        return isinstance(self.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple)

    @property
    def group_class(self) -> str:
        widget = self.field.widget
        if isinstance(widget, forms.CheckboxInput):
            return "fr-checkbox-group"
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return "fr-fieldset"
        if isinstance(widget, forms.FileInput):
            return "fr-upload-group"
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            return "fr-select-group"
        return "fr-input-group"


class DsfrFormRenderer(TemplatesSetting):
    form_template_name = "components/form.html"
    field_template_name = "components/field.html"
    bound_field_class = DsfrBoundField


class DateInput(forms.DateInput):
    """An HTML date picker (ISO value, shown in the browser's locale)."""

    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def plausible_date(field: forms.DateField, kind: str = "event") -> forms.DateField:
    """``field`` (a form's DateField) refuses a date outside the plausible bounds of its
    ``kind`` (``imtsocial.formats.date_bounds``: a return date in 9999, a birth date in
    1850) with a French message next to it::

        due_on = plausible_date(forms.DateField(label=_("À rendre le")), "due")
        plausible_date(self.fields["birth_date"], "birth")   # in a ModelForm's __init__
    """

    def validate(value):
        message = implausible_date(value, kind)
        if message:
            raise forms.ValidationError(message, code="implausible_date")

    field.validators.append(validate)
    # the earliest for the picker too (the latest moves with today: checked on the server)
    field.widget.attrs.setdefault("min", date_bounds(kind)[0].isoformat())
    return field


def identifier(field: forms.CharField, kind: str) -> forms.CharField:
    """``field`` accepts only an identifier of ``kind`` (« employee_number »,
    « asset_tag »: ``settings.IDENTIFIER_PATTERNS``)."""

    def validate(value):
        message = identifier_problem(value, kind) if value else None
        if message:
            raise forms.ValidationError(message, code="bad_identifier")

    field.validators.append(validate)
    return field


class VersionField(forms.IntegerField):
    """The version of the record the person started from (optimistic lock), hidden.

    The service hands it to ``imtsocial.locking.lock``/``bump_version``; a value that
    is not a whole number is a form error, never a server error."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": _("La page envoyée est incomplète : rechargez-la puis recommencez."),
                "min_value": _("La page envoyée est incomplète : rechargez-la puis recommencez."),
            },
        )
        super().__init__(**kwargs)


class VersionForm(forms.Form):
    """A button that changes a versioned record (submit, pay…) posts only its version."""

    version = VersionField()


class VersionedForm(forms.ModelForm):
    """A ModelForm that carries the version the person started editing from."""

    version = VersionField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)


class AmountField(forms.DecimalField):
    """An amount typed the French way: « 4 250,75 », « 4250.75 », « 4 250 € ».

    The one field of every amount of the intranet (a text input with
    ``inputmode="decimal"``: a number input would read « 4 250,75 » as 425075 in some
    browsers). Spaces (ordinary, non-breaking, narrow) may group the thousands; the
    decimal separator is a comma or a point; anything else (« 1e3 », « 4.090,50 »,
    « 4,090.50 ») is refused with a French message rather than read as another number,
    as are more than two decimals and, unless ``allow_negative``, a negative amount."""

    def __init__(self, *, allow_negative=False, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        kwargs.setdefault("decimal_places", 2)
        kwargs.pop("localize", None)
        if not allow_negative and kwargs.get("min_value") is None:
            kwargs["min_value"] = Decimal("0")
        given = kwargs.pop("error_messages", None) or {}
        super().__init__(**kwargs)
        too_big = _("Ce montant est trop grand.")
        self.error_messages.update(
            {
                "invalid": _(
                    "Saisissez un montant, par exemple 4 250,75 (chiffres, espaces entre les "
                    "milliers, une virgule avant les centimes)."
                ),
                "min_value": (
                    _("Le montant ne peut pas être négatif.")
                    if self.min_value == 0
                    else _("Le montant ne peut pas être inférieur à %(limit_value)s.")
                ),
                "max_decimal_places": _("Indiquez au plus %(max)s chiffres après la virgule."),
                "max_digits": too_big,
                "max_whole_digits": too_big,
                **given,
            }
        )

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return super().to_python(value)
        amount = parse_amount(value)
        if amount is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(amount)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value:f}".replace(".", ",")
        return value


class HoursField(AmountField):
    """A number of hours typed the French way (« 3,5 »), with the same parsing."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.error_messages["invalid"] = _("Saisissez un nombre d'heures, par exemple 3,5.")


def amount_formfield(field, **kwargs):
    """``formfield_callback`` of ModelForms: every DecimalField becomes an ``AmountField``."""
    from django.db import models

    if isinstance(field, models.DecimalField):
        return field.formfield(form_class=AmountField, **kwargs)
    return field.formfield(**kwargs)


# Free text typed in a form: long enough for any real note, short enough to refuse the paste
# of a whole document (a field without a limit once accepted 102 000 characters as an object).
TEXT_MAX_LENGTH = 2000
SEARCH_MAX_LENGTH = 100


def _limit(fields, limit: int) -> None:
    from django.core.validators import MaxLengthValidator

    for field in fields.values():
        if type(field) is forms.CharField and field.max_length is None:
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs.setdefault("maxlength", str(limit))


def text_limited(form_class=None, *, limit: int = TEXT_MAX_LENGTH):
    """Class decorator: every text field of the form without a maximum (a ModelForm field
    made from a model TextField) gets ``limit``, checked on the server — the French error
    shows next to the field — and announced to the browser (``maxlength``)::

        @text_limited
        class RiskEntryForm(forms.ModelForm): ...
    """

    def decorate(cls):
        _limit(cls.base_fields, limit)
        return cls

    return decorate(form_class) if form_class is not None else decorate


# Long lists of options -----------------------------------------------------------------


def _escaped(text) -> str:
    """``conditional_escape`` without its lazy wrapper (thousands of calls on a page)."""
    return text.__html__() if hasattr(text, "__html__") else escape(str(text))


class ChoicesSelect(forms.Select):
    """A single select whose options are written in Python in one pass — Django's
    ``optgroups`` builds a dictionary and copies the attributes of every option, then
    the template loops over them, which dominated the pages whose filters list hundreds
    of work units or people. Same markup (``templates/django/forms/widgets/select.html``
    prints ``options_html``), at most one ``selected`` option, groups kept."""

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)  # not optgroups()
        context["widget"]["options_html"] = self.options_html(context["widget"]["value"])
        return context

    def options_html(self, values: list[str]) -> str:
        wanted = set(values)
        chosen = False

        def option(value, label) -> str:
            nonlocal chosen
            value = "" if value is None else str(value)
            selected = not chosen and value in wanted
            chosen = chosen or selected
            return (
                f'<option value="{_escaped(value)}"{" selected" if selected else ""}>'
                f"{_escaped(label)}</option>"
            )

        lines = []
        for value, label in self.choices:
            if isinstance(label, list | tuple):
                lines.append(f'<optgroup label="{_escaped(value)}">')
                lines.extend(option(v, text) for v, text in label)
                lines.append("</optgroup>")
            else:
                lines.append(option(value, label))
        return mark_safe("\n".join(lines))  # noqa: S308 - every part escaped above


def _label_formats(field) -> tuple[str, ...]:
    label = field.option_label or getattr(field.queryset.model, "option_label", None)
    if label is None:
        raise ImproperlyConfigured(
            f"{field.queryset.model.__name__} has no option_label (its __str__ as a format)"
        )
    return (label,) if isinstance(label, str) else tuple(label)


def _options(field) -> list[tuple]:
    formats = _label_formats(field)
    fields = dict.fromkeys(
        name for text in formats for _text, name, _spec, _conv in Formatter().parse(text) if name
    )
    rows = field.queryset.values("pk", *fields)

    def read():
        options = []
        for row in rows:
            label = ""
            for text in formats:  # the first that is not blank
                label = label or text.format(**row).strip()
            options.append((row["pk"], label))
        return options

    if field.reads is None:
        return read()
    return field.reads.get_or_compute(("options", memo.query_key(rows)), read)


class _ValuesChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from _options(self.field)


class LeanModelChoiceField(forms.ModelChoiceField):
    """A ``ModelChoiceField`` for long lists: its options are read as values (no model
    instance per option) and labelled by a format string over the queryset's fields —
    the model's ``option_label`` (``WorkUnit.option_label = "{code} – {name}"``, beside
    the ``__str__`` it mirrors) or the field's ``option_label=``; several formats are
    tried in order, the first that is not blank wins (``("{first_name} {last_name}",
    "{email}")``). Rendered by ``ChoicesSelect``; validation is Django's (one ``get`` on
    the queryset). With ``reads`` (an ``imtsocial.memo.CachedReads`` that follows every
    table of the queryset), the options are kept in the cache until one of them is
    written."""

    iterator = _ValuesChoiceIterator
    widget = ChoicesSelect

    def __init__(
        self,
        queryset,
        *,
        option_label: str | tuple[str, ...] | None = None,
        reads: memo.CachedReads | None = None,
        **kwargs,
    ):
        self.option_label = option_label
        self.reads = reads
        super().__init__(queryset, **kwargs)
