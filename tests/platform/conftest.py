"""Fixtures of the platform's walks over every URL (``url_walk``)."""

from tests.platform.url_walk import demo_world  # noqa: F401 - the walks' school
