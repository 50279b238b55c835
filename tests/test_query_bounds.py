"""Every public page and listing costs a bounded number of queries, however much content exists.

Each page is rendered twice, anonymously and on the cold path (every Django cache emptied
first, so neither the page cache nor a fragment cache hides a query):

* in the *small* state: the demo content plus, for each detail page type, a page with one of
  everything it shows (one author, one partner, one image block, one linked page, …), and one
  of every kind of thing the listings show;
* in the *large* state, after this module has added more of everything: pages of every type
  in every listing (with teaser images, themes, places, partners, funding), initiatives, picks,
  promotions, tagged images and documents, and a second page of each detail type with three of
  everything.

The large state may cost no more queries than the small one, and never more than the page's
explicit ``ceiling``. A query per item (N+1) fails the first check; a failure names the queries
that were added and lists them all.

The content is built once for the module, inside a transaction that is rolled back afterwards.
"""

import json
import re
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page
from wagtail.signal_handlers import disable_reference_index_auto_update

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FundingInstrument
from knowledge.models import (
    DealKind,
    EventIndexPage,
    EventPage,
    EventRegistration,
    Initiative,
    InterventionIndexPage,
    InterventionPage,
    Licence,
    ResearchIndexPage,
    ResearchOutputPage,
    ThemeDossierPage,
    VillageDealIndexPage,
    VillageDealPage,
)
from limburg.models import (
    ContentPage,
    HomePage,
    HomePageFeaturedItem,
    PartnerIndexPage,
    PartnerPage,
    Place,
    Theme,
)
from tests.factories import LimburgImageFactory, OrganisationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("query_bounds")]

# What the new content is about: Heerlen (and one of its wijken), health, and a word found
# nowhere else, so filtered listings and searches go from a few results to many.
GEMEENTE = "GM0917"
WIJK = "WK091733"
THEME = "gezondheid"
WORD = "zonnebloemveld"
# The summary of pages that should not be found by the word: search shows ten results a page,
# and the small state should show fewer.
OTHER = "Een korte samenvatting."
# How many of each thing the large state adds to a listing, and puts on a detail page.
MORE = 4
MANY = 3


# Measuring ---------------------------------------------------------------------------------


@dataclass
class Measurement:
    url: str
    status: int
    queries: list

    @property
    def count(self):
        return len(self.queries)


def measure(url, limit=nullcontext):
    """Render ``url`` anonymously on the cold path and capture its queries.

    One request first fills what a process keeps for good (content types, compiled
    templates); then every Django cache is emptied and the request is measured,
    inside ``limit()`` (e.g. a ``django_assert_max_num_queries`` with the ceiling).
    """
    client = Client()
    client.get(url)
    for cache in caches.all():
        cache.clear()
    with limit(), CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return Measurement(
        url, response.status_code, [query["sql"] for query in context.captured_queries]
    )


def query_shape(sql):
    """A query with its values taken out, to tell "the same query once more per item"."""
    sql = re.sub(r"'(?:[^']|'')*'", "?", sql)
    sql = re.sub(r"\b\d+(\.\d+)?\b", "N", sql)
    return re.sub(r"\((?:\s*(?:\?|N)\s*,?)+\)", "(…)", sql)


def explain(small, large):
    """What the large state added: the queries whose shape repeats more often, in full."""
    before = Counter(query_shape(sql) for sql in small.queries)
    after = Counter(query_shape(sql) for sql in large.queries)
    grown = after - before
    lines = [
        f"{small.url}: {small.count} queries in the small state;",
        f"{large.url}: {large.count} queries in the large state. Added:",
    ]
    for shape, extra in grown.most_common():
        lines.append(f"  +{extra} × {shape}")
    lines.append("All queries in the large state (shortened):")
    lines += [f"  {number}. {sql[:240]}" for number, sql in enumerate(large.queries, start=1)]
    return "\n".join(lines)


# The pages -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    small: str  # the URL measured in the small state
    ceiling: int
    large: str = ""  # the URL measured in the large state, when another page (a detail page)

    @property
    def large_url(self):
        return self.large or self.small


ABOUT = "/nl/over-het-programma/"
CASE_STUDIES = "/nl/praktijkvoorbeelden/"
RESEARCH = "/nl/kennisbank/onderzoek/"
EVENTS = "/nl/kennisbank/bijeenkomsten/"
DEALS = "/nl/kennisbank/deals/"
INTERVENTIONS = "/nl/kennisbank/interventies/"
API_PAGES = "/api/v2/pages/?type="
CASE_STUDY_FILTERS = f"?theme={THEME}&gemeente={GEMEENTE}&kind=project&status=lopend&lessons=on"
PRACTICE_FILTERS = f"?theme={THEME}&gemeente={GEMEENTE}"
# The API lists 20 at a time: filtered, the small state has fewer than that.
API_PAGE_FILTERS = f"&fields=*&theme={THEME}&place={GEMEENTE}"

# Ceilings: what the large state costs on SQLite today, plus about a tenth for PostgreSQL and
# small template changes. Raising one needs a reason; a query per item is never one.
CASES = [
    # Home and plain pages
    Case("home", "/nl/", 40),
    Case("home-en", "/en/", 48),
    Case("content-page", f"{ABOUT}peiling-klein/", 55, large=f"{ABOUT}peiling-groot/"),
    Case("content-page-with-children", ABOUT, 36),
    # Section fronts
    Case("knowledge-index", "/nl/kennisbank/", 38),
    Case("dossier-index", "/nl/themas/", 30),
    Case("dossier", f"/nl/themas/{THEME}/", 72),
    Case("partner-index", "/nl/partners/", 32),
    Case("partner", "/nl/partners/gemeente-kerkrade/", 36),
    # Case studies
    Case("case-study-listing", CASE_STUDIES, 48),
    Case("case-study-listing-filtered", CASE_STUDIES + CASE_STUDY_FILTERS, 48),
    Case("case-study-feed", f"{CASE_STUDIES}feed/", 20),
    Case("case-study", f"{CASE_STUDIES}peiling-klein/", 64, large=f"{CASE_STUDIES}peiling-groot/"),
    # Research
    Case("research-listing", RESEARCH, 50),
    Case("research-listing-filtered", f"{RESEARCH}?theme={THEME}&kind=rapport", 50),
    Case("research", f"{RESEARCH}peiling-klein/", 64, large=f"{RESEARCH}peiling-groot/"),
    # Events
    Case("event-listing", EVENTS, 38),
    Case("event-calendar", f"{EVENTS}agenda/", 18),
    Case("event", f"{EVENTS}peiling-klein/", 52, large=f"{EVENTS}peiling-groot/"),
    # Deals and interventions
    Case("deal-listing", DEALS, 48),
    Case("deal-listing-filtered", DEALS + PRACTICE_FILTERS, 48),
    Case("deal", f"{DEALS}peiling-klein/", 52, large=f"{DEALS}peiling-groot/"),
    Case("intervention-listing", INTERVENTIONS, 45),
    Case("intervention-listing-filtered", INTERVENTIONS + PRACTICE_FILTERS, 45),
    Case(
        "intervention", f"{INTERVENTIONS}peiling-klein/", 56, large=f"{INTERVENTIONS}peiling-groot/"
    ),
    # The monitor and initiatives
    Case("area-index", "/nl/gebieden/", 30),
    Case("gemeente-profile", f"/nl/gebieden/{GEMEENTE}-heerlen/", 60),
    Case("wijk-profile", f"/nl/gebieden/{WIJK}-wijk-33-heerlen-centrum/", 63),
    Case("area-ranking", "/nl/gebieden/rangorde/", 36),
    Case("area-map", "/nl/gebieden/kaart/", 33),
    Case("initiatives", "/nl/kennisbank/initiatieven/", 42),
    # Search, feeds, open data, machine interfaces
    Case("search", f"/nl/zoeken/?query={WORD}", 70),
    Case("search-with-facets", f"/nl/zoeken/?query={WORD}&theme={THEME}&gemeente={GEMEENTE}", 65),
    Case("feed-rss", "/nl/feed/", 20),
    Case("feed-atom-filtered", f"/nl/feed/atom/?theme={THEME}", 20),
    Case("open-data", "/nl/open-data/", 14),
    Case("open-data-catalogue", "/open-data/catalogus.jsonld", 12),
    Case("open-data-case-studies-csv", "/open-data/praktijkvoorbeelden.csv", 14),
    Case("open-data-research-json", "/open-data/onderzoek.json", 10),
    Case("open-data-deals-csv", "/open-data/deals.csv", 12),
    Case("open-data-interventions-csv", "/open-data/interventies.csv", 10),
    Case("sitemap", "/sitemap.xml", 6),
    Case("api-pages", f"/api/v2/pages/?place={GEMEENTE}", 14),
    Case("api-content-pages", f"{API_PAGES}limburg.ContentPage{API_PAGE_FILTERS}", 16),
    Case("api-case-studies", f"{API_PAGES}casestudies.CaseStudyPage{API_PAGE_FILTERS}", 20),
    Case("api-research", f"{API_PAGES}knowledge.ResearchOutputPage{API_PAGE_FILTERS}", 20),
    Case("api-deals", f"{API_PAGES}knowledge.VillageDealPage{API_PAGE_FILTERS}", 20),
    Case("api-interventions", f"{API_PAGES}knowledge.InterventionPage{API_PAGE_FILTERS}", 16),
    Case("api-images", f"/api/v2/images/?tags={WORD}", 8),
    Case("api-documents", f"/api/v2/documents/?tags={WORD}", 8),
    Case("oai-list-records", "/oai/?verb=ListRecords&metadataPrefix=oai_dc", 22),
    Case("oai-list-identifiers", "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc", 14),
]


# Building content ----------------------------------------------------------------------------


class Builder:
    """Makes published pages of every type, each with its own teaser image.

    A *detail* page (one whose own page is measured) gets ``count`` of everything it shows,
    each with its own image, document and organisation, so that nothing is served from a
    cache a repeated one would fill. A page made to fill a listing gets ``count`` of its
    relations with a shared organisation and no body: listings never show those.
    """

    def __init__(self):
        self.nl = Locale.objects.get(language_code="nl")
        self.theme = Theme.objects.get(locale=self.nl, slug=THEME)
        self.themes = list(Theme.objects.filter(locale=self.nl))
        self.gemeente = Place.objects.get(code=GEMEENTE)
        self.wijken = list(Place.objects.filter(parent=self.gemeente).order_by("code"))
        self.wijk = Place.objects.get(code=WIJK)
        self.instruments = list(FundingInstrument.objects.filter(locale=self.nl))
        self.counter = 0
        self.shared = self.organisation()

    def label(self, prefix):
        self.counter += 1
        return f"{prefix} {self.counter}"

    def image(self, *, tagged=False):
        image = LimburgImageFactory(title=self.label("Peilbeeld"))
        if tagged:  # listed by the API with ?tags=
            image.tags.add(WORD)
        return image

    def document(self, *, tagged=False):
        label = self.label("Peildocument")
        document = get_document_model().objects.create(
            title=label,
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{label.replace(' ', '-')}.pdf"),
        )
        if tagged:
            document.tags.add(WORD)
        return document

    def organisation(self, *, logo=False):
        return OrganisationFactory(
            name=self.label("Peilorganisatie"), logo=self.image() if logo else None
        )

    def organisation_for(self, detail, *, logo=False):
        return self.organisation(logo=logo) if detail else self.shared

    def themes_for(self, count):
        others = [theme for theme in self.themes if theme.pk != self.theme.pk]
        return [self.theme, *others[: count - 1]]

    def places_for(self, count):
        return [self.wijk, self.gemeente, *self.wijken][:count]

    def publish(self, parent, page, count=1):
        """Add ``page`` under ``parent`` with ``count`` themes, places and tags (where its type
        has them) and a teaser image, and publish it."""
        page.locale = self.nl
        page.teaser_image = self.image()
        if not page.summary:
            page.summary = f"Over {WORD} en gezondheid in Heerlen."
        parent.add_child(instance=page)
        if hasattr(page, "themes"):
            page.themes.set(self.themes_for(count))
        if hasattr(page, "places"):
            page.places.set(self.places_for(count))
        if hasattr(page, "tags"):
            page.tags.set([f"peiltag-{number}" for number in range(count)])
        page.save_revision().publish()
        return page

    def body(self, count, *, link_to, contact=True):
        """A stream with ``count`` blocks of each kind that reads from the database: images,
        documents, calls to action and text linking to ``link_to``, and contact cards."""
        blocks = []
        for number in range(count):
            target = link_to[number % len(link_to)]
            blocks += [
                {"type": "image", "value": {"image": self.image().pk, "caption": "", "credit": ""}},
                {
                    "type": "documents",
                    "value": {"heading": "", "documents": [self.document().pk, self.document().pk]},
                },
                {
                    "type": "call_to_action",
                    "value": {
                        "title": f"Lees verder {number}",
                        "text": "",
                        "link": {"label": "", "page": target.pk, "url": "", "document": None},
                    },
                },
                {
                    "type": "paragraph",
                    "value": f'<p>Zie <a linktype="page" id="{target.pk}">deze pagina</a>.</p>',
                },
            ]
            if contact:
                blocks.append(
                    {
                        "type": "contact",
                        "value": {
                            "name": f"Contact {number}",
                            "organisation": self.organisation().pk,
                        },
                    }
                )
        return json.dumps(blocks)

    def documents(self, count):
        return json.dumps(
            [{"type": "document", "value": self.document().pk} for _n in range(count)]
        )

    def case_studies(self, count):
        return CaseStudyPage.objects.filter(locale=self.nl).live().order_by("path")[:count]

    # One builder per page type.

    def content_page(self, parent, slug, count, *, detail=False):
        page = ContentPage(title=f"Peiling {slug}", slug=slug)
        if detail:
            page.body = self.body(count, link_to=list(self.case_studies(count)))
        page = self.publish(parent, page, count)
        if detail:
            for number in range(count):
                self.publish(
                    page,
                    ContentPage(title=self.label("Kind"), slug=f"kind-{number}", summary=OTHER),
                )
        return page

    def case_study(self, parent, slug, count, *, detail=False):
        page = CaseStudyPage(
            title=f"Peiling {slug}",
            slug=slug,
            kind=CaseStudyPage.Kind.PROJECT,
            status=CaseStudyPage.Status.LOPEND,
            start_year=2022,
            what_did_not_work=json.dumps([{"type": "paragraph", "value": "<p>Dit niet.</p>"}]),
            timeline=json.dumps(
                [
                    {
                        "type": "milestone",
                        "value": {"date": f"2023-0{number + 1}-01", "text": f"Stap {number}"},
                    }
                    for number in range(count)
                ]
            ),
            contact_name="Contact",
            contact_organisation=self.organisation_for(detail),
        )
        if detail:
            page.background = self.body(count, link_to=[parent], contact=False)
            page.documents = self.documents(count)
        for number in range(count):
            page.partners.add(
                page.partners.model(organisation=self.organisation_for(detail, logo=True))
            )
            page.funding.add(
                page.funding.model(
                    instrument=self.instruments[number % len(self.instruments)],
                    amount=1000,
                    source_name="Bron",
                )
            )
        for related in self.case_studies(count):
            page.related_pages.add(page.related_pages.model(related_page=related))
        return self.publish(parent, page, count)

    def research(self, parent, slug, count, *, detail=False):
        page = ResearchOutputPage(
            title=f"Peiling {slug}",
            slug=slug,
            kind=ResearchOutputPage.Kind.RAPPORT,
            publication_date=date(2024, 3, 15),
            publisher=self.organisation_for(detail),
            licence=Licence.objects.filter(locale=self.nl).first(),
        )
        if detail:
            page.body = self.body(count, link_to=[parent])
        for number in range(count):
            page.authors.add(
                page.authors.model(
                    family_name=self.label("Onderzoeker"),
                    given_names="Anna",
                    affiliation=self.organisation_for(detail),
                    sort_order=number,
                )
            )
            page.files.add(page.files.model(document=self.document(), sort_order=number))
        for case_study in self.case_studies(count):
            page.related_case_studies.add(page.related_case_studies.model(case_study=case_study))
        return self.publish(parent, page, count)

    def event(self, parent, slug, count, *, detail=False, days=20):
        start = timezone.now().replace(microsecond=0) + timedelta(days=days)
        page = EventPage(
            title=f"Peiling {slug}",
            slug=slug,
            start=start,
            end=start + timedelta(hours=2),
            venue="Gouvernement",
            organiser=self.organisation_for(detail),
            registration=EventPage.Registration.FORM,
            capacity=100,
        )
        if detail:
            page.body = self.body(count, link_to=[parent])
            page.materials = self.documents(count)
        page = self.publish(parent, page, count)
        for number in range(count):
            EventRegistration.objects.create(
                event=page,
                name=f"Deelnemer {number}",
                email=f"deelnemer{number}@example.org",
                status=EventRegistration.Status.CONFIRMED,
            )
        return page

    def deal(self, parent, slug, count, *, detail=False):
        page = VillageDealPage(
            title=f"Peiling {slug}",
            slug=slug,
            kind=DealKind.objects.filter(locale=self.nl).first(),
            status=VillageDealPage.Status.GETEKEND,
        )
        if detail:
            page.body = self.body(count, link_to=[parent])
            page.documents = self.documents(count)
        for number in range(count):
            page.parties.add(
                page.parties.model(
                    organisation=self.organisation_for(detail), amount=100, source_name="Bron"
                )
            )
            page.milestones.add(
                page.milestones.model(date=date(2024, 1, number + 1), text=f"Stap {number}")
            )
        return self.publish(parent, page, count)

    def intervention(self, parent, slug, count, *, detail=False):
        page = InterventionPage(
            title=f"Peiling {slug}", slug=slug, contact_organisation=self.organisation_for(detail)
        )
        if detail:
            page.body = self.body(count, link_to=[parent])
        for case_study in self.case_studies(count):
            page.case_studies.add(page.case_studies.model(case_study=case_study))
        return self.publish(parent, page, count)

    def initiative(self, place, practice_page):
        initiative = Initiative.objects.create(
            title=self.label("Peilinitiatief"),
            description="Iets moois.",
            scale="groep",
            nature="sociaal",
            place=place,
            confirmed_at=timezone.now(),
            publication_consent=True,
            is_public=True,
            practice_page=practice_page,
        )
        initiative.themes.set(self.themes_for(2))
        return initiative

    def partner(self, parent):
        organisation = self.organisation(logo=True)
        return self.publish(
            parent,
            PartnerPage(
                title=organisation.name,
                slug=f"peilpartner-{self.counter}",
                organisation=organisation,
                summary=OTHER,
            ),
        )

    def promote(self, query, count):
        """Editors' picks for the search word: demo pages that do not contain it (a promoted
        page is taken out of the results, which should grow on their own)."""
        taken = SearchPromotion.objects.filter(query=query).values("page_id")
        for page in Page.objects.filter(locale=self.nl, depth=4).exclude(pk__in=taken)[:count]:
            SearchPromotion.objects.create(query=query, page=page, sort_order=0, description="Zie")


class World:
    """The pages of the demo that grow."""

    def __init__(self, nl):
        self.home_nl = HomePage.objects.get(locale=nl)
        self.home_en = HomePage.objects.get(locale__language_code="en")
        self.about = Page.objects.get(locale=nl, slug="over-het-programma").specific
        self.knowledge = Page.objects.get(locale=nl, slug="kennisbank").specific
        self.case_studies = CaseStudyIndexPage.objects.get(locale=nl)
        self.research = ResearchIndexPage.objects.get(locale=nl)
        self.events = EventIndexPage.objects.get(locale=nl)
        self.deals = VillageDealIndexPage.objects.get(locale=nl)
        self.interventions = InterventionIndexPage.objects.get(locale=nl)
        self.partners = PartnerIndexPage.objects.get(locale=nl)
        self.kerkrade = PartnerPage.objects.get(locale=nl, slug="gemeente-kerkrade")
        self.dossier = ThemeDossierPage.objects.get(locale=nl, slug=THEME)
        self.promotions = Query.get(WORD)

    def feature(self, pages):
        """Feature ``pages`` on both home pages (Dutch ones on the English home are shown
        untranslated) and pick them for the dossier."""
        for page in pages:
            HomePageFeaturedItem.objects.create(home_page=self.home_nl, page=page)
            HomePageFeaturedItem.objects.create(home_page=self.home_en, page=page)
            self.dossier.picks.create(page=page)

    def add(self, builder, slug, count, *, detail=False):
        """One page of every type (and a past event), with ``count`` of everything."""
        pages = [
            builder.content_page(self.about, slug, count, detail=detail),
            builder.case_study(self.case_studies, slug, count, detail=detail),
            builder.research(self.research, slug, count, detail=detail),
            builder.event(self.events, slug, count, detail=detail),
            builder.deal(self.deals, slug, count, detail=detail),
            builder.intervention(self.interventions, slug, count, detail=detail),
        ]
        builder.event(self.events, f"{slug}-voorbij", count, days=-30)
        builder.publish(
            self.knowledge, ContentPage(title=f"Artikel {slug}", slug=slug, summary=OTHER), count
        )
        builder.publish(
            self.kerkrade, ContentPage(title=f"Bericht {slug}", slug=slug, summary=OTHER), count
        )
        builder.partner(self.partners)
        # Initiatives in the wijk and elsewhere in the gemeente, which led to practice pages.
        builder.initiative(builder.wijk, practice_page=pages[1])
        builder.initiative(builder.wijken[0], practice_page=pages[2])
        builder.image(tagged=True)
        builder.document(tagged=True)
        return pages


def build_small(builder, world):
    """A detail page of every type with one of everything, and one of everything listings show
    that the demo lacks, so the large state adds more of the same and no new kind of thing
    (each kind may cost a query of its own: a type's table, a first teaser image)."""
    world.feature(world.add(builder, "peiling-klein", 1, detail=True))
    builder.promote(world.promotions, 1)


def build_large(builder, world):
    """A detail page of every type with MANY of everything, and MORE of every listing."""
    world.add(builder, "peiling-groot", MANY, detail=True)
    for number in range(MORE):
        world.feature(world.add(builder, f"meer-{number}", 2))
    builder.promote(world.promotions, MANY)


@pytest.fixture(scope="module")
def small_state(django_db_setup, django_db_blocker):
    """{case name: Measurement} of the small state; the large state is built afterwards.

    Everything happens in one transaction, rolled back when the module is done. Saving
    leaves Wagtail's reference index alone (no page here reads it), which halves the time.
    """
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        disable_reference_index_auto_update(),
    ):
        builder = Builder()
        world = World(builder.nl)
        build_small(builder, world)
        measured = {case.name: measure(case.small) for case in CASES}
        build_large(builder, world)
        yield measured
        transaction.set_rollback(True)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_query_count_does_not_grow_with_content(small_state, case, django_assert_max_num_queries):
    small = small_state[case.name]
    assert small.status == 200, f"{case.small} answered {small.status}"
    large = measure(case.large_url, limit=lambda: django_assert_max_num_queries(case.ceiling))
    assert large.status == 200, f"{case.large_url} answered {large.status}"
    assert large.count <= small.count, explain(small, large)
