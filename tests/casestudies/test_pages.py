"""Case study pages: validation, the detail page, structured data, query counts, the admin."""

import json

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage, CaseStudyPartner, FundingInstrument
from limburg.models import Organisation, Place, Theme

pytestmark = pytest.mark.django_db


def form_errors(response):
    form = response.context["form"]
    return form.errors, {name: formset.errors for name, formset in form.formsets.items()}


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def test_end_year_cannot_be_before_start_year(index_nl, locale_nl):
    page = CaseStudyPage(
        title="Verkeerd om",
        slug="verkeerd-om",
        kind="project",
        status="lopend",
        summary="Kort.",
        start_year=2020,
        end_year=2019,
        locale=locale_nl,
    )
    with pytest.raises(ValidationError) as error:
        index_nl.add_child(instance=page)
    assert "end_year" in error.value.message_dict


def test_summary_is_required_and_short(index_nl, locale_nl):
    for summary in ("", "x" * 301):
        page = CaseStudyPage(
            title="Zonder",
            slug=f"zonder-{len(summary)}",
            kind="project",
            status="lopend",
            summary=summary,
            locale=locale_nl,
        )
        with pytest.raises(ValidationError) as error:
            index_nl.add_child(instance=page)
        assert "summary" in error.value.message_dict


def test_has_what_did_not_work_follows_the_field(make_case_study):
    page = make_case_study("Lessen")
    assert page.has_what_did_not_work is False
    page.what_did_not_work = [{"type": "paragraph", "value": "<p>De planning was te krap.</p>"}]
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.has_what_did_not_work is True


def test_demo_case_studies_are_real_and_sourced(index_nl):
    studies = {page.slug: page for page in CaseStudyPage.objects.child_of(index_nl).live()}
    assert {
        "trendbreuk-zuid-limburg",
        "kansrijke-start",
        "gezonde-basisschool-van-de-toekomst",
        "positieve-gezondheid",
        "donderberg-roermond",
        "vastenavondkamp-venlo",
        "kerkrade-oost",
        "heerlen-noord",
        "reuver-offenbeek",
        "pottenberg-nazareth",
        "geleen-zuid",
        "vallisveld",
    } <= set(studies)
    for page in studies.values():
        assert page.themes.exists() and page.places.exists(), page.slug
        assert page.sources, page.slug
        for block in page.key_figures:
            assert block.value["source"]["name"] and block.value["source"]["url"].startswith(
                "http"
            ), page.slug
    assert studies["donderberg-roermond"].places.get().code == "WK095704"
    assert studies["kerkrade-oost"].status == "intentieovereenkomst"


def test_detail_page_shows_the_structure(client):
    response = client.get("/nl/praktijkvoorbeelden/vastenavondkamp-venlo/")
    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == "Integrale aanpak Vastenavondkamp, Venlo"
    # Theme chips and places link to the filtered listing.
    chips = {a.get_text(strip=True): a["href"] for a in soup.select(".lp-facts a.lp-badge")}
    assert chips["Veiligheid"] == "/nl/praktijkvoorbeelden/?theme=veiligheid"
    assert soup.select_one('.lp-facts a[href="/nl/praktijkvoorbeelden/?gemeente=GM0983"]')
    # Partners with role, key figures with source, timeline, funding with source.
    partners = [
        li.select_one(".lp-partners__name").get_text(strip=True)
        for li in soup.select(".lp-partners__item")
    ]
    assert partners[0] == "Gemeente Venlo" and "Woonwenz" in partners
    assert all(
        item.select_one(".lp-key-figures__source a")
        for item in soup.select(".lp-key-figures__item")
    )
    assert [t["datetime"] for t in soup.select(".lp-timeline__date")][:3] == [
        "2019",
        "2021",
        "2023-01-13",
    ]
    funding_row = soup.select_one(".lp-funding tbody tr")
    assert "22.000.000" in funding_row.get_text() and funding_row.select_one("a[href^='https://']")
    # Breadcrumb back to the listing.
    assert [a.get_text(strip=True) for a in soup.select("nav.utrecht-breadcrumb-nav a")][:2] == [
        "Home",
        "Praktijkvoorbeelden",
    ]


def test_detail_page_lessons_section(client):
    soup = parse(client.get("/nl/praktijkvoorbeelden/trendbreuk-zuid-limburg/"))
    assert soup.select_one("#section-what-did-not-work")
    assert (
        "brandbrief"
        in soup.select_one("#section-what-did-not-work").find_parent("section").get_text()
    )


def test_json_ld_parses_and_describes_the_case_study(client):
    soup = parse(client.get("/nl/praktijkvoorbeelden/donderberg-roermond/"))
    scripts = soup.select('script[type="application/ld+json"]')
    blocks = [json.loads(script.string) for script in scripts]
    assert [block["@type"] for block in blocks] == ["Article", "BreadcrumbList"]
    data = blocks[0]
    assert data["@type"] == "Article"
    assert data["headline"] == "Wijkontwikkeling Donderberg, Roermond"
    assert data["inLanguage"] == "nl"
    assert {"@type": "Place", "name": "Wijk 04 Donderberg", "identifier": "WK095704"} in data[
        "spatialCoverage"
    ]
    assert data["temporalCoverage"] == "2012/2026"
    assert any(org["name"] == "Gemeente Roermond" for org in data["contributor"])


def test_json_ld_cannot_break_out_of_its_script(make_case_study, client):
    page = make_case_study("Titel </script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert json.loads(soup.select_one('script[type="application/ld+json"]').string)[
        "headline"
    ].startswith("Titel </script>")


def test_open_graph_metadata(client):
    soup = parse(client.get("/nl/praktijkvoorbeelden/kansrijke-start/"))
    meta = {tag["property"]: tag["content"] for tag in soup.select("meta[property^='og:']")}
    assert meta["og:title"] == "Kansrijke Start"
    assert meta["og:type"] == "article"
    assert meta["og:url"].endswith("/nl/praktijkvoorbeelden/kansrijke-start/")
    assert meta["og:locale"] == "nl_NL"
    assert meta["og:image"].startswith("http")


def test_contact_email_is_not_a_plain_mailto(make_case_study, client):
    page = make_case_study(
        "Met contact", contact_name="Programmateam", contact_email="team@example.org"
    )
    html = client.get(page.url).content.decode()
    assert "mailto:team@example.org" not in html and "team@example.org" not in html
    link = BeautifulSoup(html, "html.parser").select_one(".lp-contact-card a.utrecht-link--mailto")
    assert link["href"] == "mailto:team@example.org"  # the browser decodes the references


def test_related_and_suggested_case_studies(client):
    soup = parse(client.get("/nl/praktijkvoorbeelden/kerkrade-oost/"))
    related = [a.get_text(strip=True) for a in soup.select(".lp-related .lp-teaser__title a")]
    # Chosen first, then suggestions that share themes or places.
    assert related[:2] == [
        "Wijkontwikkeling Donderberg, Roermond",
        "Integrale aanpak Vastenavondkamp, Venlo",
    ]
    assert len(related) == 5
    assert "Gebiedsaanpak Kerkrade-Oost: (B)OOST" not in related


def test_detail_query_count_does_not_grow(
    client, make_case_study, locale_nl, count_queries, django_assert_max_num_queries
):
    page = make_case_study("Veel partners", themes=["wonen"], places=["GM0917"])
    client.get(page.url)
    baseline = count_queries(lambda: client.get(page.url))
    organisations = list(Organisation.objects.filter(locale=locale_nl)[:12])
    for order, organisation in enumerate(organisations):
        CaseStudyPartner.objects.create(
            page=page, organisation=organisation, role="partner", sort_order=order
        )
    page.themes.set(Theme.objects.filter(locale=locale_nl))
    page.places.set(Place.objects.wijken()[:10])
    page.key_figures = [
        {
            "type": "figure",
            "value": {
                "value": str(n),
                "label": f"cijfer {n}",
                "year": 2024,
                "source": {"name": "CBS", "url": "https://www.cbs.nl/"},
            },
        }
        for n in range(6)
    ]
    for index in range(5):
        make_case_study(f"Verwant {index}", themes=["wonen"], places=["GM0917"])
    page.save_revision().publish()
    with django_assert_max_num_queries(baseline + 2):  # + the suggestions' teaser lookups
        response = client.get(page.url)
    assert len(parse(response).select(".lp-partners__item")) == 12


def test_editor_creates_a_case_study_through_the_admin(client, index_nl, locale_nl):
    client.force_login(User.objects.get(username="redactie"))
    url = f"/admin/pages/add/casestudies/casestudypage/{index_nl.pk}/"
    assert client.get(url).status_code == 200
    theme = Theme.objects.get(locale=locale_nl, slug="wonen")
    place = Place.objects.get(code="WK095704")
    organisation = Organisation.objects.get(locale=locale_nl, name="Gemeente Roermond")
    instrument = FundingInstrument.objects.get(locale=locale_nl, slug="eigen-middelen")
    data = {
        "title": "Buurtkamer Donderberg",
        "slug": "buurtkamer-donderberg",
        "summary": "Een plek in de wijk waar bewoners elkaar ontmoeten.",
        "introduction": rich_text("<p>Een ontmoetingsruimte.</p>"),
        "kind": "project",
        "status": "lopend",
        "start_year": "2022",
        "end_year": "",
        "last_checked": "2026-11-30",
        "tags": "ontmoeting",
        "partners": inline_formset(
            [{"organisation": organisation.pk, "role": "trekker", "commitment": ""}]
        ),
        "funding": inline_formset(
            [
                {
                    "instrument": instrument.pk,
                    "amount": "",
                    "start_year": "",
                    "end_year": "",
                    "description": "",
                    "source_name": "Gemeente Roermond",
                    "source_url": "",
                }
            ]
        ),
        "related_pages": inline_formset([]),
        "background": streamfield(
            [("paragraph", rich_text("<p>Bewoners vroegen om een plek.</p>"))]
        ),
        "approach": streamfield([]),
        "results": streamfield([]),
        "what_did_not_work": streamfield([]),
        "lessons": streamfield([]),
        "key_figures": streamfield([]),
        "timeline": streamfield([]),
        "documents": streamfield([]),
        "sources": streamfield([]),
        "contact_name": "",
        "contact_role": "",
        "contact_organisation": "",
        "contact_email": "",
    }
    # Multiple-choice fields are lists, which nested_form_data would number.
    relations = {"themes": [theme.pk], "places": [place.pk]}
    # Saved as a draft first: not in the listing.
    response = client.post(url, {**nested_form_data(data), **relations})
    assert response.status_code == 302, form_errors(response)
    page = CaseStudyPage.objects.get(slug="buurtkamer-donderberg", locale__language_code="nl")
    assert not page.live
    assert "Buurtkamer Donderberg" not in client.get("/nl/praktijkvoorbeelden/").content.decode()
    # Then published from the edit view (which knows the saved inline rows): in
    # the listing and under its gemeente.
    partner, funding = page.partners.get(), page.funding.get()
    data["partners"] = inline_formset(
        [{"id": partner.pk, "organisation": organisation.pk, "role": "trekker", "commitment": ""}],
        initial=1,
    )
    data["funding"] = inline_formset(
        [
            {
                "id": funding.pk,
                "instrument": instrument.pk,
                "amount": "",
                "start_year": "",
                "end_year": "",
                "description": "",
                "source_name": "Gemeente Roermond",
                "source_url": "",
            }
        ],
        initial=1,
    )
    edit = f"/admin/pages/{page.pk}/edit/"
    response = client.post(
        edit, {**nested_form_data({**data, "action-publish": "publish"}), **relations}
    )
    assert response.status_code == 302, form_errors(response)
    listing = client.get("/nl/praktijkvoorbeelden/", {"gemeente": "GM0957"}).content.decode()
    assert "Buurtkamer Donderberg" in listing
    assert page.partners.get().role == "trekker"


def test_admin_explains_what_is_missing(client, index_nl):
    client.force_login(User.objects.get(username="redactie"))
    data = {
        "title": "Half",
        "slug": "half",
        "summary": "",
        "introduction": rich_text(""),
        "kind": "project",
        "status": "lopend",
        "start_year": "2024",
        "end_year": "2020",
        "last_checked": "2026-11-30",
        "tags": "",
        "partners": inline_formset([]),
        "funding": inline_formset(
            [
                {
                    "instrument": "",
                    "amount": "100",
                    "start_year": "",
                    "end_year": "",
                    "description": "",
                    "source_name": "",
                    "source_url": "",
                }
            ]
        ),
        "related_pages": inline_formset([]),
        **{
            name: streamfield([])
            for name in (
                "background",
                "approach",
                "results",
                "what_did_not_work",
                "lessons",
                "timeline",
                "documents",
                "sources",
            )
        },
        "key_figures": streamfield(
            [
                (
                    "figure",
                    {
                        "value": "8",
                        "unit": "",
                        "label": "gebieden",
                        "year": "2025",
                        "source": {"name": "", "url": ""},
                    },
                )
            ]
        ),
        "contact_name": "",
        "contact_role": "",
        "contact_organisation": "",
        "contact_email": "",
        "action-publish": "publish",
    }
    before = CaseStudyPage.objects.count()
    response = client.post(
        f"/admin/pages/add/casestudies/casestudypage/{index_nl.pk}/", nested_form_data(data)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "themes" in form.errors and "places" in form.errors
    assert "end_year" in form.errors and "summary" in form.errors
    assert "key_figures" in form.errors
    assert form.formsets["funding"].errors[0]
    assert CaseStudyPage.objects.count() == before


def test_english_case_studies_are_translations(client, locale_en, page_by_slug):
    dutch = page_by_slug("positieve-gezondheid", model=CaseStudyPage)
    english = dutch.get_translation(locale_en)
    assert english.slug == "positive-health" and english.live
    assert [p.organisation.locale_id for p in english.partners.all()] == [locale_en.pk] * 5
    assert {t.locale_id for t in english.themes.all()} == {locale_en.pk}
    soup = parse(client.get(dutch.url))
    assert soup.select_one('nav.utrecht-alternate-lang-nav a[hreflang="en"]')["href"] == english.url
    page = parse(client.get(english.url))
    assert page.html["lang"] == "en"
    assert (
        page.select_one(".lp-key-figures__label").get_text(strip=True).startswith("fewer referrals")
    )
