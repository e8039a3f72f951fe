from django.apps import AppConfig
from django.db import models
from django.db.models.signals import pre_save


def normalise_newlines(sender, instance, raw=False, **kwargs):
    """Browsers send a textarea's line breaks as CR LF: store LF, so that saving a text
    unchanged changes nothing (and records nothing in the history)."""
    if raw:
        return
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and "\r" in value:
                setattr(instance, field.attname, value.replace("\r\n", "\n").replace("\r", "\n"))


class ImtsocialConfig(AppConfig):
    name = "imtsocial"
    verbose_name = "imtsocial"

    def ready(self):
        from imtsocial import (
            checks,  # noqa: F401 - registers the deployment checks
            myspace,
            plurals,
        )

        myspace.providers.register(myspace.steering_sections, order=5)
        plurals.install()  # « 0 événement »: the French rule for the French source strings

        pre_save.connect(normalise_newlines, dispatch_uid="imtsocial.normalise_newlines")
