"""Sitemap, robots.txt, CSV/JSON downloads, the DCAT-AP catalogue and structured data."""

import csv
import io
import json

from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from casestudies.models import CaseStudyPage
from knowledge.models import InterventionPage, ResearchOutputPage, VillageDealPage

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def path_of(url):
    return "/" + url.split("/", 3)[3]


# Sitemap and robots.txt ---------------------------------------------------------------


def test_sitemap_lists_every_live_public_page_with_its_translations(
    client, page_by_slug, locale_en, django_assert_max_num_queries
):
    draft = page_by_slug("vallisveld")
    draft.unpublish()
    private = page_by_slug("kerkrade-oost")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    with django_assert_max_num_queries(10):
        response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    root = etree.fromstring(response.content)
    locations = [path_of(loc.text) for loc in root.findall("s:url/s:loc", SITEMAP)]
    expected = {page.url for page in Page.objects.live().public().filter(depth__gt=1)}
    assert set(locations) == expected and len(locations) == len(expected)
    assert draft.url not in locations and private.url not in locations
    assert {"/nl/", "/en/", "/nl/praktijkvoorbeelden/donderberg-roermond/"} <= set(locations)

    entry = next(
        url
        for url in root.findall("s:url", SITEMAP)
        if path_of(url.find("s:loc", SITEMAP).text)
        == "/nl/praktijkvoorbeelden/donderberg-roermond/"
    )
    alternates = {
        link.get("hreflang"): path_of(link.get("href")) for link in entry.findall("x:link", SITEMAP)
    }
    english = page_by_slug("donderberg-roermond").get_translation(locale_en)
    assert alternates == {
        "nl": "/nl/praktijkvoorbeelden/donderberg-roermond/",
        "en": english.url,
        "x-default": "/nl/praktijkvoorbeelden/donderberg-roermond/",
    }


def test_robots_txt_names_the_sitemap(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


# Open data ------------------------------------------------------------------------------

DATASETS = {
    "praktijkvoorbeelden": CaseStudyPage,
    "onderzoek": ResearchOutputPage,
    "deals": VillageDealPage,
    "interventies": InterventionPage,
}


@pytest.mark.parametrize(("slug", "model"), DATASETS.items())
def test_csv_has_one_row_per_live_public_item(client, slug, model, django_assert_max_num_queries):
    hidden = model.objects.live().first()
    PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
    with django_assert_max_num_queries(15):
        response = client.get(f"/open-data/{slug}.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert f'filename="{slug}.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    expected = set(model.objects.live().public().values_list("pk", flat=True))
    assert {int(row["id"]) for row in rows} == expected and len(rows) == len(expected)
    assert str(hidden.pk) not in {row["id"] for row in rows}
    assert {row["language"] for row in rows} == {"nl", "en"}
    for row in rows:
        assert row["themes"] and row["url"].startswith("http")
        assert "<" not in row["summary"]  # metadata, not body HTML


@pytest.mark.parametrize(("slug", "model"), DATASETS.items())
def test_json_matches_the_csv(client, slug, model):
    data = client.get(f"/open-data/{slug}.json").json()
    rows = list(csv.DictReader(io.StringIO(client.get(f"/open-data/{slug}.csv").content.decode())))
    assert data["count"] == len(rows) == len(data["items"])
    assert [item["id"] for item in data["items"]] == [int(row["id"]) for row in rows]
    assert all(isinstance(item["themes"], list) for item in data["items"])


def test_deal_amounts_in_the_export_come_with_the_deal(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/open-data/deals.csv").content.decode())))
    midden = next(row for row in rows if row["title"] == "Regio Deal Midden-Limburg")
    assert midden["amounts_eur"] == "20000000.00"
    assert midden["term_start_year"] == "2025" and midden["term_end_year"] == "2028"


def test_exports_hold_no_contact_details(client, page_by_slug):
    page = page_by_slug("donderberg-roermond", model=CaseStudyPage)
    page.contact_email = "wijkregisseur@example.org"
    page.save_revision().publish()
    for slug in DATASETS:
        body = client.get(f"/open-data/{slug}.csv").content.decode()
        assert "wijkregisseur@example.org" not in body and "contact" not in body


def test_unknown_dataset_is_404(client):
    assert client.get("/open-data/geheim.csv").status_code == 404
    assert client.get("/open-data/geheim.json").status_code == 404


def test_dcat_catalogue_describes_every_dataset_with_a_licence(client):
    response = client.get("/open-data/catalogus.jsonld")
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    datasets = {entry["dct:identifier"]: entry for entry in catalogue["dcat:dataset"]}
    assert set(DATASETS) <= set(datasets)
    assert "cbs-85984NED" in datasets  # the indicator data, with CBS's licence
    for entry in datasets.values():
        assert entry["dct:license"].startswith("https://creativecommons.org/")
        assert entry["dcat:distribution"]
    csv_url = next(
        d["dcat:downloadURL"]
        for d in datasets["onderzoek"]["dcat:distribution"]
        if d["dcat:mediaType"] == "text/csv"
    )
    assert client.get(path_of(csv_url)).status_code == 200


def test_open_data_page_links_every_download(client):
    soup = BeautifulSoup(client.get("/nl/open-data/").content, "html.parser")
    hrefs = {a["href"] for a in soup.find_all("a")}
    for slug in DATASETS:
        assert {f"/open-data/{slug}.csv", f"/open-data/{slug}.json"} <= hrefs
    assert "/open-data/catalogus.jsonld" in hrefs


# Structured data and sharing -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "schema_type"),
    [
        ("/nl/", "WebSite"),
        ("/nl/praktijkvoorbeelden/", "CollectionPage"),
        ("/nl/praktijkvoorbeelden/donderberg-roermond/", "Article"),
        ("/nl/kennisbank/onderzoek/op-zoek-naar-de-limburg-factor/", "Report"),
        ("/nl/kennisbank/deals/town-deal-beesel/", "Article"),
        ("/nl/themas/wonen/", "CollectionPage"),
        ("/en/about/", "WebPage"),
    ],
)
def test_every_page_has_json_ld_and_breadcrumbs(client, path, schema_type):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    blocks = [json.loads(tag.string) for tag in soup.find_all("script", type="application/ld+json")]
    types = [block["@type"] for block in blocks]
    assert types[0] == schema_type
    if path not in ("/nl/", "/en/"):
        crumbs = next(block for block in blocks if block["@type"] == "BreadcrumbList")
        items = crumbs["itemListElement"]
        assert [item["position"] for item in items] == list(range(1, len(items) + 1))
        assert items[-1]["item"].endswith(path)


def test_sharing_meta_with_a_default_image(client):
    soup = BeautifulSoup(client.get("/nl/themas/wonen/").content, "html.parser")
    image = soup.find("meta", property="og:image")["content"]
    assert image.endswith(".png") and "og-default" in image
    assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
    assert soup.find("meta", attrs={"name": "twitter:title"})["content"] == "Wonen"
