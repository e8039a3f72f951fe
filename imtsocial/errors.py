"""Domain errors: an action the rules refuse, told in French to the person who tried it.

Every app's error derives from ``DomainError``; views show it in one way, next to
the field it concerns when it names one, at the top of the form otherwise, or as a
page message when there is no form::

    # a service
    if not reason.strip():
        raise DomainError(_("Un refus doit être motivé."), field="refusal_reason")

    # a view with a form
    try:
        services.telework_request_final_decide(...)
    except DomainError as error:
        error.add_to_form(form)

    # a view without a form (a button)
    except DomainError as error:
        error.add_to_messages(request)

``ConcurrentChangeError`` (someone saved the record after the page was opened) and
``IllegalTransitionError`` (the state does not allow the action) are the two
errors every app shares, with one message each.
"""

from collections.abc import Iterable, Mapping

from django.contrib import messages as django_messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _


class DomainError(Exception):
    """A refused action: one or several French messages, each optionally tied to a field.

    ``DomainError("a", "b")`` gives two messages for the whole form;
    ``DomainError("a", field="end")`` ties the message to the ``end`` field;
    ``DomainError.from_dict({"end": ["a"], None: ["b"]})`` does both.
    """

    def __init__(self, *messages, field: str | None = None):
        self.errors: dict[str | None, list[str]] = {}
        for message in messages or (self.default_message(),):
            self.errors.setdefault(field, []).append(str(message))
        super().__init__(" ".join(self.messages))

    @classmethod
    def default_message(cls) -> str:
        return _("Cette action n'est pas possible.")

    @classmethod
    def from_dict(cls, errors: Mapping[str | None, Iterable]) -> "DomainError":
        error = cls.__new__(cls)
        error.errors = {
            (None if field == NON_FIELD_ERRORS else field): [str(m) for m in messages]
            for field, messages in errors.items()
            if messages
        }
        Exception.__init__(error, " ".join(error.messages))
        return error

    @classmethod
    def from_validation_error(cls, exc: ValidationError) -> "DomainError":
        if hasattr(exc, "error_dict"):
            return cls.from_dict({field: list(errors) for field, errors in exc})
        return cls(*exc.messages)

    @property
    def messages(self) -> list[str]:
        return [message for messages in self.errors.values() for message in messages]

    def add_to_form(self, form) -> None:
        """Each message next to its field when the form has it, else at the top."""
        for field, messages in self.errors.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)

    def add_to_messages(self, request) -> None:
        for message in self.messages:
            django_messages.error(request, message)


class ConcurrentChangeError(DomainError):
    """The record was saved by someone else after the person opened it."""

    @classmethod
    def default_message(cls) -> str:
        return _(
            "Quelqu'un d'autre a modifié cet élément depuis que vous l'avez ouvert. "
            "Rechargez la page pour voir la version à jour, puis refaites votre modification."
        )


class IllegalTransitionError(DomainError):
    """The current state of the record does not allow the action."""


def add_form_errors_to_messages(request, form) -> None:
    """A form posted by a button (no page of its own): its errors become page messages."""
    for errors in form.errors.values():
        for error in errors:
            django_messages.error(request, error)


def full_clean(instance, **kwargs) -> None:
    """``instance.full_clean()`` whose ValidationError becomes a ``DomainError``."""
    try:
        instance.full_clean(**kwargs)
    except ValidationError as exc:
        raise DomainError.from_validation_error(exc) from exc
