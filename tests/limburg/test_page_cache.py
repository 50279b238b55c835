"""The full-page cache: anonymous readers get kept pages, never stale ones.

Every test turns the cache on (the test settings leave it off) and reads as an
anonymous visitor with a client of its own, while editors work in the real admin.
"""

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from wagtail.images.models import Rendition
from wagtail.models import Locale, Page

import pytest

from casestudies.models import CaseStudyPage
from limburg import page_cache
from limburg.models import ContentPage, Theme
from limburg.settings.frontend_cache import frontend_cache_from_env
from tests.limburg.conftest import page_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def cache_on(settings):
    settings.PAGE_CACHE_TIMEOUT = 600


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def editor(client):
    client.force_login(User.objects.get(username="redactie"))
    return client


def read(reader, url, **headers):
    response = reader.get(url, **headers)
    assert response.status_code == 200, url
    return response


def test_a_second_visit_is_served_from_the_cache_without_a_query(reader, django_assert_num_queries):
    first = read(reader, "/nl/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = read(reader, "/nl/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # What the middleware below the cache adds is kept with the page.
    for header in ("Content-Security-Policy", "Permissions-Policy", "Content-Language"):
        assert second[header] == first[header]


def test_cached_pages_tell_a_cdn_how_long_and_browsers_to_revalidate(reader, settings):
    response = read(reader, "/nl/praktijkvoorbeelden/")
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {
        "public",
        "max-age=0",
        f"s-maxage={settings.CACHE_CONTROL_S_MAXAGE}",
        f"stale-while-revalidate={settings.CACHE_CONTROL_STALE_WHILE_REVALIDATE}",
    }
    etag = response["ETag"]
    assert reader.get("/nl/praktijkvoorbeelden/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert read(reader, "/nl/praktijkvoorbeelden/")["ETag"] == etag


def test_filters_are_cached_apart(reader, page_by_slug):
    everything = read(reader, "/nl/praktijkvoorbeelden/")
    filtered = read(reader, "/nl/praktijkvoorbeelden/?theme=gezondheid")
    assert filtered["X-Page-Cache"] == "miss"
    assert filtered.content != everything.content
    assert read(reader, "/nl/praktijkvoorbeelden/?theme=gezondheid").content == filtered.content


def test_publishing_in_the_admin_shows_at_once_on_the_section_and_the_feed(
    reader, editor, page_by_slug
):
    about = page_by_slug("over-het-programma")
    read(reader, about.url)
    read(reader, "/nl/feed/")
    assert read(reader, about.url)["X-Page-Cache"] == "hit"

    response = editor.post(
        f"/admin/pages/add/limburg/contentpage/{about.pk}/",
        {**page_form("Buurtkamers in beeld", "buurtkamers-in-beeld"), "action-publish": "publish"},
    )
    assert response.status_code == 302

    section = read(reader, about.url)
    assert section["X-Page-Cache"] == "miss"
    assert "Buurtkamers in beeld" in section.content.decode()
    assert "Buurtkamers in beeld" in read(reader, "/nl/feed/").content.decode()


def test_an_edit_shows_on_the_page_the_listing_and_the_home_page(reader, page_by_slug):
    case_study = page_by_slug("donderberg-roermond", model=CaseStudyPage)
    for url in (case_study.url, "/nl/praktijkvoorbeelden/", "/nl/"):
        read(reader, url)
    case_study.title = "Donderberg Roermond, vernieuwd"
    case_study.save_revision().publish()
    for url in (case_study.url, "/nl/praktijkvoorbeelden/"):
        assert "Donderberg Roermond, vernieuwd" in read(reader, url).content.decode(), url
    assert read(reader, "/nl/")["X-Page-Cache"] == "miss"


def test_unpublishing_takes_a_page_out_at_once(reader, editor, page_by_slug):
    case_study = page_by_slug("vastenavondkamp-venlo", model=CaseStudyPage)
    assert case_study.url in read(reader, "/nl/praktijkvoorbeelden/").content.decode()
    read(reader, case_study.url)

    response = editor.post(f"/admin/pages/{case_study.pk}/unpublish/")
    assert response.status_code == 302

    assert reader.get(case_study.url).status_code == 404
    assert case_study.url not in read(reader, "/nl/praktijkvoorbeelden/").content.decode()


def test_moving_a_page_in_the_admin_moves_it_for_readers(reader, editor, page_by_slug):
    about = page_by_slug("over-het-programma")
    page = about.add_child(instance=ContentPage(title="Verhuisbericht", slug="verhuisbericht"))
    page.save_revision().publish()
    old_url = page.url
    read(reader, old_url)
    knowledge = page_by_slug("kennisbank")

    response = editor.post(f"/admin/pages/{page.pk}/move/{knowledge.pk}/confirm/")
    assert response.status_code == 302

    new_url = Page.objects.get(pk=page.pk).url
    assert new_url != old_url
    # Wagtail leaves a redirect from the old address (not the cached page).
    moved = reader.get(old_url)
    assert (moved.status_code, moved["Location"]) == (301, new_url)
    assert read(reader, new_url)["X-Page-Cache"] == "miss"


def test_a_snippet_change_reaches_every_page_that_shows_it(reader):
    listing = read(reader, "/nl/praktijkvoorbeelden/").content.decode()
    theme = Theme.objects.filter(locale__language_code="nl").order_by("pk").first()
    assert theme.name in listing
    theme.name = "Samen sterk in de wijk"
    theme.save()
    assert "Samen sterk in de wijk" in read(reader, "/nl/praktijkvoorbeelden/").content.decode()


def test_what_readers_never_see_leaves_the_cache_alone():
    generation = page_cache.current_generation()
    for model in (Rendition, User):
        assert not page_cache.shows_on_public_pages(model)
    User.objects.filter(username="redactie").get().save()
    assert page_cache.current_generation() == generation
    assert page_cache.shows_on_public_pages(CaseStudyPage)
    assert page_cache.shows_on_public_pages(Theme)


def test_editors_never_get_or_leave_a_cached_page(reader, editor):
    editors_view = editor.get("/nl/")
    assert "X-Page-Cache" not in editors_view
    assert "private" in editors_view["Cache-Control"]
    # The editor's page (with the userbar) was not kept for readers.
    readers_view = read(reader, "/nl/")
    assert readers_view["X-Page-Cache"] == "miss"
    assert b"wagtail-userbar" not in readers_view.content
    assert "X-Page-Cache" not in editor.get("/nl/")


@pytest.mark.parametrize(
    "url",
    [
        "/nl/zoeken/?query=gezondheid",
        "/nl/zoeken/suggestions/?query=gez",
        "/nl/kennisbank/initiatieven/indienen/",
        "/nl/kennisbank/bijeenkomsten/voorbeeld-bijeenkomst-lerend-netwerk/",
        "/nl/volgen/?themes=wonen",
        "/api/v2/pages/",
        "/admin/login/",
    ],
)
def test_search_forms_the_api_and_the_admin_are_never_cached(reader, url):
    for _ in range(2):
        response = reader.get(url)
        assert "X-Page-Cache" not in response, url
        assert "public" not in response.get("Cache-Control", ""), url


def test_a_post_is_never_answered_from_the_cache(reader):
    url = "/nl/kennisbank/initiatieven/indienen/"
    read(reader, url)
    response = reader.post(url, {})
    assert "X-Page-Cache" not in response


def queries_for(reader, url):
    """Queries of one request, caches as they are (count_queries empties them first)."""
    with CaptureQueriesContext(connection) as context:
        read(reader, url)
    return len(context.captured_queries)


def test_menu_and_footer_are_kept_until_the_site_changes(reader, page_by_slug):
    read(reader, "/nl/over-het-programma/")
    # Another page, not in the page cache: the menu and footer come from fragments.
    warm = queries_for(reader, "/nl/kennisbank/")
    assert queries_for(reader, "/nl/kennisbank/") == 0
    page_cache.invalidate()
    assert queries_for(reader, "/nl/kennisbank/") > warm

    # A page added to the menu shows in it at once.
    home = page_by_slug("home")
    new = home.add_child(instance=ContentPage(title="Nieuw in het menu", slug="nieuw-in-menu"))
    new.show_in_menus = True
    new.save_revision().publish()
    assert "Nieuw in het menu" in read(reader, "/nl/kennisbank/").content.decode()


def test_facet_counts_follow_a_publication(reader, page_by_slug):
    def counts(code, query="sort=title"):
        """The gemeente's facet count, its count in the map's table and the number of
        results, as the listing shows them."""
        body = read(reader, f"/nl/praktijkvoorbeelden/?{query}").content.decode()
        found = re.search(rf'<option value="{code}"[^>]*>[^<]*\((\d+)\)</option>', body)
        on_map = re.search(rf'gemeente={code}">[^<]+</a></th><td[^>]*>(\d+)</td>', body)
        total = re.search(r"(\d+) praktijkvoorbeeld", body)
        return int(found.group(1)), int(on_map.group(1)), int(total.group(1))

    case_study = page_by_slug("donderberg-roermond", model=CaseStudyPage)
    in_roermond, on_map, total = counts("GM0957")
    assert in_roermond >= 1 and on_map == in_roermond
    # Another filter combination, not in the page cache: its form and map are fragments.
    assert counts("GM0957", "sort=start") == (in_roermond, on_map, total)
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        assert counts("GM0957", "sort=start") == (in_roermond, on_map, total)
    case_study.unpublish()
    assert counts("GM0957") == (in_roermond - 1, on_map - 1, total - 1)
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        assert counts("GM0957", "sort=start") == (in_roermond - 1, on_map - 1, total - 1)


def test_search_counts_follow_a_publication(reader, page_by_slug):
    def counts(code):
        """The gemeente's facet count (no link: none) and the number of results, as search
        shows them."""
        body = read(reader, "/nl/zoeken/?query=Roermond").content.decode()
        found = re.search(
            rf'data-value="{code}"[^>]*>[^<]*<span class="lp-facet__count">\((\d+)\)', body
        )
        total = re.search(r"(\d+) result(?:aat|aten) voor", body)
        return int(found.group(1)) if found else 0, int(total.group(1))

    in_roermond, total = counts("GM0957")
    assert in_roermond >= 1
    # Search is never page-cached: a second visit takes its counts from the fragment cache.
    assert counts("GM0957") == (in_roermond, total)
    page_by_slug("donderberg-roermond", model=CaseStudyPage).unpublish()
    assert counts("GM0957") == (in_roermond - 1, total - 1)


class PurgeRecorder(BaseHTTPRequestHandler):
    purged = []

    def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
        self.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purging_proxy(settings):
    """A local HTTP server standing in for Varnish: it records the PURGE requests."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield PurgeRecorder.purged
    server.shutdown()


def test_publishing_purges_the_page_its_sections_and_the_feeds_from_a_cdn(
    purging_proxy, page_by_slug
):
    case_study = page_by_slug("donderberg-roermond", model=CaseStudyPage)
    case_study.save_revision().publish()
    paths = {path for _host, path in purging_proxy}
    for language, listing, feed in (
        ("nl", "/nl/praktijkvoorbeelden/", "/nl/feed/"),
        ("en", "/en/case-studies/", "/en/feed/"),
    ):
        assert f"/{language}/" in paths
        assert listing in paths
        assert feed in paths
        assert f"{feed}atom/" in paths
    assert case_study.url in paths
    assert case_study.get_translation(Locale.objects.get(language_code="en")).url in paths


def test_the_cdn_to_purge_comes_from_the_environment(monkeypatch):
    monkeypatch.delenv("FRONTEND_CACHE_BACKEND", raising=False)
    assert frontend_cache_from_env() == {}
    monkeypatch.setenv("FRONTEND_CACHE_BACKEND", "http")
    monkeypatch.setenv("FRONTEND_CACHE_LOCATION", "http://varnish:6081")
    assert frontend_cache_from_env() == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }
    monkeypatch.setenv("FRONTEND_CACHE_BACKEND", "cloudflare")
    monkeypatch.setenv("CLOUDFLARE_BEARER_TOKEN", "token")
    monkeypatch.setenv("CLOUDFLARE_ZONEID", "zone")
    assert frontend_cache_from_env()["cloudflare"]["ZONEID"] == "zone"
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("FRONTEND_CACHE_BACKEND", "akamai")
    with pytest.raises(ImproperlyConfigured):
        frontend_cache_from_env()
