"""The search page survives hostile input and shows only live, public pages in one language."""

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from search.query import MAX_QUERY_LENGTH, build_query, clean_query_text
from tests.factories import ContentPageFactory, publish_content_pages

pytestmark = pytest.mark.django_db


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(a.get_text().split()) for a in soup.select(".lp-search-result__title a")]


def test_search_has_a_page_per_language(client):
    assert client.get("/nl/zoeken/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/en/zoeken/").status_code == 404


def test_search_finds_dutch_pages_on_the_dutch_page(client):
    response = client.get("/nl/zoeken/", {"query": "Limburg-factor"})
    assert "De Limburg-factor" in result_titles(response)
    assert response["Cache-Control"].startswith("max-age=0")


def test_search_stays_in_the_visitors_language(client):
    # S8: the other language's translation is never listed.
    assert "The Limburg factor" not in result_titles(
        client.get("/nl/zoeken/", {"query": "Limburg"})
    )
    english = result_titles(client.get("/en/search/", {"query": "Limburg factor"}))
    assert "The Limburg factor" in english
    assert "De Limburg-factor" not in english


def test_quoted_phrase_is_a_phrase_search(client, page_by_slug):
    # S5: a raw quoted phrase finds nothing unless parsed.
    titles = result_titles(client.get("/nl/zoeken/", {"query": '"één jaar korter"'}))
    # The two pages that say it; "jaar" or "korter" alone would find many more.
    assert sorted(titles) == ["De Limburg-factor", "Op zoek naar de Limburg-factor"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'foo"bar',
        'he said "hi',
        "\x00",
        "a\x00b",
        "   ",
        "\t",
        "",
        "ab " * 500,
        "x" * 50_000,
        'a:"' * 7000,
        "-",
        "*",
        "AND",
        "OR",
        "NOT x",
        "NEAR(a b)",
        "{title} : x",
        "title:x",
        "\\",
        "'",
        "it's",
        "%",
        "%s",
        "😀",
        "\u202egezond",
        "ice & fire",
        "-Data",
        "Data-X.2",
        "\x0b",
        "\ufffe",
        "()",
        '""',
        "' OR 1=1 --",
    ],
)
def test_hostile_queries_never_fail(client, query):
    # S1-S4: never a 500, never a backend syntax error.
    response = client.get("/nl/zoeken/", {"query": query})
    assert response.status_code == 200


def test_query_is_capped():
    # S3: long input is cut before it reaches the backend.
    assert len(clean_query_text("woord " * 1000)) <= MAX_QUERY_LENGTH
    assert len(clean_query_text("a " * 500).split()) == 32
    assert build_query("   ") is None
    assert build_query("\x00") is None
    assert build_query("***") is None


def test_drafts_and_private_pages_do_not_leak(client, page_by_slug):
    # S9: unpublished pages, private pages and draft revisions of live pages stay hidden.
    knowledge = page_by_slug("kennisbank")
    ContentPageFactory(parent=knowledge, title="Concept zxqv", slug="concept", live=False)
    private = ContentPageFactory(parent=knowledge, title="Besloten zxqv", slug="besloten")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    live = page_by_slug("limburg-factor")
    live.title = "Nieuwe titel zxqv"
    live.save_revision()  # a draft revision, not published
    response = client.get("/nl/zoeken/", {"query": "zxqv"})
    assert result_titles(response) == []
    main = response.content.decode().split("<main", 1)[1]
    for leaked in ("Concept", "Besloten", "Nieuwe titel"):
        assert leaked not in main
    assert "De Limburg-factor" in result_titles(
        client.get("/nl/zoeken/", {"query": "Limburg-factor"})
    )


def test_results_are_paginated_with_bounded_queries(
    client, page_by_slug, count_queries, django_assert_max_num_queries
):
    knowledge = page_by_slug("kennisbank")
    publish_content_pages(knowledge, 2, "Wijkaanpak")
    client.get("/nl/zoeken/", {"query": "wijkaanpak"})
    baseline = count_queries(lambda: client.get("/nl/zoeken/", {"query": "wijkaanpak"}))
    publish_content_pages(knowledge, 23, "Wijkaanpak extra")
    with django_assert_max_num_queries(baseline):
        first = client.get("/nl/zoeken/", {"query": "wijkaanpak"})
    assert len(result_titles(first)) == 10
    soup = BeautifulSoup(first.content, "html.parser")
    assert (
        soup.select_one("nav.utrecht-pagination a[rel='next']")["href"]
        == "?query=wijkaanpak&page=2"
    )
    third = client.get("/nl/zoeken/", {"query": "wijkaanpak", "page": "3"})
    assert len(result_titles(third)) == 5
    # A page number out of range or not a number shows a valid page, not an error.
    assert client.get("/nl/zoeken/", {"query": "wijkaanpak", "page": "99"}).status_code == 200
    assert client.get("/nl/zoeken/", {"query": "wijkaanpak", "page": "x"}).status_code == 200


def test_search_only_answers_get(client):
    assert client.post("/nl/zoeken/", {"query": "x"}).status_code == 405
