"""System checks of the deployment (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_is_not_a_placeholder(app_configs, **kwargs):
    """The placeholder of .env.example (or the embedded mode's key) never reaches
    production: anyone who has read the repository could sign sessions with it."""
    if settings.SECRET_KEY in settings.PLACEHOLDER_SECRET_KEYS:
        return [
            Error(
                "DJANGO_SECRET_KEY is a placeholder published in the repository.",
                hint="Set a long random value, e.g. "
                "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'.",
                id="imtsocial.E001",
            )
        ]
    return []
