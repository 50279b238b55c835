"""Theme dossiers: picks, the automatic lists, the busiest places, and the home page's links."""

from datetime import date

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from knowledge.models import ResearchIndexPage, ResearchOutputPage, ThemeDossierPage
from limburg.models import Place, Theme
from tests.factories import add_classified_page

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def dossier(locale_nl):
    return ThemeDossierPage.objects.get(locale=locale_nl, slug="wonen")


@pytest.fixture
def publish_output(locale_nl):
    index = ResearchIndexPage.objects.get(locale=locale_nl)

    def publish(title, *, themes=("wonen",), places=(), locale=locale_nl, parent=index, live=True):
        page = ResearchOutputPage(
            title=title,
            locale=locale,
            kind="rapport",
            summary="Kort.",
            publication_date=date(2025, 1, 1),
        )
        return add_classified_page(parent, page, themes=themes, places=places, live=live)

    return publish


def test_there_is_a_dossier_per_theme_in_both_languages(locale_nl, locale_en):
    for locale in (locale_nl, locale_en):
        themes = set(Theme.objects.filter(locale=locale).values_list("pk", flat=True))
        dossiers = set(
            ThemeDossierPage.objects.live().filter(locale=locale).values_list("theme_id", flat=True)
        )
        assert dossiers == themes


def test_home_page_links_the_five_dossiers(client):
    soup = parse(client.get("/nl/"))
    links = {a["href"] for a in soup.select(".lp-theme-card a")}
    assert links == {
        f"/nl/themas/{slug}/" for slug in ("veiligheid", "gezondheid", "leren", "werken", "wonen")
    }
    soup = parse(client.get("/en/"))
    assert "/en/themes/housing/" in {a["href"] for a in soup.select(".lp-theme-card a")}


def test_latest_lists_hold_exactly_the_live_items_with_the_theme(
    dossier, publish_output, locale_en
):
    fresh = publish_output("Nieuw over wonen")
    publish_output("Over gezondheid", themes=("gezondheid",))
    publish_output("Concept over wonen", live=False)
    private = publish_output("Besloten over wonen")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    english_index = ResearchIndexPage.objects.get(locale=locale_en)
    publish_output(
        "Housing in English", locale=locale_en, parent=english_index, themes=("housing",)
    )

    dossier = ThemeDossierPage.objects.get(pk=dossier.pk)
    (research,) = [
        [page.title for page in pages]
        for _label, pages in dossier.latest_by_kind
        if isinstance(pages[0], ResearchOutputPage)
    ]
    assert research[0] == fresh.title
    wonen = Theme.objects.get(locale=dossier.locale, slug="wonen")
    for _label, pages in dossier.latest_by_kind:
        for page in pages:
            assert page.live and page.locale_id == dossier.locale_id
            assert wonen in page.themes.all()
    all_titles = {page.title for _label, pages in dossier.latest_by_kind for page in pages}
    assert not all_titles & {
        "Over gezondheid",
        "Concept over wonen",
        "Besloten over wonen",
        "Housing in English",
    }


def test_busiest_places_count_wijken_in_their_gemeente(dossier, publish_output):
    baseline = {
        place.code: n for place, n in ThemeDossierPage.objects.get(pk=dossier.pk).busiest_places
    }
    wijk = Place.objects.filter(kind="wijk", parent__code="GM0888").first()
    for number in range(9):
        publish_output(f"Beek {number}", places=[wijk.code])
    places = ThemeDossierPage.objects.get(pk=dossier.pk).busiest_places
    assert places[0][0].code == "GM0888"
    assert places[0][1] == baseline.get("GM0888", 0) + 9


def test_dossier_page_shows_picks_latest_and_places(client, dossier):
    soup = parse(client.get(dossier.url))
    picks = [a.get_text(strip=True) for a in soup.select("#picks-heading + ul .lp-teaser__title a")]
    chosen = [pick.page.title for pick in dossier.picks.select_related("page")]
    assert picks == chosen and len(chosen) == 3
    places = soup.select("#places-heading + ol a")
    assert places and all("theme=wonen" in a["href"] and "gemeente=GM" in a["href"] for a in places)


def test_dossier_query_count_does_not_grow(
    client, dossier, publish_output, count_queries, django_assert_max_num_queries
):
    client.get(dossier.url)
    baseline = count_queries(lambda: client.get(dossier.url))
    for number in range(10):
        publish_output(f"Meer {number}", places=["GM0935", "GM0917"])
    with django_assert_max_num_queries(baseline):
        client.get(dossier.url)
