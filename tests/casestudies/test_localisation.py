"""Case studies across languages: the English tree follows the Dutch one, what is only in
Dutch says so, machine outputs carry no duplicates, and dates and amounts follow the
reader's language."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import User

from wagtail.models import Page
from wagtail_localize.synctree import create_aliases_for_new_page

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FundingInstrument
from limburg.models import ContentPage
from tests.limburg.conftest import page_form

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_for(soup, title):
    links = [link for link in soup.select("main li a") if title in link.get_text()]
    assert links, f"{title!r} not listed"
    return links[0].find_parent("li")


@pytest.fixture
def dutch_only(make_case_study, locale_en):
    """A Dutch case study not yet translated, synchronised into the English tree as
    wagtail-localize does when it is made in the admin."""
    page = make_case_study("Buurtkamer Zandberg", summary="Een buurtkamer met koffie.")
    page.refresh_from_db()  # as published
    create_aliases_for_new_page(page)
    return page, Page.objects.get(alias_of=page, locale=locale_en).specific


def test_a_dutch_page_made_in_the_admin_gets_its_place_in_the_english_tree(
    client, locale_nl, locale_en, page_by_slug
):
    client.force_login(User.objects.get(username="redactie"))
    about = page_by_slug("over-het-programma")
    response = client.post(
        f"/admin/pages/add/limburg/contentpage/{about.pk}/",
        page_form("Spreekuur in de wijk", "spreekuur", **{"action-publish": "publish"}),
    )
    assert response.status_code == 302
    page = ContentPage.objects.get(slug="spreekuur", locale=locale_nl)
    alias = Page.objects.get(alias_of=page)
    # Under the English translation of its parent, at the same slug, live like the original.
    assert alias.locale == locale_en
    assert alias.get_parent().pk == about.get_translation(locale_en).pk
    assert alias.live
    assert client.get("/en/about/spreekuur/").status_code == 200


def test_an_english_listing_marks_what_is_only_in_dutch(client, dutch_only, locale_en):
    english = parse(client.get(CaseStudyIndexPage.objects.get(locale=locale_en).url))
    card = card_for(english, "Buurtkamer Zandberg")
    assert card["lang"] == "nl"
    badge = card.select_one(".lp-teaser__language")
    assert badge.get_text(strip=True) == "Only in Dutch"
    assert badge["lang"] == "en"
    # A translated case study has no such label.
    translated = card_for(english, "Integrated approach Vastenavondkamp, Venlo")
    assert "lang" not in translated.attrs
    assert translated.select_one(".lp-teaser__language") is None
    # The Dutch listing shows the page as it is.
    dutch = parse(client.get("/nl/praktijkvoorbeelden/"))
    assert card_for(dutch, "Buurtkamer Zandberg").select_one(".lp-teaser__language") is None


def test_an_alias_is_classified_in_its_own_language(client, dutch_only, locale_en):
    _page, alias = dutch_only
    assert [(theme.locale, theme.slug) for theme in alias.themes.all()] == [(locale_en, "health")]
    index = CaseStudyIndexPage.objects.get(locale=locale_en)
    filtered = parse(client.get(index.url, {"theme": "health", "sort": "title"}))
    assert card_for(filtered, "Buurtkamer Zandberg") is not None


def test_english_search_finds_it_marked_only_in_dutch(client, dutch_only):
    soup = parse(client.get("/en/search/", {"query": "buurtkamer"}))
    hit = card_for(soup, "Buurtkamer Zandberg")
    assert hit["lang"] == "nl"
    assert hit.select_one(".lp-teaser__language").get_text(strip=True) == "Only in Dutch"


def test_the_untranslated_page_says_so_and_points_to_the_dutch(client, dutch_only):
    page, alias = dutch_only
    soup = parse(client.get(alias.url))
    assert soup.html["lang"] == "en"
    main = soup.select_one("main")
    assert main["lang"] == "nl"
    notice = main.select_one(".utrecht-alert")
    assert notice["lang"] == "en"
    assert "not been translated yet" in notice.get_text()
    assert "Dutch" in notice.get_text()
    dutch_url = f"http://testserver{page.url}"
    assert soup.select_one('link[rel="canonical"]')["href"].endswith(page.url)
    # No hreflang alternate names the alias; the Dutch page is the one to index.
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert alternates == {"nl": dutch_url, "x-default": dutch_url}
    # The Dutch page itself carries no notice.
    dutch = parse(client.get(page.url))
    assert dutch.select_one("main").get("lang") is None
    assert dutch.select_one("main .utrecht-alert") is None


def test_machine_outputs_leave_aliases_out(client, dutch_only):
    page, alias = dutch_only
    english_api = client.get(
        "/api/v2/pages/", {"locale": "en", "type": "casestudies.CaseStudyPage", "limit": 100}
    ).json()
    assert alias.pk not in [item["id"] for item in english_api["items"]]
    assert client.get(f"/api/v2/pages/{alias.pk}/").status_code == 404
    dutch_api = client.get(
        "/api/v2/pages/", {"locale": "nl", "type": "casestudies.CaseStudyPage", "limit": 100}
    ).json()
    assert page.pk in [item["id"] for item in dutch_api["items"]]

    assert "Buurtkamer Zandberg" not in client.get("/en/feed/").content.decode()
    assert "Buurtkamer Zandberg" in client.get("/nl/feed/").content.decode()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{page.url}</loc>" in sitemap
    assert alias.url not in sitemap


def test_dates_and_amounts_follow_the_readers_language(make_case_study, client, locale_nl):
    page = make_case_study("Speeltuin De Heide", last_checked=datetime.date(2026, 3, 5))
    page.funding.add(
        page.funding.model(
            instrument=FundingInstrument.objects.get(locale=locale_nl, slug="eigen-middelen"),
            source_name="Testbron",
            amount=Decimal("1250000"),
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    create_aliases_for_new_page(page)
    alias = Page.objects.get(alias_of=page)

    dutch = client.get(page.url).content.decode()
    assert "5 maart 2026" in dutch
    assert "€&nbsp;1.250.000" in dutch
    english = client.get(alias.url).content.decode()
    assert "5 March 2026" in english
    assert "€&nbsp;1,250,000" in english


def test_an_english_listing_costs_the_same_with_aliases(
    client, make_case_study, locale_en, count_queries, django_assert_max_num_queries
):
    url = CaseStudyIndexPage.objects.get(locale=locale_en).url
    baseline = count_queries(lambda: client.get(url))
    for number in range(4):
        create_aliases_for_new_page(make_case_study(f"Ontmoetingsplek {number}"))
    assert CaseStudyPage.objects.filter(locale=locale_en, alias_of__isnull=False).count() == 4
    with django_assert_max_num_queries(baseline):
        client.get(url)
