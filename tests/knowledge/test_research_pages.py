"""Research outputs: the admin, the detail page and its scholarly metadata, the listing."""

import json
from datetime import date

from django.contrib.auth.models import User

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from knowledge.models import ResearchOutputAuthor, ResearchOutputPage
from limburg.models import Place, Theme

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, name):
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]


def admin_data(**overrides):
    data = {
        "title": "Buurtgezondheid in Heerlen-Noord",
        "slug": "buurtgezondheid-heerlen-noord",
        "subtitle": "Een verkenning",
        "summary": "Hoe gezond zijn bewoners van Heerlen-Noord, en wat helpt?",
        "abstract": "We studied health in fourteen neighbourhoods.",
        "kind": "artikel",
        "language": "nl",
        "publisher": "",
        "publication_date": "2025-06-01",
        "date_precision": "month",
        "version": "",
        "peer_reviewed": "on",
        "previous_version": "",
        "doi": "https://doi.org/10.5281/zenodo.1234567",
        "isbn": "",
        "licence": "",
        "number_of_pages": "",
        "external_url": "",
        "tags": "gezondheid, wijk",
        "authors": inline_formset(
            [
                {
                    "family_name": "Carberry",
                    "given_names": "Josiah",
                    "affiliation": "",
                    "affiliation_text": "Universiteit Maastricht",
                    "orcid": "https://orcid.org/0000-0002-1825-0097",
                }
            ]
        ),
        "files": inline_formset([]),
        "related_case_studies": inline_formset([]),
        "body": streamfield([]),
    }
    data.update(overrides)
    return data


def test_an_editor_publishes_a_research_output_through_the_admin(client, research_nl, locale_nl):
    client.force_login(User.objects.get(username="redactie"))
    url = f"/admin/pages/add/knowledge/researchoutputpage/{research_nl.pk}/"
    assert client.get(url).status_code == 200
    theme = Theme.objects.get(locale=locale_nl, slug="gezondheid")
    place = Place.objects.get(code="GM0917")
    relations = {"themes": [theme.pk], "places": [place.pk]}
    data = {**admin_data(), "action-publish": "publish"}
    response = client.post(url, {**nested_form_data(data), **relations})
    assert response.status_code == 302, response.context["form"].errors

    page = ResearchOutputPage.objects.get(
        slug="buurtgezondheid-heerlen-noord", locale__language_code="nl"
    )
    assert page.live
    # Stored in one form, whatever was pasted.
    assert page.doi == "10.5281/zenodo.1234567"
    author = page.authors.get()
    assert author.orcid == "0000-0002-1825-0097"
    assert author.affiliation_name == "Universiteit Maastricht"
    assert list(page.themes.all()) == [theme]


def test_the_academy_reviewer_approves_and_lands_on_their_dashboard(client, research_nl, locale_nl):
    relations = {
        "themes": [Theme.objects.get(locale=locale_nl, slug="gezondheid").pk],
        "places": [Place.objects.get(code="GM0917").pk],
    }
    client.force_login(User.objects.get(username="onderzoeker"))
    submit = {**admin_data(), "action-submit": "submit"}
    response = client.post(
        f"/admin/pages/add/knowledge/researchoutputpage/{research_nl.pk}/",
        {**nested_form_data(submit), **relations},
    )
    assert response.status_code == 302, response.context["form"].errors
    page = ResearchOutputPage.objects.get(slug="buurtgezondheid-heerlen-noord", locale=locale_nl)
    assert page.current_workflow_task.name == "Review door de NPHN-academie"

    client.force_login(User.objects.get(username="reviewer"))
    approve = {
        **admin_data(),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**nested_form_data(approve), **relations}, follow=True
    )

    # Wagtail would go on to the research section, which a reviewer may not open.
    assert response.redirect_chain == [("/admin/", 302)]
    levels = [message.level_tag for message in response.context["messages"]]
    assert "success" in levels and "error" not in levels
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Goedkeuring provinciale redactie"
    assert not page.live


def test_admin_refuses_bad_identifiers_and_saves_nothing(client, research_nl, locale_nl):
    client.force_login(User.objects.get(username="redactie"))
    theme = Theme.objects.get(locale=locale_nl, slug="gezondheid")
    data = admin_data(
        doi="11.1000/182",
        isbn="978-0-306-40615-8",
        summary="",
        authors=inline_formset(
            [
                {
                    "family_name": "Carberry",
                    "given_names": "Josiah",
                    "affiliation": "",
                    "affiliation_text": "",
                    "orcid": "0000-0002-1825-0098",
                }
            ]
        ),
    )
    before = ResearchOutputPage.objects.count()
    response = client.post(
        f"/admin/pages/add/knowledge/researchoutputpage/{research_nl.pk}/",
        {**nested_form_data({**data, "action-publish": "publish"}), "themes": [theme.pk]},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"doi", "isbn", "summary"} <= set(form.errors)
    (orcid_error,) = form.formsets["authors"].forms[0].errors.as_data()["orcid"]
    assert orcid_error.code == "invalid_orcid_checksum"
    assert ResearchOutputPage.objects.count() == before
    assert not ResearchOutputAuthor.objects.filter(orcid__startswith="0000-0002-1825").exists()


def test_a_theme_is_required(client, research_nl):
    client.force_login(User.objects.get(username="redactie"))
    response = client.post(
        f"/admin/pages/add/knowledge/researchoutputpage/{research_nl.pk}/",
        nested_form_data(admin_data()),
    )
    assert response.status_code == 200
    assert "themes" in response.context["form"].errors


def test_the_page_shows_what_a_reader_and_a_citer_need(client, make_output, ggd, cc_by):
    page = make_output(
        "Gezond opgroeien in Kerkrade",
        subtitle="Tussenrapport",
        authors=[("Jansen", "Maria", "0000-0002-1825-0097"), ("Kuppens", "Estella", "")],
        publisher=ggd,
        doi="10.5281/zenodo.1234567",
        licence=cc_by,
        publication_date=date(2024, 3, 15),
        date_precision="day",
        abstract="An abstract.",
    )
    soup = parse(client.get(page.url))
    text = soup.get_text(" ", strip=True)
    assert "Samenvatting van Gezond opgroeien in Kerkrade." in text
    assert soup.find("a", href="https://doi.org/10.5281/zenodo.1234567")
    assert soup.find("a", href="https://creativecommons.org/licenses/by/4.0/", rel="license")
    assert soup.find("a", href="https://orcid.org/0000-0002-1825-0097")
    cite = soup.select_one(".lp-citation__text")
    assert cite.get_text() == (
        "Jansen, M., & Kuppens, E. (2024). Gezond opgroeien in Kerkrade: Tussenrapport "
        "[Rapport]. GGD Zuid Limburg. https://doi.org/10.5281/zenodo.1234567"
    )
    assert cite.find("i").get_text() == "Gezond opgroeien in Kerkrade: Tussenrapport"
    for export in ("bibtex", "ris", "csl-json"):
        assert soup.find("a", href=f"?format={export}")


def test_highwire_dublin_core_and_json_ld_in_the_head(client, make_output, ggd, cc_by):
    page = make_output(
        "Buurtkracht",
        authors=[("Jansen", "Maria", "0000-0002-1825-0097"), ("Kuppens", "Estella", "")],
        publisher=ggd,
        doi="10.5281/zenodo.1234567",
        licence=cc_by,
        publication_date=date(2023, 5, 1),
        date_precision="month",
        language="en",
        kind="artikel",
    )
    soup = parse(client.get(page.url))
    assert meta(soup, "citation_title") == ["Buurtkracht"]
    assert meta(soup, "citation_author") == ["Jansen, Maria", "Kuppens, Estella"]
    assert meta(soup, "citation_author_orcid") == ["https://orcid.org/0000-0002-1825-0097"]
    assert meta(soup, "citation_publication_date") == ["2023/05"]
    assert meta(soup, "citation_doi") == ["10.5281/zenodo.1234567"]
    assert meta(soup, "citation_publisher") == ["GGD Zuid Limburg"]
    assert meta(soup, "citation_language") == ["en"]
    assert meta(soup, "citation_pdf_url") == []  # no PDF uploaded
    assert soup.find("link", rel="schema.DC")
    assert meta(soup, "DC.creator") == ["Maria Jansen", "Estella Kuppens"]
    assert meta(soup, "DC.date") == ["2023-05"]
    assert meta(soup, "DC.identifier") == ["https://doi.org/10.5281/zenodo.1234567"]
    assert meta(soup, "DC.rights") == ["https://creativecommons.org/licenses/by/4.0/"]
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "ScholarlyArticle"
    assert data["datePublished"] == "2023-05"
    assert data["author"][0]["identifier"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "propertyID": "DOI",
        "value": "10.5281/zenodo.1234567",
    }
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_the_pdf_comes_first_and_is_the_citation_pdf(client, make_output):
    from django.core.files.base import ContentFile

    from wagtail.documents.models import Document

    annex = Document.objects.create(title="Bijlage", file=ContentFile(b"a,b\n1,2\n", "bijlage.csv"))
    report = Document.objects.create(
        title="Rapport", file=ContentFile(b"%PDF-1.4\n%%EOF\n", "rapport.pdf")
    )
    page = make_output("Met bestanden")
    page.files.create(document=annex, sort_order=0)
    page.files.create(document=report, sort_order=1)
    page.save_revision().publish()
    page = ResearchOutputPage.objects.get(pk=page.pk)
    assert [item.document for item in page.file_list] == [report, annex]
    soup = parse(client.get(page.url))
    assert meta(soup, "citation_pdf_url") == [f"http://testserver{report.url}"]
    links = [a["href"] for a in soup.select(".lp-document-list__item a")]
    assert links == [report.url, annex.url]


def test_date_precision_hides_what_the_source_does_not_give(client, make_output):
    page = make_output("Alleen een jaar", publication_date=date(2021, 1, 1), date_precision="year")
    soup = parse(client.get(page.url))
    assert meta(soup, "citation_publication_date") == ["2021"]
    assert soup.find("time", datetime="2021").get_text() == "2021"


def test_a_later_version_is_announced(client, make_output):
    first = make_output("Monitor 2023", version="1")
    second = make_output("Monitor 2024", version="2", previous_version=first)
    soup = parse(client.get(first.url))
    assert soup.find("a", href=second.url)


def test_a_publication_cannot_be_its_own_previous_version(make_output):
    from django.core.exceptions import ValidationError

    page = make_output("Zelf")
    page.previous_version = page
    with pytest.raises(ValidationError):
        page.full_clean()


# The listing -------------------------------------------------------------------


@pytest.fixture
def empty_research(research_nl):
    for page in ResearchOutputPage.objects.child_of(research_nl):
        page.delete()
    return research_nl


def results(client, index, query=""):
    response = client.get(index.url + query)
    return response, [a.get_text(strip=True) for a in parse(response).select(".lp-teaser__title a")]


def test_listing_filters_and_counts(client, empty_research, make_output, ggd):
    make_output(
        "A",
        kind="rapport",
        publication_date=date(2023, 1, 1),
        publisher=ggd,
        authors=[("Jansen", "Maria", "")],
    )
    make_output(
        "B",
        kind="artikel",
        publication_date=date(2024, 1, 1),
        authors=[("Jansen", "Maria", ""), ("Kuppens", "Estella", "")],
    )
    make_output("C", kind="artikel", publication_date=date(2024, 6, 1), themes=("wonen",))

    response, titles = results(client, empty_research)
    assert titles == ["C", "B", "A"]  # newest publication first
    facets = response.context["listing"].facets
    assert {v: n for v, _l, n in facets["kind"]}["artikel"] == 2
    assert {v: n for v, _l, n in facets["year"]} == {2024: 2, 2023: 1}
    assert {v: n for v, _l, n in facets["author"]} == {
        "Estella Kuppens": 1,
        "Maria Jansen": 2,
    }
    assert {v: n for v, _l, n in facets["publisher"]} == {ggd.pk: 1}

    assert results(client, empty_research, "?kind=artikel")[1] == ["C", "B"]
    assert results(client, empty_research, "?year=2024&theme=wonen")[1] == ["C"]
    assert results(client, empty_research, f"?publisher={ggd.pk}")[1] == ["A"]
    response, titles = results(client, empty_research, "?author=Maria+Jansen&sort=title")
    assert titles == ["A", "B"]
    # Counts for one facet apply the other filters.
    kinds = {v: n for v, _l, n in response.context["listing"].facets["kind"]}
    assert kinds["artikel"] == 1 and kinds["rapport"] == 1


@pytest.mark.parametrize("query", ["?year=abc", "?kind=roman", "?author=Niemand", "?publisher=0"])
def test_listing_reports_bad_filters(client, research_nl, query):
    response = client.get(research_nl.url + query)
    assert response.status_code == 400
    assert parse(response).find(id="filter-errors")


def test_listing_shows_no_drafts_or_private_outputs(client, empty_research, make_output):
    make_output("Openbaar")
    make_output("Concept", publish=False)
    private = make_output("Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert results(client, empty_research)[1] == ["Openbaar"]


def test_listing_query_count_does_not_grow(
    client, empty_research, make_output, ggd, count_queries, django_assert_max_num_queries
):
    make_output("Eerste", publisher=ggd, authors=[("Jansen", "Maria", "")])
    baseline = count_queries(lambda: client.get(empty_research.url))
    for number in range(12):
        make_output(
            f"Nog een {number}",
            publisher=ggd,
            publication_date=date(2010 + number, 1, 1),
            authors=[(f"Auteur{number}", "Test", "")],
        )
    with django_assert_max_num_queries(baseline):
        client.get(empty_research.url)


def test_detail_query_count_does_not_grow_with_authors(
    client, make_output, count_queries, django_assert_max_num_queries
):
    small = make_output("Klein", authors=[("Een", "A", "")])
    baseline = count_queries(lambda: client.get(small.url))
    big = make_output("Groot", authors=[(f"Auteur{n}", "B", "") for n in range(15)])
    with django_assert_max_num_queries(baseline):
        client.get(big.url)


def test_demo_research_is_real_and_in_both_languages(client, research_nl, locale_en):
    titles = set(
        ResearchOutputPage.objects.live()
        .filter(locale=research_nl.locale)
        .values_list("title", flat=True)
    )
    assert {"Op zoek naar de Limburg-factor", "Een eerlijke kans op gezond leven"} <= titles
    # Nothing the sources do not give.
    assert not ResearchOutputPage.objects.exclude(doi="").exists()
    assert not ResearchOutputPage.objects.exclude(isbn="").exists()
    limburg_factor = ResearchOutputPage.objects.get(slug="op-zoek-naar-de-limburg-factor")
    english = limburg_factor.get_translation(locale_en)
    assert english.live and client.get(english.url).status_code == 200
