"""RSS and Atom, read back by feedparser (no bozo), and advertised in every page head."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage
from knowledge.models import ResearchOutputPage, VillageDealPage

pytestmark = pytest.mark.django_db


def parse_feed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize(
    ("url", "content_type", "version"),
    [
        ("/nl/feed/", "application/rss+xml", "rss20"),
        ("/nl/feed/atom/", "application/atom+xml", "atom10"),
    ],
)
def test_everything_new_is_a_valid_feed(client, url, content_type, version):
    response, feed = parse_feed(client, url)
    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    live_dutch = sum(
        model.objects.live().public().filter(locale__language_code="nl").count()
        for model in (CaseStudyPage, ResearchOutputPage, VillageDealPage)
    )
    assert min(live_dutch, 50) <= len(feed.entries) <= 50
    stamps = [entry.published_parsed for entry in feed.entries]
    assert stamps == sorted(stamps, reverse=True)
    assert all(entry.link.startswith("http") and "/nl/" in entry.link for entry in feed.entries)


def test_feed_links_use_the_address_the_reader_came_by(client):
    # Like the listings' feeds and downloads: behind a proxy, the host it forwards.
    _response, feed = parse_feed(client, "/nl/feed/")
    assert feed.entries
    assert all(entry.link.startswith("http://testserver/nl/") for entry in feed.entries)
    assert all(entry.id == entry.link for entry in feed.entries)


def test_a_feed_per_type_and_per_theme(client):
    _response, feed = parse_feed(client, "/nl/feed/", type="knowledge.researchoutputpage")
    expected = set(
        ResearchOutputPage.objects.live()
        .filter(locale__language_code="nl")
        .values_list("title", flat=True)
    )
    assert {entry.title for entry in feed.entries} == expected
    _response, feed = parse_feed(client, "/en/feed/atom/", theme="housing")
    assert feed.entries
    for entry in feed.entries:
        assert "Housing" in [tag.term for tag in entry.tags]


def test_a_feed_per_place_includes_wijken(client):
    _response, feed = parse_feed(client, "/nl/feed/", place="GM0957")
    assert "Wijkontwikkeling Donderberg, Roermond" in {entry.title for entry in feed.entries}


def test_drafts_never_appear_in_feeds(client, page_by_slug):
    page = page_by_slug("vallisveld")
    page.unpublish()
    _response, feed = parse_feed(client, "/nl/feed/")
    assert page.title not in {entry.title for entry in feed.entries}


def test_unknown_type_is_404(client):
    assert client.get("/nl/feed/", {"type": "auth.user"}).status_code == 404


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/nl/", ""),
        ("/nl/kennisbank/onderzoek/", "type=knowledge.researchoutputpage"),
        ("/nl/kennisbank/deals/", "type=knowledge.villagedealpage"),
        ("/nl/themas/gezondheid/", "theme=gezondheid"),
    ],
)
def test_pages_advertise_their_feeds(client, path, query):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    rss = soup.find("link", rel="alternate", type="application/rss+xml")
    atom = soup.find("link", rel="alternate", type="application/atom+xml")
    assert rss["href"] == "/nl/feed/" + (f"?{query}" if query else "")
    assert atom["href"] == "/nl/feed/atom/" + (f"?{query}" if query else "")


def test_feed_query_count_does_not_grow(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(25):
        client.get("/nl/feed/")
