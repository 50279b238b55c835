"""Public pages: languages, the switcher, hreflang, error pages, query counts."""

import re

import pytest
from bs4 import BeautifulSoup

from limburg.models import ContentPage, HomePageFeaturedItem, Theme
from tests.factories import ContentPageFactory, publish_content_pages

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def language_nav(soup):
    return soup.select_one("nav.utrecht-alternate-lang-nav")


def test_root_redirects_to_dutch(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


def test_root_redirects_to_dutch_even_for_english_browsers(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/nl/"


@pytest.mark.parametrize(
    ("path", "language", "heading", "other_language", "other_path"),
    [
        ("/nl/", "nl", "Krachtige gemeenschappen in wijken en dorpen", "en", "/en/"),
        ("/en/", "en", "Strong communities in neighbourhoods and villages", "nl", "/nl/"),
    ],
)
def test_home_page_in_both_languages(client, path, language, heading, other_language, other_path):
    response = client.get(path)
    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True) == heading
    assert len(soup.find_all("h1")) == 1
    # hreflang alternates for both languages, x-default pointing at Dutch.
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')
    }
    assert alternates["nl"].endswith("/nl/")
    assert alternates["en"].endswith("/en/")
    assert alternates["x-default"] == alternates["nl"]
    # The switcher: the current language marked, the other one linking to the translation.
    nav = language_nav(soup)
    current = nav.select_one('a[aria-current="page"]')
    assert current["lang"] == language
    other = nav.select_one(f'a[hreflang="{other_language}"]')
    assert other["href"] == other_path
    assert other["lang"] == other_language


def test_home_shows_the_five_themes_in_the_visitors_language(client):
    themes_nl = [
        t.get_text(strip=True) for t in parse(client.get("/nl/")).select(".lp-theme-card h3")
    ]
    themes_en = [
        t.get_text(strip=True) for t in parse(client.get("/en/")).select(".lp-theme-card h3")
    ]
    assert themes_nl == ["Veiligheid", "Gezondheid", "Leren", "Werken", "Wonen"]
    assert themes_en == ["Safety", "Health", "Learning", "Work", "Housing"]


def test_home_shows_featured_content_localised(client):
    featured_nl = [
        a.get_text(strip=True) for a in parse(client.get("/nl/")).select(".lp-teaser__title a")
    ]
    featured_en = parse(client.get("/en/")).select(".lp-teaser__title a")
    assert "De Limburg-factor" in featured_nl
    # The English home shows the English translations of the same pages.
    assert "The Limburg factor" in [a.get_text(strip=True) for a in featured_en]
    assert all(a["href"].startswith("/en/") for a in featured_en)


def test_switcher_leads_to_the_translation_of_a_deep_page(client):
    soup = parse(client.get("/nl/over-het-programma/toegankelijkheid/"))
    assert language_nav(soup).select_one('a[hreflang="en"]')["href"] == "/en/about/accessibility/"


def test_switcher_falls_back_to_nearest_translated_ancestor(client, page_by_slug):
    about = page_by_slug("over-het-programma")
    untranslated = ContentPageFactory(
        parent=about, title="Alleen in het Nederlands", slug="alleen-nl"
    )
    untranslated.save_revision().publish()

    response = client.get("/nl/over-het-programma/alleen-nl/")
    soup = parse(response)
    english = language_nav(soup).select_one('a[hreflang="en"]')
    assert english["href"] == "/en/about/"
    assert "rel" not in english.attrs  # not an alternate of this page
    # No hreflang alternate for a translation that does not exist.
    assert not soup.select('link[rel="alternate"][hreflang="en"]')
    assert client.get(english["href"]).status_code == 200


def test_switcher_follows_a_new_translation_at_once(client, page_by_slug, locale_en):
    """The language links are fragment-cached: a published translation shows at once."""
    about = page_by_slug("over-het-programma")
    page = ContentPageFactory(parent=about, title="Nu vertaald", slug="nu-vertaald")
    page.save_revision().publish()
    url = "/nl/over-het-programma/nu-vertaald/"
    assert language_nav(parse(client.get(url))).select_one('a[hreflang="en"]')["href"] == (
        "/en/about/"
    )

    english = page.copy_for_translation(locale_en)
    english.title, english.slug = "Now translated", "now-translated"
    english.save_revision().publish()
    soup = parse(client.get(url))
    assert language_nav(soup).select_one('a[hreflang="en"]')["href"] == (
        "/en/about/now-translated/"
    )
    assert soup.select('link[rel="alternate"][hreflang="en"]')


@pytest.mark.parametrize(
    ("path", "language", "title"),
    [
        ("/nl/bestaat-niet/", "nl", "Pagina niet gevonden"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_404_is_in_the_visitors_language(client, path, language, title):
    response = client.get(path)
    assert response.status_code == 404
    soup = parse(response)
    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True) == title


def test_unprefixed_unknown_path_gets_a_dutch_404(client):
    response = client.get("/bestaat-niet/", follow=True)
    assert response.status_code == 404
    assert parse(response).html["lang"] == "nl"


def test_every_public_page_has_landmarks_and_one_h1(client):
    for page in ContentPage.objects.live():
        soup = parse(client.get(page.url))
        assert len(soup.find_all("h1")) == 1, page.url
        assert soup.select_one("main#main[tabindex='-1']"), page.url
        assert soup.select_one("a.utrecht-skip-link[href='#main']"), page.url
        assert soup.find("header") and soup.find("footer"), page.url
        # The breadcrumb is a nav outside <main>.
        assert not soup.select("main nav.utrecht-breadcrumb-nav"), page.url


def test_footer_links_to_the_statements_in_the_visitors_language(client):
    links = {
        a.get_text(strip=True): a["href"] for a in parse(client.get("/en/")).select("footer a")
    }
    assert links["Accessibility statement"] == "/en/about/accessibility/"
    assert links["Privacy statement"] == "/en/about/privacy/"


def test_key_figures_carry_their_source(client):
    soup = parse(client.get("/nl/over-het-programma/"))
    figures = soup.select(".lp-key-figures__item")
    assert figures
    for figure in figures:
        assert figure.select_one(".lp-key-figures__source a")["href"].startswith("https://")


def test_content_page_shows_its_themes_and_tags(client):
    soup = parse(client.get("/nl/kennisbank/limburg-factor/"))
    badges = [badge.get_text(strip=True) for badge in soup.select(".lp-classification .lp-badge")]
    assert badges == ["Gezondheid"]
    assert "Limburg-factor" in soup.select_one(".lp-classification").get_text()


def test_home_query_count_does_not_grow_with_featured_items(
    client, home_nl, count_queries, django_assert_max_num_queries
):
    client.get("/nl/")  # warm the site and settings caches
    baseline = count_queries(lambda: client.get("/nl/"))
    for page in publish_content_pages(home_nl, 6, "Uitgelicht"):
        HomePageFeaturedItem.objects.create(home_page=home_nl, page=page)
    with django_assert_max_num_queries(baseline):
        response = client.get("/nl/")
    assert len(parse(response).select(".lp-teaser")) == 8


def test_section_listing_query_count_does_not_grow(
    client, page_by_slug, count_queries, django_assert_max_num_queries
):
    client.get("/nl/kennisbank/")
    before = len(parse(client.get("/nl/kennisbank/")).select(".lp-teaser"))
    baseline = count_queries(lambda: client.get("/nl/kennisbank/"))
    publish_content_pages(page_by_slug("kennisbank"), 8, "Artikel")
    with django_assert_max_num_queries(baseline):
        response = client.get("/nl/kennisbank/")
    assert len(parse(response).select(".lp-teaser")) == before + 8


def test_theme_accent_is_a_class_never_an_inline_style(client):
    html = client.get("/nl/").content.decode()
    assert 'style="' not in html
    accents = set(re.findall(r"lp-accent--(\w+)", html))
    assert accents <= {choice for choice, _label in Theme._meta.get_field("accent").choices}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/nl/",
            [
                "Home",
                "Praktijkvoorbeelden",
                "Thema's",
                "Wijken en dorpen in cijfers",
                "Kennisbank",
                "Partners",
                "Over het programma",
                "Zoeken",
            ],
        ),
        (
            "/en/",
            [
                "Home",
                "Case studies",
                "Themes",
                "Neighbourhoods and villages in figures",
                "Knowledge base",
                "Partners",
                "About the programme",
                "Search",
            ],
        ),
    ],
)
def test_main_menu_lists_the_sections_and_search(client, path, expected):
    menu = parse(client.get(path)).select("nav.lp-main-nav a")
    assert [link.get_text(strip=True) for link in menu] == expected
    assert menu[0]["aria-current"] == "page"


def test_404_has_no_alternates_and_its_switcher_leads_home(client):
    soup = parse(client.get("/nl/bestaat-niet/"))
    assert not soup.select('link[rel="alternate"][hreflang]')
    assert language_nav(soup).select_one('a[hreflang="en"]')["href"] == "/en/"


def test_switcher_on_the_search_page_keeps_the_query(client):
    soup = parse(client.get("/nl/zoeken/", {"query": "gezondheid"}))
    assert (
        language_nav(soup).select_one('a[hreflang="en"]')["href"] == "/en/search/?query=gezondheid"
    )
    alternates = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
    assert alternates == {"nl", "en", "x-default"}


def test_titles_are_escaped_everywhere(client, page_by_slug):
    # X3: markup in a title is shown as text on the page, in cards, breadcrumbs and search results.
    payload = '"><img src=x onerror=alert(1)>{{7*7}}'
    about = page_by_slug("over-het-programma")
    page = ContentPageFactory(parent=about, title=f"Xsswijk {payload}", slug="xss", summary=payload)
    page.save_revision().publish()
    for url in (
        "/nl/over-het-programma/xss/",
        "/nl/over-het-programma/",
        "/nl/zoeken/?query=Xsswijk",
    ):
        html = client.get(url).content.decode()
        assert "<img src=x" not in html, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, url
        assert "{{7*7}}" in html, url
