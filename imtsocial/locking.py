"""Optimistic locking: refuse a form opened before someone else's save.

A model with a ``version`` field carries it in its forms (``imtsocial.forms.VersionField``);
the service, inside its transaction, locks the row, compares the version the person
started from with the stored one and bumps it — in one call::

    @transaction.atomic
    def asset_update(*, form, by):
        bump_version(form.instance, version=form.cleaned_data["version"])
        return form.save()

    @transaction.atomic
    def telework_request_withdraw(*, request, by, version=ANY):
        request = lock(TeleworkRequest.objects.select_related("employee"), request.pk,
                       version=version)
        ...                      # request.version is already the next one
        request.save()

``version=ANY`` locks without checking (an action that does not depend on what the
person saw, such as a task); a model without ``version`` gets the row lock only.
``None`` or a value that is not a whole number is refused like a stale version: a form
that lost its version never overwrites.
"""

from django.db import models, transaction

from imtsocial.errors import ConcurrentChangeError

ANY = object()


def _expected(version) -> int:
    if isinstance(version, bool):
        raise ConcurrentChangeError
    try:
        return int(version)
    except (TypeError, ValueError):
        raise ConcurrentChangeError from None


def lock(queryset, pk, *, version=ANY):
    """The row ``pk`` of ``queryset`` (or of a model), locked, its ``version`` bumped.

    Raises ``ConcurrentChangeError`` when ``version`` is not the stored one."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock() must run inside transaction.atomic()")
    if isinstance(queryset, type) and issubclass(queryset, models.Model):
        queryset = queryset._default_manager.all()
    row = queryset.select_for_update(of=("self",)).get(pk=pk)
    if not hasattr(row, "version"):  # a row without optimistic lock: the row lock only
        if version is not ANY:
            raise TypeError(f"{type(row).__name__} has no version to check")
        return row
    if version is not ANY and _expected(version) != row.version:
        raise ConcurrentChangeError
    row.version += 1
    return row


def bump_version(instance, *, version=ANY) -> None:
    """For an edited instance (a ModelForm's): lock its row, check, set the next version."""
    instance.version = lock(type(instance), instance.pk, version=version).version
