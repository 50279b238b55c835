"""Search on the database backend: relevance, facets, synonyms, highlighting, editors tools."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engines import SearchRequest, get_engine
from search.engines.base import FACET_MODELS
from search.engines.database import DatabaseSearchEngine, searchable_pages
from search.highlight import highlight
from search.models import SynonymGroup, UnansweredQuery
from search.query import parse_query
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def run(text, locale, **kwargs):
    synonyms = [
        group.term_list for group in SynonymGroup.objects.filter(language=locale.language_code)
    ]
    return get_engine().search(
        SearchRequest(
            parsed=parse_query(text, synonyms),
            locale_id=locale.pk,
            language=locale.language_code,
            **kwargs,
        )
    )


def titles(response):
    return [hit.page.title for hit in response.hits]


def result_titles(http_response):
    soup = BeautifulSoup(http_response.content, "html.parser")
    return [
        " ".join(a.get_text().split())
        for a in soup.select(
            ".lp-search-results:not(.lp-search-results--promoted) .lp-search-result__title a"
        )
    ]


@pytest.mark.parametrize(
    ("query", "top"),
    [
        ("Kansrijke Start", "Kansrijke Start"),
        ("Trendbreuk", "Trendbreuk Zuid-Limburg"),
        ("Gezonde Basisschool", "Gezonde Basisschool van de Toekomst"),
        ("Donderberg", "Wijkontwikkeling Donderberg, Roermond"),
        ("Vastenavondkamp", "Integrale aanpak Vastenavondkamp, Venlo"),
        ("Limburg-factor", "De Limburg-factor"),
    ],
)
def test_named_programmes_are_the_top_hit(locale_nl, query, top):
    assert titles(run(query, locale_nl))[0] == top


def test_a_title_match_ranks_above_a_body_mention(locale_nl, page_by_slug):
    knowledge = page_by_slug("kennisbank")
    ContentPageFactory(
        parent=knowledge,
        title="Verslag van een dag",
        slug="verslag",
        body=[
            {"type": "paragraph", "value": "<p>Het ging ook over de zeldzaamwoord van de wijk.</p>"}
        ],
    ).save_revision().publish()
    ContentPageFactory(
        parent=knowledge, title="Zeldzaamwoord in de wijk", slug="zeldzaam"
    ).save_revision().publish()
    assert titles(run("zeldzaamwoord", locale_nl)) == [
        "Zeldzaamwoord in de wijk",
        "Verslag van een dag",
    ]


def test_relevance_puts_more_title_words_first_then_shorter_titles_then_newest(
    locale_nl, page_by_slug
):
    knowledge = page_by_slug("kennisbank")

    def publish(title, slug, body="Iets over kwispel en zoomvlak."):
        ContentPageFactory(
            parent=knowledge,
            title=title,
            slug=slug,
            body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
        ).save_revision().publish()

    publish("Ouder nieuws", "ouder")
    publish("Kwispel in het hele dorp vandaag", "lang")
    publish("Kwispel", "kort")
    publish("Kwispel zoomvlak en meer over het dorp", "beide")
    # Both words in a long title still come before one word in a short one.
    long_title = ("Kwispel en zoomvlak, " + "een lang verhaal over het dorp " * 7).strip()
    publish(long_title, "beide-lang")
    publish("Nieuws van de dag", "nieuw")
    assert titles(run("kwispel zoomvlak", locale_nl)) == [
        "Kwispel zoomvlak en meer over het dorp",
        long_title,
        "Kwispel",
        "Kwispel in het hele dorp vandaag",
        "Nieuws van de dag",
        "Ouder nieuws",
    ]


def test_facet_counts_equal_the_counts_of_the_filtered_results(locale_nl):
    response = run("gezondheid", locale_nl)
    checked = 0
    for name, values in response.facets.items():
        for value in values:
            filtered = run(
                "gezondheid",
                locale_nl,
                filters={name: int(value.value) if name == "year" else value.value},
                per_page=500,
            )
            # The total is what is listed, not only what the facets counted.
            assert filtered.total == value.count == len(filtered.hits), (name, value)
            checked += 1
    assert checked >= 10
    assert {value.value for value in response.facets["type"]} == {
        "casestudies.casestudypage",
        "knowledge.interventionpage",
        "knowledge.researchindexpage",
        "knowledge.researchoutputpage",
        "knowledge.themedossierindexpage",
        "knowledge.themedossierpage",
        "knowledge.villagedealpage",
        "limburg.contentpage",
    }


def test_type_facet_names_page_types_in_proper_plurals(client):
    """Labels come from each page type's plural name: never Django's guess of name + "s"."""

    def type_labels(url, query):
        soup = BeautifulSoup(client.get(url, {"query": query}).content, "html.parser")
        links = soup.select('a.lp-facet__link[data-facet="type"]')
        return {link["data-value"]: link.find(string=True).strip() for link in links}

    dutch = type_labels("/nl/zoeken/", "gezondheid")
    assert dutch["casestudies.casestudypage"] == "Praktijkvoorbeelden"
    assert dutch["limburg.contentpage"] == "Inhoudspagina's"
    assert dutch["knowledge.researchindexpage"] == "Overzichtspagina's onderzoek"
    english = type_labels("/en/search/", "health")
    assert english["casestudies.casestudypage"] == "Case studies"
    for model in FACET_MODELS.page_models:
        if model is not Page:
            assert "verbose_name_plural" in model._meta.original_attrs, model


def test_facets_combine_with_each_other(locale_nl):
    both = run("", locale_nl, filters={"theme": "gezondheid", "type": "casestudies.casestudypage"})
    assert both.total == 11
    three = run(
        "",
        locale_nl,
        filters={"theme": "gezondheid", "type": "casestudies.casestudypage", "status": "lopend"},
    )
    assert three.total == 5
    assert {hit.page.status for hit in three.hits} == {"lopend"}


def test_facets_under_several_filters_are_counted_in_one_statement(
    locale_nl, django_assert_num_queries
):
    """Each facet counts with the other filters applied; all counts are one query."""
    filters = {"theme": "gezondheid", "type": "casestudies.casestudypage", "status": "lopend"}
    request = SearchRequest(
        parsed=parse_query("", []), locale_id=locale_nl.pk, language="nl", filters=filters
    )
    matching = searchable_pages(locale_nl.pk)
    with django_assert_num_queries(1):
        counts = DatabaseSearchEngine.facet_counts(matching, request)
    for name in filters:
        others = {other: value for other, value in filters.items() if other != name}
        for value, count in counts[name].items():
            if name == "type":
                value = ContentType.objects.get_for_id(value).model_class()._meta.label_lower
            expected = run("", locale_nl, filters={**others, name: value}, per_page=500)
            assert count == expected.total == len(expected.hits), (name, value)
    assert counts["status"]["lopend"] == 5


def test_a_filter_that_can_match_nothing_counts_nothing(locale_nl):
    empty = run("gezondheid", locale_nl, filters={"type": "limburg.nosuchpage"})
    assert (empty.total, empty.hits) == (0, [])
    assert all(not value.count for value in empty.facets["theme"])


def test_gemeente_facet_includes_wijken(locale_nl):
    # Donderberg is placed in a wijk of Roermond; the Regio Deal covers all of Midden-Limburg.
    assert set(titles(run("", locale_nl, filters={"gemeente": "GM0957"}))) == {
        "Wijkontwikkeling Donderberg, Roermond",
        "Regio Deal Midden-Limburg",
    }


def test_sort_by_newest(locale_nl, page_by_slug):
    page = ContentPageFactory(
        parent=page_by_slug("kennisbank"), title="Nieuwste gezondheid", slug="nieuwste"
    )
    page.save_revision().publish()
    assert titles(run("gezondheid", locale_nl, sort="newest"))[0] == "Nieuwste gezondheid"


def test_each_language_finds_only_its_own_pages(locale_nl, locale_en):
    dutch = run("Limburg", locale_nl)
    english = run("Limburg", locale_en)
    assert all(hit.page.locale_id == locale_nl.pk for hit in dutch.hits)
    assert "The Limburg factor" in titles(english) and "De Limburg-factor" not in titles(english)


def test_synonyms_editors_manage_work_on_the_database_backend(locale_nl, page_by_slug):
    ContentPageFactory(
        parent=page_by_slug("kennisbank"), title="Een krachtwijk in beeld", slug="krachtwijk"
    ).save_revision().publish()
    assert "Een krachtwijk in beeld" in titles(run("aandachtswijk", locale_nl))
    ContentPageFactory(
        parent=page_by_slug("kennisbank"), title="Buurtkamer open", slug="buurtkamer"
    ).save_revision().publish()
    assert titles(run("wijkkamer", locale_nl)) == []
    SynonymGroup.objects.create(language="nl", terms="wijkkamer, buurtkamer")
    assert titles(run("wijkkamer", locale_nl)) == ["Buurtkamer open"]


def test_dutch_stemming_where_the_backend_has_it(locale_nl, page_by_slug):
    ContentPageFactory(
        parent=page_by_slug("kennisbank"), title="Onderzoek naar wijken", slug="stemming"
    ).save_revision().publish()
    found = "Onderzoek naar wijken" in titles(run("wijk onderzoeken", locale_nl))
    # PostgreSQL's dutch configuration stems; SQLite FTS5 has no Dutch stemmer
    # (robustness case S6): there the inflected form finds nothing.
    assert found is (connection.vendor == "postgresql")


def test_highlighting_marks_words_and_escapes_html():
    html = highlight('De <b>wijk</b> & "wijken"', ["wijk"])
    assert html == "De &lt;b&gt;<mark>wijk</mark>&lt;/b&gt; &amp; &quot;<mark>wijken</mark>&quot;"
    assert "<script" not in highlight("<script>alert(1)</script> wijk", ["script", "wijk"])


def test_hits_are_highlighted_on_the_page(client):
    soup = BeautifulSoup(client.get("/nl/zoeken/", {"query": "Donderberg"}).content, "html.parser")
    first = soup.select_one(".lp-search-result")
    assert first.select_one(".lp-search-result__title mark").get_text() == "Donderberg"
    assert first.select_one(".lp-search-result__snippet mark")


def test_promoted_results_come_first_and_are_not_repeated(client, page_by_slug):
    promoted = page_by_slug("limburg-factor")
    SearchPromotion.objects.create(
        query=Query.get("gezondheid"), page=promoted, description="Lees dit eerst.", sort_order=0
    )
    soup = BeautifulSoup(client.get("/nl/zoeken/", {"query": "gezondheid"}).content, "html.parser")
    assert (
        soup.select_one(".lp-search-results--promoted .lp-search-result__title a").get_text(
            strip=True
        )
        == "De Limburg-factor"
    )
    assert "De Limburg-factor" not in result_titles(
        client.get("/nl/zoeken/", {"query": "gezondheid"})
    )


def test_a_promotion_in_another_language_shows_its_translation(client, page_by_slug):
    SearchPromotion.objects.create(
        query=Query.get("limburg"), page=page_by_slug("limburg-factor"), sort_order=0
    )
    soup = BeautifulSoup(client.get("/en/search/", {"query": "limburg"}).content, "html.parser")
    assert (
        soup.select_one(".lp-search-results--promoted a").get_text(strip=True)
        == "The Limburg factor"
    )


def test_editors_see_popular_and_unanswered_queries(client):
    client.get("/nl/zoeken/", {"query": "gezondheid"})
    client.get("/nl/zoeken/", {"query": "gezondheid"})
    client.get("/nl/zoeken/", {"query": "Zwembad"})
    assert Query.get("gezondheid").hits == 2
    unanswered = UnansweredQuery.objects.get()
    assert (unanswered.query_string, unanswered.hits, unanswered.language) == ("zwembad", 1, "nl")
    client.get("/nl/zoeken/", {"query": "zwembad"})
    unanswered.refresh_from_db()
    assert unanswered.hits == 2


def test_unanswered_queries_report_in_the_admin(client):
    from django.contrib.auth.models import User

    UnansweredQuery.record("zwembad", "nl")
    client.force_login(User.objects.get(username="redactie"))
    response = client.get("/admin/unanswered_queries/")
    assert response.status_code == 200
    assert b"zwembad" in response.content


def test_popular_searches_report_for_editors(client):
    from django.contrib.auth.models import User

    client.get("/nl/zoeken/", {"query": "gezondheid"})
    client.force_login(User.objects.get(username="redactie"))
    response = client.get("/admin/reports/popular-searches/")
    assert response.status_code == 200
    assert b"gezondheid" in response.content
    assert (
        b"Populaire zoekvragen" in client.get("/admin/").content
        or b"popular-searches" in client.get("/admin/").content
    )
    client.force_login(User.objects.get(username="partner-kerkrade"))
    assert b"/admin/reports/popular-searches/" not in client.get("/admin/").content
    assert client.get("/admin/reports/popular-searches/").status_code in (302, 403)
    assert client.get("/admin/unanswered_queries/").status_code in (302, 403)


def test_no_results_helps(client):
    soup = BeautifulSoup(
        client.get("/nl/zoeken/", {"query": "zzzqqq", "theme": "wonen"}).content, "html.parser"
    )
    help_block = soup.select_one(".lp-no-results")
    links = {a.get_text(strip=True): a["href"] for a in help_block.select("a")}
    assert links["Zoek opnieuw zonder filters"] == "?query=zzzqqq"
    assert "Gezondheid" in links


def test_facets_are_links_that_combine(client):
    soup = BeautifulSoup(client.get("/nl/zoeken/", {"query": "gezondheid"}).content, "html.parser")
    link = soup.select_one('a.lp-facet__link[data-facet="theme"][data-value="leren"]')
    assert link["href"] == "?query=gezondheid&theme=leren"
    soup = BeautifulSoup(client.get("/nl/zoeken/" + link["href"]).content, "html.parser")
    chosen = soup.select_one('a.lp-facet__link[data-facet="theme"][data-value="leren"]')
    assert chosen["aria-current"] == "true" and chosen["href"] == "?query=gezondheid"
    kind = soup.select_one('a.lp-facet__link[data-facet="type"]')
    assert "theme=leren" in kind["href"]


def test_autocomplete_suggests_titles(client):
    data = client.get("/nl/zoeken/suggesties/", {"query": "Gezon"}).json()
    assert {
        "title": "Gezonde Basisschool van de Toekomst",
        "url": "/nl/praktijkvoorbeelden/gezonde-basisschool-van-de-toekomst/",
    } in data["results"]
    assert (
        client.get("/en/search/suggestions/", {"query": "Limburg fac"}).json()["results"][0][
            "title"
        ]
        == "The Limburg factor"
    )


@pytest.mark.parametrize("query", ["", "a", '"', "\x00", "*", "a:" * 500, "😀", "\u202e"])
def test_autocomplete_survives_hostile_input(client, query):
    response = client.get("/nl/zoeken/suggesties/", {"query": query})
    assert response.status_code == 200
    assert "results" in response.json()


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    query=st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
    | st.lists(
        st.sampled_from(
            [
                '"',
                "'",
                "(",
                ")",
                "*",
                "-",
                "AND",
                "OR",
                "NOT",
                "title:",
                "NEAR",
                "^",
                "\\",
                "wijk",
                "\x00",
                "\u202e",
                "{",
                "}",
                ":",
            ]
        ),
        max_size=30,
    ).map(" ".join),
    page=st.one_of(st.none(), st.text(max_size=6), st.integers(-10, 10**6).map(str)),
    theme=st.one_of(st.none(), st.sampled_from(["gezondheid", "onbekend", "", "'"])),
)
def test_generated_hostile_queries_never_fail(client, query, page, theme):
    params = {"query": query}
    if page is not None:
        params["page"] = page
    if theme is not None:
        params["theme"] = theme
    assert client.get("/nl/zoeken/", params).status_code == 200
