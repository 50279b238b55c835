"""Real-browser tests: Debian's Chromium driven by Playwright against the live test server.

Never downloads a browser: CHROMIUM_PATH (default /usr/bin/chromium) must exist;
`make test` installs Debian's package when it can (see the Makefile).
"""

import io
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connection
from django.test.testcases import LiveServerThread

import pytest

from tests.servers import gunicorn, server_env

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; the Django test
# database is still only touched synchronously by the fixtures.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's chromium package (make browser)."
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def one_request_at_a_time_on_sqlite():
    """On SQLite the test database lives in memory, and the live server's threads share
    its one connection: the editor's autosave and a submit arriving together broke
    each other's transactions ("cannot start a transaction within a transaction").
    There the live server answers one request at a time (and closes each connection,
    so a browser's keep-alive cannot hold it). PostgreSQL gives each thread its own."""
    if connection.vendor == "sqlite":
        LiveServerThread.server_class = SerialWSGIServer


class SerialWSGIServer(WSGIServer):
    """Django's WSGI server, which serves in the live server's own thread: that thread
    already uses the shared connections (LiveServerThread.run)."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture
def demo_site(live_server, transactional_db):
    """The live server with the demo content (transactional tests start from an empty database)."""
    call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
    return live_server


@pytest.fixture(scope="session")
def demo_server(request, django_db_setup):
    """The demo site served by gunicorn from a copy of the test database, made once.

    For tests that only read: a test that writes (an editor, a registration)
    uses demo_site, which loads the demo into the live server's database again.
    """
    env = server_env(request.config.demo_database_url)
    with gunicorn(env, workers=2, threads=4) as base:
        yield SimpleNamespace(url=base)


@pytest.fixture
def page(browser):
    # axe-core is injected as an inline script, which the site's own policy refuses;
    # test_content_security.py checks the policy in contexts that do not bypass it.
    context = browser.new_context(locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def run_axe(page):
    """Violations of WCAG 2.1 A and AA on the current page, as readable lines."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async () => await axe.run(document, {
            runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
            resultTypes: ['violations'],
        })"""
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


def log_in_to_admin(page, base_url, username):
    """Sign a demo user in through the admin's login form (two-factor sign-in is off in tests)."""
    from django.contrib.auth.models import User

    user = User.objects.get(username=username)
    user.set_password("een lang demo wachtwoord")
    user.save()
    page.goto(base_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "een lang demo wachtwoord")
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")
