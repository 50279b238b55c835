"""The production setup (`make serve`): gunicorn, DEBUG off, whitenoise with hashed static files."""

import http.cookiejar
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from tests.servers import free_port

# One worker builds the production database and server for the whole module.
pytestmark = pytest.mark.xdist_group("production")

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - local server
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def production_env(tmp_path_factory):
    """A migrated SQLite database with the demo content, and the production settings."""
    tmp = tmp_path_factory.mktemp("production")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="limburg.settings.production",
        SECRET_KEY="production-test-" + "x" * 40,
        HTTPS_ONLY="false",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        # The workers share this page cache (a folder, with no REDIS_URL).
        PAGE_CACHE_DIR=str(tmp / "page-cache"),
        # A locked database is given up on after a second here (20 s by default).
        SQLITE_BUSY_TIMEOUT="1",
        # The busy-database test signs in with a password only.
        TWO_FACTOR_REQUIRED="false",
    )
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        manage(env, *command)
    return env


def manage(env, *command):
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def production_server(production_env):
    env = production_env
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "limburg.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(300):
        try:
            fetch(base + "/nl/")
            break
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_serves_the_home_pages_with_debug_off(production_server):
    status, _headers, html = fetch(production_server + "/nl/")
    assert status == 200
    assert '<html lang="nl"' in html
    status, _headers, html = fetch(production_server + "/en/")
    assert status == 200 and '<html lang="en"' in html


def test_static_files_are_hashed_and_cached_for_long(production_server):
    _status, _headers, html = fetch(production_server + "/nl/")
    stylesheet = re.search(r'href="(/static/limburg/css/main\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the stylesheet URL carries its content hash"
    status, headers, css = fetch(production_server + stylesheet.group(1))
    assert status == 200
    assert ".limburg-theme" in css
    assert "immutable" in headers["Cache-Control"]


def test_errors_show_the_sites_own_page_not_a_debug_page(production_server):
    status, _headers, html = fetch(production_server + "/en/does-not-exist/")
    assert status == 404
    assert "Page not found" in html
    assert "Traceback" not in html and "DEBUG" not in html


PUBLISH_NEW_TITLE = """
from casestudies.models import CaseStudyPage
page = CaseStudyPage.objects.get(slug="donderberg-roermond", locale__language_code="nl")
page.title = "Donderberg, zojuist bijgewerkt"
page.save_revision().publish()
"""


def test_a_publication_empties_the_page_cache_of_every_worker(production_server, production_env):
    listing = production_server + "/nl/praktijkvoorbeelden/"
    answers = [fetch(listing) for _ in range(6)]
    assert answers[-1][1]["X-Page-Cache"] == "hit"
    assert "s-maxage=" in answers[-1][1]["Cache-Control"]
    # Published by another process altogether: the workers share the page cache.
    manage(production_env, "shell", "-c", PUBLISH_NEW_TITLE)
    for _ in range(6):
        status, _headers, html = fetch(listing)
        assert status == 200
        assert "Donderberg, zojuist bijgewerkt" in html


def database_path(env):
    return env["DATABASE_URL"].removeprefix("sqlite:///")


def test_a_locked_database_is_a_retry_not_a_half_saved_page(production_server, production_env):
    """SQLite busy past its timeout: the editor's publish gets "try again" (503), nothing
    of the page is saved and the tree stays sound; once the lock is gone it works."""
    manage(
        {**production_env, "DJANGO_SUPERUSER_PASSWORD": "Sterk-wachtwoord-voor-test-2026"},
        "createsuperuser",
        "--noinput",
        "--username=drukte",
        "--email=drukte@limburg.example",
    )
    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))

    def csrf_token(url):
        with opener.open(production_server + url, timeout=20) as response:
            html = response.read().decode()
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post(url, data):
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(production_server + url, data=body, method="POST")
        try:
            with opener.open(request, timeout=30) as response:
                return response.status, response.read().decode(), dict(response.headers)
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), dict(error.headers)

    token = csrf_token("/admin/login/")
    status, _html, _headers = post(
        "/admin/login/",
        {
            "csrfmiddlewaretoken": token,
            "username": "drukte",
            "password": "Sterk-wachtwoord-voor-test-2026",
        },
    )
    assert status == 200  # followed to the dashboard

    with sqlite3.connect(database_path(production_env)) as db:
        (parent_id,) = db.execute(
            "SELECT id FROM wagtailcore_page WHERE slug = 'over-het-programma' AND depth = 3"
        ).fetchone()
    add_url = f"/admin/pages/add/limburg/contentpage/{parent_id}/"
    form = nested_form_data(
        {
            "csrfmiddlewaretoken": csrf_token(add_url),
            "title": "Drukte in de database",
            "slug": "drukte-in-de-database",
            "summary": "",
            "body": streamfield([]),
            "tags": "",
            "action-publish": "publish",
        }
    )

    locker = sqlite3.connect(database_path(production_env), isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")  # a long write elsewhere holds the database
    try:
        status, html, headers = post(add_url, form)
        # Reading goes on meanwhile (write-ahead log).
        assert fetch(production_server + "/nl/")[0] == 200
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert status == 503
    assert headers["Retry-After"] == "5"
    assert "Probeer het over een paar seconden opnieuw" in html
    with sqlite3.connect(database_path(production_env)) as db:
        assert not db.execute(
            "SELECT 1 FROM wagtailcore_page WHERE slug = 'drukte-in-de-database'"
        ).fetchall()
    assert "No problems found" in manage(production_env, "fixtree")

    status, _html, _headers = post(add_url, form)  # the retry
    assert status == 200
    with sqlite3.connect(database_path(production_env)) as db:
        assert db.execute(
            "SELECT live FROM wagtailcore_page"
            " WHERE slug = 'drukte-in-de-database' AND alias_of_id IS NULL"
        ).fetchall() == [(1,)]
    assert "No problems found" in manage(production_env, "fixtree")
