"""Settings of the benchmark only (never of the product): the production settings
(``imtsocial.settings``, read from the environment like in the image) plus the URL
conf of ``benchmarks/urls.py``, which adds the floor view ``bench-floor/``.

The harness (``benchmarks/harness.py``) sets the environment before importing this:
a random ``DJANGO_SECRET_KEY``, loopback ``DJANGO_ALLOWED_HOSTS``,
``DJANGO_SECURE_SSL_REDIRECT=0`` (plain http on loopback) and
``IMTSOCIAL_MFA_REQUIRED=0`` (sessions are opened without a second factor).
"""

from imtsocial.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
