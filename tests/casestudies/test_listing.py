"""The case-study listing: filters, counts, combinations, sorting, paging, map and feed."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage

pytestmark = pytest.mark.django_db

URL = "/nl/praktijkvoorbeelden/"


def get(client, **params):
    return client.get(URL, params)


def titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(
        a.get_text(strip=True) for a in soup.select(".lp-listing__results .lp-teaser__title a")
    )


def facet_counts(response, name):
    soup = BeautifulSoup(response.content, "html.parser")
    counts = {}
    for option in soup.select(f"select[name={name}] option"):
        if option["value"]:
            counts[option["value"]] = int(option.get_text().rsplit("(", 1)[1].rstrip(")"))
    return counts


def test_no_filter_lists_all_with_counts(client, studies):
    response = get(client)
    assert response.status_code == 200
    assert titles(response) == ["Alpha", "Bravo", "Charlie", "Delta"]
    assert facet_counts(response, "theme") == {
        "veiligheid": 0,
        "gezondheid": 2,
        "leren": 1,
        "werken": 0,
        "wonen": 2,
    }
    assert facet_counts(response, "kind") == {
        "gebiedsaanpak": 2,
        "programma": 1,
        "project": 1,
        "interventie-in-de-praktijk": 0,
    }
    assert facet_counts(response, "status")["lopend"] == 2
    instruments = facet_counts(response, "instrument")
    assert (
        instruments["nplv"] == 2 and instruments["regio-deal"] == 1 and instruments["anders"] == 0
    )


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"theme": "gezondheid"}, ["Alpha", "Bravo"]),
        ({"theme": "wonen"}, ["Bravo", "Charlie"]),
        ({"kind": "gebiedsaanpak"}, ["Alpha", "Bravo"]),
        ({"status": "afgerond"}, ["Charlie"]),
        ({"instrument": "nplv"}, ["Alpha", "Delta"]),
        ({"lessons": "on"}, ["Bravo"]),
        ({"gemeente": "GM0917"}, ["Alpha"]),
        ({"theme": "gezondheid", "kind": "gebiedsaanpak", "status": "lopend"}, ["Alpha"]),
        ({"theme": "wonen", "instrument": "regio-deal"}, ["Charlie"]),
        ({"theme": "leren", "gemeente": "GM0917"}, []),
        ({"query": "Charlie"}, ["Charlie"]),
        ({"query": "Charlie", "theme": "gezondheid"}, []),
    ],
)
def test_filters_and_combinations(client, studies, params, expected):
    assert titles(get(client, **params)) == expected


def test_gemeente_filter_includes_its_wijken(client, studies):
    # Bravo is placed in the wijk Kerkrade-Oost, not in the gemeente itself.
    response = get(client, gemeente="GM0928")
    assert titles(response) == ["Bravo"]
    assert facet_counts(get(client), "gemeente")["GM0928"] == 1


def test_facet_counts_apply_the_other_filters(client, studies):
    response = get(client, theme="gezondheid")
    # The kind counts are for gezondheid only; the theme counts ignore the theme filter.
    assert facet_counts(response, "kind")["gebiedsaanpak"] == 2
    assert facet_counts(response, "kind")["project"] == 0
    assert facet_counts(response, "theme")["wonen"] == 2
    assert (
        "(1)"
        in BeautifulSoup(response.content, "html.parser")
        .select_one("label[for=filter-lessons]")
        .text
    )


UNKNOWN_VALUES = [
    {"theme": "bestaat-niet"},
    {"gemeente": "GM9999"},
    {"kind": "x"},
    {"status": "<script>"},
    {"instrument": "geld"},
    {"sort": "random"},
    {"theme": ["gezondheid", "'; DROP TABLE"]},
]


@pytest.mark.parametrize("params", UNKNOWN_VALUES)
def test_unknown_filter_value_is_a_clear_400(client, studies, params):
    response = get(client, **params)
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#filter-errors")
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_sorting(client, studies):
    soup = BeautifulSoup(get(client, sort="start").content, "html.parser")
    order = [a.get_text(strip=True) for a in soup.select(".lp-teaser__title a")]
    assert order == ["Bravo", "Alpha", "Delta", "Charlie"]
    soup = BeautifulSoup(get(client, sort="title").content, "html.parser")
    assert [a.get_text(strip=True) for a in soup.select(".lp-teaser__title a")] == [
        "Alpha",
        "Bravo",
        "Charlie",
        "Delta",
    ]


def test_pagination_keeps_the_filters(client, empty_index, make_case_study):
    for index in range(14):
        make_case_study(f"Studie {index:02d}", themes=["wonen"])
    response = get(client, theme="wonen", sort="title")
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".lp-teaser")) == 12
    next_url = soup.select_one("nav.utrecht-pagination a[rel=next]")["href"]
    assert "theme=wonen" in next_url and "sort=title" in next_url and "page=2" in next_url
    second = client.get(URL + next_url)
    assert len(BeautifulSoup(second.content, "html.parser").select(".lp-teaser")) == 2


def test_the_map_has_one_path_per_gemeente_with_its_count_class(client, studies):
    soup = BeautifulSoup(get(client).content, "html.parser")
    links = soup.select("svg.lp-map__svg a")
    assert len(links) == 31
    classes = {link["data-code"]: link.path["class"][1] for link in links}
    assert classes["GM0917"] == "lp-map__area--1"
    assert classes["GM0928"] == "lp-map__area--1"  # via its wijk
    assert classes["GM0882"] == "lp-map__area--0"
    assert all(link.path.get("d", "").startswith("M") for link in links)
    heerlen = soup.select_one('svg.lp-map__svg a[data-code="GM0917"]')
    assert heerlen["href"] == "?gemeente=GM0917"
    # The same counts in an accessible table.
    rows = {
        row.th.get_text(strip=True): row.td.get_text(strip=True)
        for row in soup.select(".lp-map__table tbody tr")
    }
    assert rows["Heerlen"] == "1" and rows["Landgraaf"] == "0" and len(rows) == 31


def test_map_count_classes_grow_with_the_count(client, empty_index, make_case_study):
    for index in range(5):
        make_case_study(f"Heerlen {index}", places=["GM0917"])
    for index in range(3):
        make_case_study(f"Venlo {index}", places=["GM0983"])
    soup = BeautifulSoup(get(client).content, "html.parser")
    classes = {
        link["data-code"]: link.path["class"][1] for link in soup.select("svg.lp-map__svg a")
    }
    assert classes["GM0917"] == "lp-map__area--4"
    assert classes["GM0983"] == "lp-map__area--3"


@pytest.mark.parametrize("count", [10, 200])
def test_listing_query_count_is_bounded(
    client, empty_index, make_case_study, django_assert_max_num_queries, count
):
    for index in range(count):
        make_case_study(
            f"Studie {index}",
            themes=["wonen", "leren"],
            places=["GM0917", "WK092801"],
            instrument="nplv",
        )
    get(client, theme="wonen")  # warm the site caches
    # The same bound for 10 and for 200: one query per facet, not per case study.
    with django_assert_max_num_queries(40):
        response = get(client, theme="wonen")
    assert response.status_code == 200


def test_feed_of_the_filtered_listing_parses(client, studies):
    response = client.get(URL + "feed/", {"theme": "gezondheid"})
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert sorted(item.findtext("title") for item in items) == ["Alpha", "Bravo"]
    assert all(
        item.findtext("link").startswith("http://testserver/nl/praktijkvoorbeelden/")
        for item in items
    )
    assert "theme=gezondheid" in channel.findtext("link")
    categories = {category.text for item in items for category in item.findall("category")}
    assert "Gezondheid" in categories


def test_feed_survives_control_characters(client, empty_index, make_case_study):
    # What forms let through (Django refuses NUL bytes) and XML 1.0 cannot carry.
    make_case_study("Titel met\x0bverticale tab en \ufffe", summary="Samen\x0cvatting")
    response = client.get(URL + "feed/")
    assert response.status_code == 200
    ET.fromstring(response.content)  # well-formed XML


def test_listing_advertises_its_feed(client, studies):
    soup = BeautifulSoup(get(client, theme="wonen").content, "html.parser")
    link = soup.select_one('link[rel=alternate][type="application/rss+xml"]')
    assert link["href"] == "/nl/praktijkvoorbeelden/feed/?theme=wonen"


def test_listing_is_per_language(client, studies):
    english = titles(client.get("/en/case-studies/"))
    assert "Kansrijke Start" in english and "Alpha" not in english
    assert all(
        page.locale.language_code == "en"
        for page in CaseStudyPage.objects.live().filter(title__in=english)
    )
    assert titles(get(client)) == ["Alpha", "Bravo", "Charlie", "Delta"]
