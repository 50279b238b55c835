"""Deals and interventions: validation, the admin, the pages and their listings."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest
from bs4 import BeautifulSoup

from knowledge.models import (
    DealKind,
    InterventionIndexPage,
    InterventionPage,
    VillageDealIndexPage,
    VillageDealPage,
    VillageDealParty,
)
from limburg.models import Organisation, Place, Theme

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def deals_nl(locale_nl):
    return VillageDealIndexPage.objects.get(locale=locale_nl)


@pytest.fixture
def interventions_nl(locale_nl):
    return InterventionIndexPage.objects.get(locale=locale_nl)


@pytest.fixture
def make_deal(deals_nl, locale_nl):
    def make(
        title, *, themes=("wonen",), places=("GM0986",), kind="dorpsdeal", publish=True, **fields
    ):
        fields.setdefault("status", VillageDealPage.Status.GETEKEND)
        fields.setdefault("summary", f"Samenvatting van {title}.")
        page = VillageDealPage(
            title=title,
            locale=locale_nl,
            kind=DealKind.objects.get(locale=locale_nl, slug=kind),
            **fields,
        )
        deals_nl.add_child(instance=page)
        page.themes.set(Theme.objects.filter(locale=locale_nl, slug__in=themes))
        page.places.set(Place.objects.filter(code__in=places))
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save()
        return VillageDealPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def make_intervention(interventions_nl, locale_nl):
    def make(title, *, themes=("gezondheid",), places=("GM0935",), **fields):
        fields.setdefault("summary", f"Samenvatting van {title}.")
        page = InterventionPage(title=title, locale=locale_nl, **fields)
        interventions_nl.add_child(instance=page)
        page.themes.set(Theme.objects.filter(locale=locale_nl, slug__in=themes))
        page.places.set(Place.objects.filter(code__in=places))
        page.save_revision().publish()
        return InterventionPage.objects.get(pk=page.pk)

    return make


# Validation -------------------------------------------------------------------------


def test_a_term_cannot_end_before_it_starts(make_deal):
    deal = make_deal("Omgekeerd")
    deal.term_start_year, deal.term_end_year = 2025, 2023
    with pytest.raises(ValidationError) as error:
        deal.full_clean()
    assert "term_end_year" in error.value.message_dict


def test_an_amount_needs_a_source(make_deal, locale_nl):
    deal = make_deal("Geld")
    party = VillageDealParty(
        page=deal,
        organisation=Organisation.objects.get(locale=locale_nl, name="Provincie Limburg"),
        amount=Decimal("1000"),
    )
    with pytest.raises(ValidationError) as error:
        party.full_clean()
    assert "source_name" in error.value.message_dict
    party.source_name = "Begroting 2025"
    party.full_clean()


@pytest.mark.parametrize("level", ["goed-beschreven", "goed-onderbouwd", "effectief"])
def test_a_recognition_needs_a_date_and_a_source(make_intervention, level):
    page = make_intervention("Erkend")
    page.recognition_level = level
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert {"recognition_date", "recognition_source_url"} <= set(error.value.message_dict)
    page.recognition_date = date(2024, 1, 1)
    page.recognition_source_url = "https://www.loketgezondleven.nl/interventies"
    page.full_clean()


def test_not_recognised_and_unknown_need_no_judgement(make_intervention):
    page = make_intervention("Niet erkend")
    for level in ("niet-erkend", ""):
        page.recognition_level = level
        page.full_clean()


# The admin ---------------------------------------------------------------------------


def test_an_editor_creates_a_deal_with_parties_and_milestones(client, deals_nl, locale_nl):
    client.force_login(User.objects.get(username="redactie"))
    url = f"/admin/pages/add/knowledge/villagedealpage/{deals_nl.pk}/"
    assert client.get(url).status_code == 200
    organisation = Organisation.objects.get(locale=locale_nl, name="Gemeente Voerendaal")
    data = {
        "title": "Dorpsdeal Ubachsberg",
        "slug": "dorpsdeal-ubachsberg",
        "summary": "Dorp en gemeente spreken af samen het dorpshuis open te houden.",
        "kind": DealKind.objects.get(locale=locale_nl, slug="dorpsdeal").pk,
        "status": "getekend",
        "signed_on": "2025-03-01",
        "signed_precision": "month",
        "term_start_year": "2025",
        "term_end_year": "2027",
        "tags": "dorpshuis",
        "agreement": rich_text("<p>Het dorpshuis blijft open.</p>"),
        "parties": inline_formset(
            [
                {
                    "organisation": organisation.pk,
                    "role": "ondertekenaar",
                    "commitment": "Het gebouw",
                    "amount": "25000",
                    "source_name": "Raadsbesluit",
                    "source_url": "",
                }
            ]
        ),
        "milestones": inline_formset(
            [
                {
                    "date": "2025-03-01",
                    "precision": "month",
                    "text": "Deal getekend",
                    "status": "bereikt",
                    "source_name": "",
                    "source_url": "",
                },
                {
                    "date": "2026-06-01",
                    "precision": "month",
                    "text": "Verbouwing klaar",
                    "status": "gepland",
                    "source_name": "",
                    "source_url": "",
                },
            ]
        ),
        "results": streamfield([]),
        "what_did_not_work": streamfield([]),
        "lessons": streamfield([]),
        "body": streamfield([]),
        "documents": streamfield([]),
        "sources": streamfield([]),
        "action-publish": "publish",
    }
    theme = Theme.objects.get(locale=locale_nl, slug="wonen")
    relations = {"themes": [theme.pk], "places": [Place.objects.get(code="GM0986").pk]}
    response = client.post(url, {**nested_form_data(data), **relations})
    assert response.status_code == 302, response.context["form"].errors

    deal = VillageDealPage.objects.get(slug="dorpsdeal-ubachsberg", locale__language_code="nl")
    assert deal.live
    assert deal.parties.get().amount == Decimal("25000")
    assert [m.text for m in deal.milestone_list] == ["Deal getekend", "Verbouwing klaar"]
    soup = parse(client.get(deal.url))
    timeline = [li.get_text(" ", strip=True) for li in soup.select(".lp-timeline__item")]
    assert timeline[0].startswith("maart 2025 Deal getekend")
    assert soup.find("time", datetime="2025-03")


def test_the_admin_refuses_an_amount_without_source_and_saves_nothing(client, deals_nl, locale_nl):
    client.force_login(User.objects.get(username="redactie"))
    organisation = Organisation.objects.get(locale=locale_nl, name="Gemeente Voerendaal")
    data = {
        "title": "Half",
        "slug": "half",
        "summary": "Kort.",
        "kind": DealKind.objects.get(locale=locale_nl, slug="dorpsdeal").pk,
        "status": "idee",
        "signed_on": "",
        "signed_precision": "day",
        "term_start_year": "2027",
        "term_end_year": "2025",
        "tags": "",
        "agreement": rich_text(""),
        "parties": inline_formset(
            [
                {
                    "organisation": organisation.pk,
                    "role": "partner",
                    "commitment": "",
                    "amount": "100",
                    "source_name": "",
                    "source_url": "",
                }
            ]
        ),
        "milestones": inline_formset([]),
        "results": streamfield([]),
        "what_did_not_work": streamfield([]),
        "lessons": streamfield([]),
        "body": streamfield([]),
        "documents": streamfield([]),
        "sources": streamfield([]),
        "action-publish": "publish",
    }
    before = VillageDealPage.objects.count()
    response = client.post(
        f"/admin/pages/add/knowledge/villagedealpage/{deals_nl.pk}/", nested_form_data(data)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"themes", "term_end_year"} <= set(form.errors)
    assert "source_name" in form.formsets["parties"].forms[0].errors
    assert VillageDealPage.objects.count() == before


def test_the_admin_offers_only_kinds_and_organisations_of_the_page_language(
    client, deals_nl, locale_nl
):
    client.force_login(User.objects.get(username="redactie"))
    response = client.get(f"/admin/pages/add/knowledge/villagedealpage/{deals_nl.pk}/")
    kinds = response.context["form"].fields["kind"].queryset
    assert set(kinds.values_list("locale_id", flat=True)) == {locale_nl.pk}


# Pages and listings ------------------------------------------------------------------


def test_deal_page_shows_parties_with_sourced_amounts(client, page_by_slug):
    soup = parse(client.get(page_by_slug("regio-deal-midden-limburg").url))
    row = soup.select_one(".lp-funding tbody tr")
    text = row.get_text(" ", strip=True)
    assert "Rijksoverheid" in text and "20.000.000" in text
    assert row.find("a", href=lambda href: href and "rijksoverheid.nl" in href)
    assert soup.find("time", datetime="2024-11-14")


def test_demo_amounts_always_have_a_source():
    for party in VillageDealParty.objects.exclude(amount=None):
        assert party.source_name, party


def test_intervention_page_shows_recognition_and_where_it_runs(client, make_intervention):
    page = make_intervention(
        "Erkende aanpak",
        recognition_level="effectief",
        recognition_date=date(2023, 4, 1),
        recognition_source_name="Loket Gezond Leven",
        recognition_source_url="https://www.loketgezondleven.nl/interventies",
    )
    soup = parse(client.get(page.url))
    facts = soup.select_one(".lp-facts").get_text(" ", strip=True)
    assert "Effectief" in facts and "1 april 2023" in facts
    assert soup.find("a", href="https://www.loketgezondleven.nl/interventies")


def test_demo_intervention_links_its_case_study(client, interventions_nl):
    page = InterventionPage.objects.child_of(interventions_nl).get(
        slug="gezonde-basisschool-van-de-toekomst"
    )
    soup = parse(client.get(page.url))
    links = [a["href"] for a in soup.select(".lp-related .lp-teaser__title a")]
    assert links == ["/nl/praktijkvoorbeelden/gezonde-basisschool-van-de-toekomst/"]


def facet(response, name):
    return {value: count for value, _label, count in response.context["listing"].facets[name]}


def titles(response):
    return [a.get_text(strip=True) for a in parse(response).select(".lp-teaser__title a")]


def test_deal_listing_filters_and_counts(client, deals_nl):
    response = client.get(deals_nl.url)
    assert response.status_code == 200
    kinds = facet(response, "kind")
    assert kinds["town-deal"] == 2 and kinds["regio-deal"] == 5
    # A gemeente counts deals of its region (Venlo lies in Noord-Limburg).
    filtered = client.get(deals_nl.url, {"gemeente": "GM0983"})
    assert titles(filtered) == ["Regio Deal Noord-Limburg: op weg naar de gezondste regio"]
    town = client.get(deals_nl.url, {"kind": "town-deal", "sort": "title"})
    assert titles(town) == ["Town Deal Beesel", "Town Deal Voerendaal"]
    assert facet(town, "status")["getekend"] == 2


def test_intervention_listing_filters_by_recognition(client, interventions_nl, make_intervention):
    make_intervention(
        "Bewezen",
        recognition_level="effectief",
        recognition_date=date(2023, 4, 1),
        recognition_source_url="https://example.org/oordeel",
    )
    response = client.get(interventions_nl.url, {"recognition_level": "effectief"})
    assert titles(response) == ["Bewezen"]
    assert facet(client.get(interventions_nl.url), "recognition_level")["effectief"] == 1


@pytest.mark.parametrize(
    ("index", "query"),
    [
        ("deals", "?kind=roman"),
        ("deals", "?gemeente=GM9999"),
        ("interventions", "?recognition_level=x"),
    ],
)
def test_listings_report_bad_filters(client, deals_nl, interventions_nl, index, query):
    page = deals_nl if index == "deals" else interventions_nl
    response = client.get(page.url + query)
    assert response.status_code == 400
    assert parse(response).find(id="filter-errors")


def test_deal_listing_shows_no_drafts_or_private_deals(client, deals_nl, make_deal):
    make_deal("Conceptdeal", publish=False)
    private = make_deal("Beslotendeal")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    shown = titles(client.get(deals_nl.url, {"sort": "title"}))
    assert "Conceptdeal" not in shown and "Beslotendeal" not in shown


def test_deal_listing_query_count_does_not_grow(
    client, deals_nl, make_deal, count_queries, django_assert_max_num_queries
):
    client.get(deals_nl.url)
    baseline = count_queries(lambda: client.get(deals_nl.url))
    for number in range(12):
        make_deal(f"Dorpsdeal {number}", kind="dorpsdeal" if number % 2 else "town-deal")
    with django_assert_max_num_queries(baseline):
        client.get(deals_nl.url)


def test_deal_page_query_count_does_not_grow_with_parties(
    client, make_deal, locale_nl, count_queries, django_assert_max_num_queries
):
    small = make_deal("Klein")
    baseline = count_queries(lambda: client.get(small.url))
    big = make_deal("Groot")
    organisations = list(Organisation.objects.filter(locale=locale_nl)[:8])
    for order, organisation in enumerate(organisations):
        big.parties.create(organisation=organisation, sort_order=order)
        big.milestones.create(date=date(2020 + order, 1, 1), text=f"Stap {order}", sort_order=order)
    big.save_revision().publish()
    with django_assert_max_num_queries(baseline):
        client.get(big.url)
