"""Browser journeys in real headless Debian Chromium, driven by Playwright.

Never downloads a browser: ``CHROMIUM_PATH`` (set by ./scripts/test) points to the
Debian package. Every page a journey opens is checked by axe-core automatically, when
it has loaded (no serious or critical violation: the test fails at its end, naming the
page), and must raise no console error (a CSP violation is one). ``check_accessibility``
checks a page again in a given state (a form showing its errors, a dialog open).
"""

import os
from pathlib import Path

import axe_playwright_python
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

AXE_SCRIPT = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
# Injected in every page before its own scripts (not subject to the page's CSP): when the
# page has loaded, axe-core runs and reports the blocking violations to the test.
AUTO_AXE = (
    AXE_SCRIPT
    + """
;window.addEventListener("load", () => {
  if (window.top !== window) { return; }
  const run = window.axe.run(document, {resultTypes: ["violations"]});
  window.imtsocialAxeDone = run.then((results) => {
    const blocking = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} – ${JSON.stringify(
        v.nodes.map((n) => n.target))}`);
    window.imtsocialAxeReport(location.href, blocking);
  }).catch(() => {});
});
"""
)

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; the Django ORM calls
    # made by the test itself are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not os.path.exists(executable):
        pytest.fail(f"Chromium not found at {executable}: run the suite through ./scripts/test.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


def checked_context(browser, base_url):
    """A browser context whose every page is checked by axe-core once loaded; the list
    receives ``(url, blocking violations)`` for each page."""
    context = browser.new_context(base_url=base_url, locale="fr-FR")
    reports: list[tuple[str, list[str]]] = []
    context.expose_function("imtsocialAxeReport", lambda url, found: reports.append((url, found)))
    context.add_init_script(AUTO_AXE)
    return context, reports


@pytest.fixture
def page(browser, live_server, transactional_db):
    context, reports = checked_context(browser, live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    problems: list[str] = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    _type_the_second_factor(page)
    yield page
    if page.url.startswith(live_server.url):
        # the last page's check may still be running
        done = len(reports)
        try:
            page.wait_for_function("() => document.readyState === 'complete'", timeout=5_000)
            page.wait_for_timeout(50)
            deadline = 50
            while len(reports) == done and deadline:
                page.wait_for_timeout(100)
                deadline -= 1
        except Exception:  # noqa: S110 - the page went away: nothing more to check
            pass
    context.close()
    assert problems == [], "console errors (CSP violations?) in the browser"
    assert reports, "axe-core checked no page: is the automatic check still injected?"
    blocking = {url: found for url, found in reports if found}
    assert blocking == {}, "axe-core on the pages the journey opened"


def _type_the_second_factor(page):
    """Logins of MFA roles have a TOTP authenticator (``tests.factories.TOTP_SECRET``):
    when allauth asks for the code, type the current one, as the person would with their
    phone. A code is accepted once: a second sign-in of the same login within its 30 s
    types one of the login's recovery codes instead."""
    from urllib.parse import parse_qs

    from tests.factories import recovery_codes, totp_code

    signing_in: list[str] = []
    typed: set[tuple[str, str]] = set()

    def note_login(request):
        if request.method == "POST" and request.url.endswith("/comptes/login/"):
            signing_in[:] = parse_qs(request.post_data or "").get("login", [""])[:1]

    def answer(field):
        email = signing_in[0] if signing_in else ""
        code = totp_code()
        if (email, code) in typed:  # no query here: this runs inside Playwright's loop
            code = next(c for c in recovery_codes() if (email, c) not in typed)
        typed.add((email, code))
        field.fill(code)
        field.press("Enter")

    page.on("request", note_login)
    field = page.locator("form[action$='/2fa/authenticate/'] input[name=code]")
    page.add_locator_handler(field, answer, no_wait_after=True)


@pytest.fixture
def check_accessibility():
    axe = Axe()

    def check(page):
        # axe-core runs one check at a time: let the automatic one finish first (it
        # starts on the load event, which follows readyState "complete" in the same task).
        page.wait_for_function("() => document.readyState === 'complete'")
        page.evaluate("() => window.imtsocialAxeDone || null")
        results = axe.run(page)
        blocking = [
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert blocking == [], f"axe-core on {page.url}"

    return check
