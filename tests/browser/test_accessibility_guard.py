"""The automatic accessibility check really checks: a page with a blocking violation is
reported without the test asking for it."""

import pytest

from tests.browser.conftest import checked_context

pytestmark = pytest.mark.browser


def test_every_loaded_page_is_checked_and_a_violation_is_reported(browser, live_server):
    context, reports = checked_context(browser, live_server.url)
    page = context.new_page()
    page.goto("/comptes/login/")
    page.wait_for_function("() => document.readyState === 'complete'")
    # a page served as the intranet would, with an image that has no text alternative
    bad_page = '<html lang="fr"><head><title>t</title></head><body><img src="/x.png"></body>'
    page.route(
        "**/mauvaise-page/", lambda route: route.fulfill(body=bad_page, content_type="text/html")
    )
    page.goto("/mauvaise-page/")
    for _attempt in range(50):
        if len(reports) >= 2:
            break
        page.wait_for_timeout(100)
    context.close()
    login, bad = reports[0], reports[1]
    assert login[0].endswith("/comptes/login/") and login[1] == []
    assert any(problem.startswith("image-alt (critical)") for problem in bad[1])
