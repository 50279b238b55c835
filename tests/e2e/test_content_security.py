"""The Content-Security-Policy holds in a real browser: nothing on the public pages or in
the admin's main screens is blocked by it (a blocked script or style would break them)."""

import pytest

from limburg.models import ContentPage
from tests.e2e.conftest import log_in_to_admin
from tests.e2e.test_accessibility import PAGES

pytestmark = pytest.mark.e2e

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


@pytest.fixture
def watched_context(browser):
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


def violations_on(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.cspViolations")


def test_public_pages_break_no_rule_of_their_policy(demo_server, watched_context):
    page = watched_context.new_page()
    found = {}
    for path in PAGES:
        violations = violations_on(page, demo_server.url + path)
        if violations:
            found[path] = violations
    assert found == {}


def test_the_admin_works_under_its_policy(demo_site, watched_context):
    page = watched_context.new_page()
    log_in_to_admin(page, demo_site.url, "redactie")
    content_page = ContentPage.objects.filter(locale__language_code="nl").first()
    found = {}
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{content_page.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/snippets/limburg/theme/",
    ):
        violations = violations_on(page, demo_site.url + path)
        if violations:
            found[path] = violations
    # The editor's rich text field rendered (Draftail is React, run from our origin).
    page.goto(demo_site.url + f"/admin/pages/{content_page.pk}/edit/")
    assert page.locator(".Draftail-Editor").first.is_visible()
    assert found == {}
