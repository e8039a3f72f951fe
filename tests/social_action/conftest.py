import pytest

from tests.social_action.factories import ensure_reference_data


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Rates, bands and schemes of the data migration, even after a flushing test."""
    if "transactional_db" in request.fixturenames:
        request.getfixturevalue("transactional_db")
    elif "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
    else:
        return
    ensure_reference_data()
