"""Public pages are valid HTML: the W3C Nu HTML Checker (vnu.jar) finds no errors.

The checker comes from npm (`vnu-jar`, installed by `make install`) and needs Java 11 or
later. Every page is fetched from the live server with the demo content, written to a
temporary folder and checked in one run of the checker (the JVM takes seconds to start).
"""

import http.cookiejar
import json
import re
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.template.loader import render_to_string

from wagtail.models import Page

import pytest

from knowledge.models import AreaIndexPage, EventPage, InitiativeIndexPage
from tests.e2e.conftest import ROOT
from tests.e2e.test_accessibility import PAGES

pytestmark = pytest.mark.e2e

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# What the checker looks at besides PAGES: the other language, error pages, forms with
# and without errors, filtered listings and search results.
EXTRA_PAGES = [
    "/en/does-not-exist/",
    "/nl/volgen/",
    "/en/follow/?themes=health",
    "/nl/volgen/bevestigen/?token=ongeldig",
    "/en/follow/manage/?token=invalid",
    "/en/open-data/",
    "/en/case-studies/?theme=health&sort=title",
    "/en/knowledge/research/?year=never",
    "/en/search/?query=health",
    "/nl/zoeken/",
    "/nl/zoeken/?query=gezondheid&page=2",
    "/en/search/?query=limburg&theme=housing",
]


def java_executable():
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed: the W3C Nu HTML Checker (vnu.jar) needs Java 11+")
    if not VNU.exists():
        pytest.fail(f"{VNU} is missing: run `npm ci` (make install) to install vnu-jar.")
    return java


def check_html(files):
    """Run the Nu HTML Checker once over these files; its error messages, as dicts."""
    result = subprocess.run(
        [java_executable(), "-jar", str(VNU), "--format", "json", "--errors-only"]
        + [str(path) for path in files],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The JSON report goes to standard error; exit status 1 only means "errors found".
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar gave no JSON report (exit {result.returncode}):\n{result.stderr}")
    return [message for message in report["messages"] if message.get("type") != "info"]


def describe(message, names):
    path = urllib.parse.unquote(urllib.parse.urlparse(message.get("url", "")).path)
    where = names.get(Path(path).name, path)
    line = message.get("lastLine", "?")
    extract = (message.get("extract") or "").strip().replace("\n", " ")
    return f"{where} (line {line}): {message['message']}\n    {extract}"


class Fetcher:
    """urllib with cookies (for CSRF tokens); error statuses are answers too."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def __call__(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base_url + path, data=body, headers={"Accept-Language": "nl"}
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf_token(self, path):
        """The CSRF token of the form on a page (its cookie is kept)."""
        status, html = self(path)
        assert status == 200, f"{path}: {status}"
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert token, f"no CSRF token in the form on {path}"
        return token.group(1)

    def post_form(self, path, data):
        """Send a form the way a browser does: with the CSRF token of the page it is on."""
        return self(path, {"csrfmiddlewaretoken": self.csrf_token(path), **data})


def one_page_of_each_type():
    """A live public page of every page type in every language, and an alias of each
    type where there is one (it marks its untranslated text)."""
    seen = {}
    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    for page in pages.select_related("locale"):
        key = (page.content_type_id, page.locale_id, page.alias_of_id is not None)
        seen.setdefault(key, page)
    return sorted({page.url for page in seen.values()})


def routes():
    """Pages that routable pages serve next to their own, in every language."""
    paths = []
    for index in AreaIndexPage.objects.live():
        base = index.url
        paths += [
            base + index.reverse_subpage("need_index"),
            base + index.reverse_subpage("map"),
            base + index.reverse_subpage("profile", args=("GM0917", "heerlen")),
        ]
    for index in InitiativeIndexPage.objects.live():
        paths.append(index.submit_url())
    return paths


def fetch_everything(fetch):
    """(label, status, html) for every public page the checker should look at."""
    paths = list(dict.fromkeys(PAGES + EXTRA_PAGES + one_page_of_each_type() + routes()))
    documents = [(path, *fetch(path)) for path in paths]

    # Forms sent with errors, and (as a robot that fills the hidden field) their thank-you
    # pages: nothing is stored or mailed either way.
    robot = {"website": "https://spam.example"}
    for index in InitiativeIndexPage.objects.live():
        submit = index.submit_url()
        documents.append((f"POST {submit} (empty)", *fetch.post_form(submit, {})))
        documents.append((f"POST {submit} (robot)", *fetch.post_form(submit, robot)))
    for follow in ("/nl/volgen/", "/en/follow/"):
        documents.append((f"POST {follow} (empty)", *fetch.post_form(follow, {})))
        documents.append((f"POST {follow} (robot)", *fetch.post_form(follow, robot)))
    for event in EventPage.objects.live().filter(alias_of__isnull=True):
        if not event.takes_registrations:
            continue
        register = event.url + event.reverse_subpage("register")
        token = fetch.csrf_token(event.url)
        data = {"csrfmiddlewaretoken": token}
        documents.append((f"POST {register} (empty)", *fetch(register, data)))
        documents.append((f"POST {register} (robot)", *fetch(register, {**data, **robot})))
    # The server error page is a static template, served without a request context.
    documents.append(("500.html", 500, render_to_string("500.html")))
    return documents


def test_public_pages_are_valid_html(db, demo_server, tmp_path):
    java_executable()
    fetch = Fetcher(demo_server.url)
    documents = fetch_everything(fetch)

    names = {}
    for number, (label, status, html) in enumerate(documents):
        assert status in (200, 400, 404, 500), f"{label}: HTTP {status}"
        assert html.lstrip().lower().startswith("<!doctype html>"), f"{label}: not an HTML page"
        name = f"{number:03d}.html"
        (tmp_path / name).write_text(html, encoding="utf-8")
        names[name] = f"{label} [{status}]"
    # Both languages, every page type, the error pages and the forms are there.
    assert len(names) > 80

    errors = check_html(sorted(tmp_path.glob("*.html")))
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(
        describe(message, names) for message in errors
    )


def test_checker_reports_errors_in_a_broken_document(tmp_path):
    # The check above can fail: a document with a stray end tag, a duplicate id and no
    # title is reported, and so is the file it is in.
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'></head>"
        "<body><p id='x'>een</p><p id='x'>twee</div></body></html>",
        encoding="utf-8",
    )
    valid = tmp_path / "valid.html"
    valid.write_text(
        "<!DOCTYPE html><html lang='nl'><head><meta charset='utf-8'><title>Goed</title>"
        "</head><body><p>Geldig.</p></body></html>",
        encoding="utf-8",
    )
    errors = check_html([broken, valid])
    messages = [message["message"] for message in errors]
    assert all(message["url"].endswith("/broken.html") for message in errors), messages
    assert any("Duplicate ID" in message for message in messages), messages
    assert any("Stray end tag" in message for message in messages), messages
    assert any("title" in message for message in messages), messages
