"""Nothing leaks (S9, P7): drafts, draft revisions of live pages, private pages, pages in
moderation and documents in private collections appear in no public output, in either language.

One walk requests the site's public outputs (site/urls.py and the routable pages) anonymously:
the pages that list other pages, the listings with and without filters, search, autocomplete,
the API, the feeds, the sitemap, OAI-PMH, the open-data downloads, area profiles, calendars,
citation exports and document downloads. No word that only hidden content carries may appear
in any response. Live, public control pages of every kind carry words of their own, and the
walk must find them wherever it looks: a walk that saw nothing would prove nothing.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, CaseStudyRelatedPage
from knowledge.models import (
    AreaIndexPage,
    DealKind,
    DossierPick,
    EventIndexPage,
    EventPage,
    InterventionCaseStudy,
    InterventionIndexPage,
    InterventionPage,
    KnowledgeIndexPage,
    ResearchIndexPage,
    ResearchOutputAuthor,
    ResearchOutputPage,
    ResearchOutputRelatedCaseStudy,
    ThemeDossierPage,
    VillageDealIndexPage,
    VillageDealPage,
)
from knowledge.monitor.views import profile_url
from limburg.models import (
    BaseIndexPage,
    ContentPage,
    HomePage,
    HomePageFeaturedItem,
    PartnerPage,
    Place,
    Theme,
)
from limburg.opendata import datasets
from search.engines.base import content_type_key

pytestmark = pytest.mark.django_db

LANGUAGES = ("nl", "en")
HIDDEN_STATES = ("concept", "herzien", "besloten", "moderatie")
VISIBLE = "zichtbaar"  # the control: live and public
PUBLISHED = "gepubliceerd"  # what a page with a newer draft revision shows meanwhile
WIJK = "WK098101"  # every page is about it: its profile and its gemeente's list them
THEME = "gezondheid"  # the Dutch slug; each page gets the theme in its own language
PARTNER = ("Gemeente Kerkrade", "partner-kerkrade")  # a section with a moderation workflow
TRANSLATING = {"concept": VISIBLE, "besloten": "herzien"}  # hidden state: what it translates


# The content ---------------------------------------------------------------------------


@dataclass
class Item:
    """A page or document and the words only it carries (in title, slug and text)."""

    state: str
    kind: str
    language: str
    object: object = None

    @property
    def token(self):
        return f"{self.language}{self.state}{self.kind}"

    @property
    def title_word(self):
        return f"Lek{self.token}"

    @property
    def slug_word(self):
        return f"pad{self.token}"

    @property
    def state_word(self):
        """In the text of every item of one state and language: one search finds them all."""
        return f"Speur{self.language}{self.state}"

    @property
    def words(self):
        return [self.title_word, self.slug_word, self.state_word]

    @property
    def hidden(self):
        return self.state in HIDDEN_STATES

    def __str__(self):
        return f"{self.state} {self.kind} ({self.language}, id {self.object.pk})"


def shared_word(language):
    """In every page of one language, hidden or not: one listing search finds them all."""
    return f"Zoek{language}"


def text(item):
    return f"{item.title_word} {item.state_word} {shared_word(item.language)}"


def stream(item):
    return [("paragraph", RichText(f"<p>{text(item)}</p>"))]


# kind: (its section, the page's fields), each field holding the item's words where it can.
KINDS = {
    "casus": (
        CaseStudyIndexPage,
        lambda item: CaseStudyPage(
            kind=CaseStudyPage.Kind.PROJECT,
            status=CaseStudyPage.Status.LOPEND,
            summary=text(item),
            introduction=f"<p>{text(item)}</p>",
            approach=stream(item),
            contact_name=item.state_word,
        ),
    ),
    "onderzoek": (
        ResearchIndexPage,
        lambda item: ResearchOutputPage(
            kind=ResearchOutputPage.Kind.RAPPORT,
            summary=text(item),
            subtitle=item.state_word,
            abstract=text(item),
            publication_date=date(2024, 3, 15),
            body=stream(item),
            # An author's name is one of the research listing's facets.
            authors=[ResearchOutputAuthor(family_name=item.title_word, given_names="A.")],
        ),
    ),
    "evenement": (
        EventIndexPage,
        lambda item: EventPage(
            summary=text(item),
            start=timezone.now() + timedelta(days=30),
            end=timezone.now() + timedelta(days=30, hours=2),
            venue=item.title_word,
            address="Markt 1, Kerkrade",
            body=stream(item),
        ),
    ),
    "deal": (
        VillageDealIndexPage,
        lambda item: VillageDealPage(
            kind=DealKind.objects.filter(locale__language_code=item.language).first(),
            status=VillageDealPage.Status.choices[0][0],
            summary=text(item),
            body=stream(item),
        ),
    ),
    "interventie": (
        InterventionIndexPage,
        lambda item: InterventionPage(
            summary=text(item), goal=text(item), approach=f"<p>{text(item)}</p>"
        ),
    ),
    "pagina": (
        KnowledgeIndexPage,
        lambda item: ContentPage(summary=text(item), body=stream(item)),
    ),
}
# English repeats the kinds with output code of their own (the case studies' map and feed,
# research's OAI-PMH and citations, events' calendars, content pages' links); deals and
# interventions go through the same listing, feed and search code in either language.
KINDS_BY_LANGUAGE = {"nl": tuple(KINDS), "en": ("casus", "onderzoek", "evenement", "pagina")}
# The fields a draft revision changes (the builders' fields, without the fixed ones).
REVISED_FIELDS = (
    "summary",
    "introduction",
    "approach",
    "contact_name",
    "subtitle",
    "abstract",
    "body",
    "authors",
    "venue",
    "goal",
)


def build(item, locale):
    """The item's page, unsaved: every field, tag, theme and place carries its words."""
    page = KINDS.get(item.kind, KINDS["pagina"])[1](item)
    page.locale = locale
    label(page, item)
    return page


def label(page, item):
    page.title = page.seo_title = page.short_title = item.title_word
    page.slug = item.slug_word
    page.search_description = text(item)
    if hasattr(page, "tags"):
        page.tags.set([item.state_word])
    theme = Theme.objects.get(locale__language_code="nl", slug=THEME)
    page.themes.set(Theme.objects.filter(locale=page.locale, translation_key=theme.translation_key))
    page.places.set(Place.objects.filter(code=WIJK))


def add_page(item, parent, *, live, user=None, translation_of=None):
    page = build(item, parent.locale)
    page.live = live
    if translation_of is not None:
        page.translation_key = translation_of.translation_key
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if live:
        revision.publish()
    return Page.objects.get(pk=page.pk).specific


def add_revised_page(item, parent):
    """A live page with text of its own, and a newer revision with the item's words that
    is saved but not published."""
    published = add_page(Item(PUBLISHED, item.kind, item.language), parent, live=True)
    revised = build(item, parent.locale)
    for name in REVISED_FIELDS:
        if hasattr(revised, name):
            value = getattr(revised, name)
            # A child relation (the authors) is set as a list of its rows.
            setattr(published, name, list(value.all()) if hasattr(value, "all") else value)
    label(published, item)
    published.save_revision()
    return Page.objects.get(pk=published.pk).specific


def restrict(page, kind):
    """Each kind of restriction: a password, groups, or (for the rest) logging in."""
    if kind == "evenement":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    elif kind == "deal":
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Editors")])
    else:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


@dataclass
class World:
    items: list = field(default_factory=list)

    def find(self, state=None, kind=None, language=None, *, pages=True):
        return [
            item
            for item in self.items
            if isinstance(item.object, Page) == pages
            and (state is None or item.state == state)
            and (kind is None or item.kind == kind)
            and (language is None or item.language == language)
        ]

    def page(self, state, kind, language):
        return self.find(state, kind, language)[0].object

    @property
    def hidden(self):
        return [item for item in self.items if item.hidden]

    @property
    def hidden_pages(self):
        return [item for item in self.hidden if isinstance(item.object, Page)]


@pytest.fixture
def world(db):
    world = World()
    editor = User.objects.get(username=PARTNER[1])
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        partner = PartnerPage.objects.get(locale=locale, organisation__name=PARTNER[0])
        for kind in KINDS_BY_LANGUAGE[language]:
            parent = KINDS[kind][0].objects.get(locale=locale)
            for state in (VISIBLE, *HIDDEN_STATES):
                item = Item(state, kind, language)
                # In English, the draft and the private page translate Dutch live pages:
                # the language switcher and hreflang links of those must not name them.
                original = None
                if language != "nl" and state in TRANSLATING:
                    original = world.page(TRANSLATING[state], kind, "nl")
                if state in (VISIBLE, "besloten"):
                    item.object = add_page(item, parent, live=True, translation_of=original)
                elif state == "concept":
                    item.object = add_page(item, parent, live=False, translation_of=original)
                elif state == "herzien":
                    item.object = add_revised_page(item, parent)
                    world.items.append(Item(PUBLISHED, kind, language, item.object))
                else:  # never published, submitted to the partner's moderation workflow
                    item.object = add_page(item, partner, live=False, user=editor)
                    item.object.get_workflow().start(item.object, editor)
                if state == "besloten":
                    restrict(item.object, kind)
                world.items.append(item)
        # A live page without a restriction of its own, beneath a private page.
        beneath = Item("besloten", "onderpagina", language)
        beneath.object = add_page(beneath, world.page("besloten", "pagina", language), live=True)
        world.items.append(beneath)
    choose_hidden_pages(world)
    add_documents(world)
    return world


def choose_hidden_pages(world):
    """Live, public pages that chose the hidden ones: featured on the home page, an editor's
    pick, related pages, and a call to action and rich-text link without text of their own."""
    hidden = {
        kind: [item.object for item in world.find(kind=kind) if item.hidden] for kind in KINDS
    }
    theme_key = Theme.objects.get(locale__language_code="nl", slug=THEME).translation_key
    for language in LANGUAGES:
        home = HomePage.objects.get(locale__language_code=language)
        dossier = ThemeDossierPage.objects.get(
            locale__language_code=language, theme__translation_key=theme_key
        )
        for order, page in enumerate(hidden["casus"]):
            HomePageFeaturedItem.objects.create(home_page=home, page=page, sort_order=100 + order)
            ResearchOutputRelatedCaseStudy.objects.create(
                page=world.page(VISIBLE, "onderzoek", language), case_study=page
            )
        if "interventie" in KINDS_BY_LANGUAGE[language]:
            for page in hidden["casus"]:
                InterventionCaseStudy.objects.create(
                    page=world.page(VISIBLE, "interventie", language), case_study=page
                )
        for page in hidden["onderzoek"]:
            DossierPick.objects.create(dossier=dossier, page=page, sort_order=100)
            CaseStudyRelatedPage.objects.create(
                page=world.page(VISIBLE, "casus", language), related_page=page
            )
        content_page = world.page(VISIBLE, "pagina", language)
        no_text = {"label": "", "url": "", "document": None}
        content_page.body = [
            *content_page.body.raw_data,
            *(
                {
                    "type": "call_to_action",
                    "value": {
                        "title": "Lees verder",
                        "text": "",
                        "link": {**no_text, "page": page.pk},
                    },
                }
                for page in hidden["pagina"]
            ),
            {
                "type": "paragraph",
                "value": "".join(
                    f'<p><a linktype="page" id="{page.pk}">Lees verder</a></p>'
                    for page in hidden["pagina"]
                ),
            },
        ]
        content_page.save_revision().publish()
    # Editors' picks for the search words of each hidden state.
    for item in world.hidden_pages:
        if item.kind == "casus":
            Query.get(item.state_word).editors_picks.create(page=item.object, sort_order=0)


def add_documents(world):
    """A document in a private collection, one in a collection beneath it, a public one."""
    root = Collection.get_first_root_node()
    private = root.add_child(name="Besloten stukken")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    for state, kind, collection in (
        ("besloten", "document", private),
        ("besloten", "onderdocument", private.add_child(name="Besloten concepten")),
        (VISIBLE, "document", root),
    ):
        item = Item(state, kind, "nl")
        item.object = get_document_model().objects.create(
            title=f"{item.title_word} {item.state_word}",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{item.slug_word}.pdf"),
            collection=collection,
        )
        world.items.append(item)


# The walk ------------------------------------------------------------------------------


@dataclass
class Seen:
    url: str
    text: str
    # Words the request carried (a search, a slug): the response may repeat them.
    echoed: set
    # Words of live, public content this response must show.
    shows: list


class Walk:
    """Requests as an anonymous visitor, keeping what each response said."""

    def __init__(self, client, world):
        self.client = client
        self.words = {word.lower() for item in world.items for word in item.words}
        self.seen = []
        self.answers = []  # a status or redirect other than expected

    def get(
        self, url, params=None, *, status=200, shows=(), echoes=True, login=False, headers=None
    ):
        response = self.client.get(url, params or {}, headers=headers)
        query = response.request.get("QUERY_STRING", "")
        address = url + (f"?{query}" if query else "")
        expected = status if isinstance(status, tuple) else (status,)
        if response.status_code not in expected:
            self.answers.append(f"{address} answered {response.status_code}, not {status}")
        # Wagtail's own login form for visitors.
        if login and "/_util/login/?next=" not in response.get("Location", ""):
            self.answers.append(f"{address} does not ask to log in")
        self.seen.append(
            Seen(
                address,
                body_of(response).lower(),
                {word for word in self.words if word in address.lower()} if echoes else set(),
                [word.lower() for word in shows],
            )
        )
        return response

    def leaks(self, items):
        secrets = {}
        for item in items:
            secrets[item.title_word.lower()] = f"the title of {item}"
            secrets[item.slug_word.lower()] = f"the address of {item}"
            secrets[item.state_word.lower()] = f"text of a {item.state} item ({item.language})"
        return [
            f"{what} ({word}) in {seen.url}"
            for seen in self.seen
            for word, what in secrets.items()
            if word in seen.text and word not in seen.echoed
        ]

    def blind_spots(self):
        return [
            f"{seen.url} does not show {word}"
            for seen in self.seen
            for word in seen.shows
            if word not in seen.text
        ]


def body_of(response):
    content = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    text = content.decode(response.charset or "utf-8")
    if response.get("Content-Type", "").startswith("text/calendar"):
        text = text.replace("\r\n ", "")  # iCalendar folds long lines
    return text


def walk_language(walk, world, language):
    locale = Locale.objects.get(language_code=language)
    visible = {item.kind: item.title_word for item in world.find(VISIBLE, language=language)}
    theme = Theme.objects.get(
        locale=locale,
        translation_key=Theme.objects.get(locale__language_code="nl", slug=THEME).translation_key,
    )
    wijk = Place.objects.get(code=WIJK)
    gemeente = wijk.parent
    # The public views of site/urls.py that have an address per language.
    with translation.override(language):
        paths = {
            name: reverse(name)
            for name in ("search", "search_autocomplete", "feed", "feed_atom", "opendata", "follow")
        }

    # Every page that lists other pages (section fronts, the theme's dossier, the partner
    # section with the pages in moderation), and the control pages, which chose hidden pages
    # as related and share their theme and place (suggestions).
    home = HomePage.objects.get(locale=locale)
    walk.get(home.url)
    fronts = (
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .type(BaseIndexPage)
        .exclude(pk=home.pk)
        .specific()
    )
    section_shows = {section: kind for kind, (section, _build) in KINDS.items()}
    for front in fronts:
        kind = section_shows.get(type(front))
        walk.get(front.url, shows=[visible[kind]] if kind in visible and kind != "pagina" else [])
    walk.get(ThemeDossierPage.objects.get(locale=locale, theme=theme).url, shows=[visible["casus"]])
    partner = PartnerPage.objects.get(locale=locale, organisation__name=PARTNER[0])
    walk.get(partner.url)
    for item in world.find(VISIBLE, language=language):
        walk.get(item.object.url, shows=[item.title_word])

    # Listings: searched, filtered, sorted; the case studies' feed.
    for kind in ("casus", "onderzoek", "deal", "interventie"):
        url = KINDS[kind][0].objects.get(locale=locale).url
        shows = [visible[kind]] if kind in visible else []
        walk.get(url, {"query": shared_word(language)}, shows=shows)
        filters = {"theme": theme.slug, "sort": "title"}
        if kind != "onderzoek":
            filters["gemeente"] = gemeente.code
        walk.get(url, filters, shows=shows)
    case_studies = CaseStudyIndexPage.objects.get(locale=locale)
    case_study_feed = case_studies.url + case_studies.reverse_subpage("feed")
    walk.get(case_study_feed, shows=[visible["casus"]])
    walk.get(case_study_feed, {"gemeente": gemeente.code}, shows=[visible["casus"]])
    # The author facet (the hidden outputs' authors are named by their title words).
    research = ResearchIndexPage.objects.get(locale=locale).url
    walk.get(research, {"author": f"A. {visible['onderzoek']}"}, shows=[visible["onderzoek"]])

    # Calendars, area profiles, search, autocomplete, feeds, open data, following.
    events = EventIndexPage.objects.get(locale=locale)
    walk.get(events.url + events.reverse_subpage("calendar"), shows=[visible["evenement"]])
    areas = AreaIndexPage.objects.get(locale=locale)
    for place in (wijk, gemeente):
        walk.get(profile_url(areas, place), shows=[visible["casus"], visible["onderzoek"]])
    for state in (*HIDDEN_STATES, VISIBLE):
        shows = visible.values() if state == VISIBLE else []
        walk.get(paths["search"], {"query": f"Speur{language}{state}"}, shows=shows)
        # Titles by their beginning; the suggestions do not repeat what was typed.
        prefix = {"query": f"Lek{language}{state}"}
        walk.get(paths["search_autocomplete"], prefix, echoes=False, shows=shows)
    # Filters without a query list the newest first: the last control page made.
    walk.get(paths["search"], {"theme": theme.slug}, shows=[visible["pagina"]])
    walk.get(paths["search"], {"gemeente": gemeente.code}, shows=[visible["pagina"]])
    walk.get(
        paths["search"],
        {"type": content_type_key(ResearchOutputPage), "sort": "newest"},
        shows=[visible["onderzoek"]],
    )
    feed_shows = list(visible.values())
    walk.get(paths["feed"], shows=feed_shows)
    walk.get(paths["feed_atom"], shows=feed_shows)
    walk.get(paths["feed"], {"theme": theme.slug}, shows=feed_shows)
    walk.get(paths["feed"], {"place": gemeente.code}, shows=[visible["casus"]])
    walk.get(paths["feed"], {"type": content_type_key(EventPage)}, shows=[visible["evenement"]])
    walk.get(paths["opendata"])
    walk.get(paths["follow"])

    # The hidden pages themselves: not found, or asking who you are. A page with a newer
    # draft revision shows its published text.
    for item in world.find(language=language):
        if not item.hidden:
            continue
        url, shows = item.object.url, []
        if item.state in ("concept", "moderatie"):
            status, login = 404, False
        elif item.state == "herzien":
            status, login = 200, False
            shows = [world.find(PUBLISHED, item.kind, language)[0].title_word]
        elif item.kind == "evenement":
            status, login = 200, False  # the password form
        else:
            status, login = 302, True
        walk.get(url, status=status, login=login, shows=shows)
        if item.kind == "onderzoek":
            walk.get(url, {"format": "bibtex"}, status=status, login=login, shows=shows)
        if item.kind == "evenement":
            ics = url + item.object.reverse_subpage("ics")
            walk.get(ics, status=status, login=login, shows=shows)
    for export in ("bibtex", "ris", "csl-json"):
        walk.get(
            world.page(VISIBLE, "onderzoek", language).url,
            {"format": export},
            shows=[visible["onderzoek"]],
        )


def walk_api(walk, world):
    """API v2: newest pages, each type with every field, searches, filters, details."""
    pages_url = reverse("wagtailapi:pages:listing")
    documents_url = reverse("wagtailapi:documents:listing")
    visible = [item.title_word for item in world.find(VISIBLE)]
    newest = {"order": "-id", "limit": "100"}
    walk.get(pages_url, newest, shows=visible)
    for kind in KINDS:
        model = type(world.page(VISIBLE, kind, "nl"))
        walk.get(
            pages_url,
            {"type": model._meta.label, "fields": "*", **newest},
            shows=[item.title_word for item in world.find(VISIBLE, kind)],
        )
    for language in LANGUAGES:
        in_language = [item.title_word for item in world.find(VISIBLE, language=language)]
        # Any state's word: the API does not repeat the search.
        any_state = " ".join(f"Speur{language}{state}" for state in (*HIDDEN_STATES, VISIBLE))
        walk.get(
            pages_url,
            {"search": any_state, "search_operator": "or", "limit": "100"},
            echoes=False,
            shows=in_language,
        )
    walk.get(pages_url, {"theme": THEME, **newest}, shows=[visible[0]])
    walk.get(pages_url, {"place": WIJK, **newest}, shows=[visible[0]])
    # One page per state and language (a detail is found by id, whatever its type) and
    # the page beneath a private one.
    for item in world.hidden_pages:
        if item.kind in ("casus", "onderpagina"):
            status = 200 if item.state == "herzien" else 404
            walk.get(reverse("wagtailapi:pages:detail", args=[item.object.pk]), status=status)
    parents = {item.object.get_parent() for item in world.hidden_pages}
    for parent in parents:
        # A private parent is one the API does not know.
        status = 200 if Page.objects.public().filter(pk=parent.pk).exists() else 400
        walk.get(pages_url, {"child_of": parent.pk, "limit": "100"}, status=status)
    # Documents (and images): the private ones are not listed, found or served.
    documents = world.find(pages=False)
    public = [item.title_word for item in documents if not item.hidden]
    walk.get(documents_url, {"order": "-id"}, shows=public)
    walk.get(
        documents_url,
        {"search": " ".join(item.title_word for item in documents), "search_operator": "or"},
        echoes=False,
        shows=public,
    )
    walk.get(reverse("wagtailapi:images:listing"), {"order": "-id"})
    for item in documents:
        document = item.object
        if item.hidden:
            walk.get(reverse("wagtailapi:documents:detail", args=[document.pk]), status=404)
            walk.get(document.url, status=302, login=True)
            # A wrong file name is not found, whatever the cache headers say (P7).
            wrong_name = document.url.rsplit("/", 1)[0] + "/wrong-name.pdf"
            etag = {"If-None-Match": f'"{document.file_hash}"'}
            walk.get(wrong_name, status=404, headers=etag)
        else:
            walk.get(
                reverse("wagtailapi:documents:detail", args=[document.pk]), shows=[item.title_word]
            )
            walk.get(document.url, shows=["%PDF"])


def walk_harvesters(walk, world):
    """Sitemap, OAI-PMH and open data: the outputs machines read."""
    pages = world.find(VISIBLE)
    walk.get(reverse("sitemap"), shows=[item.slug_word for item in pages])
    walk.get(reverse("robots_txt"))
    research = world.find(kind="onderzoek")
    visible = [item.title_word for item in research if item.state == VISIBLE]
    oai, oai_url = {"metadataPrefix": "oai_dc"}, reverse("oai_pmh")
    walk.get(oai_url, {"verb": "ListRecords", **oai}, shows=visible)
    walk.get(oai_url, {"verb": "ListRecords", "set": "theme", **oai}, shows=visible)
    walk.get(oai_url, {"verb": "ListIdentifiers", **oai})
    walk.get(oai_url, {"verb": "ListSets"})
    for item in research:
        identifier = f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:{item.object.pk}"
        shows = [] if item.hidden else [item.title_word]
        walk.get(oai_url, {"verb": "GetRecord", "identifier": identifier, **oai}, shows=shows)
    walk.get(reverse("opendata_catalogue"))
    for slug, dataset in datasets().items():
        shows = [item.title_word for item in pages if isinstance(item.object, dataset.model)]
        walk.get(reverse("opendata_csv", args=[slug]), shows=shows)
        walk.get(reverse("opendata_json", args=[slug]), shows=shows)


def test_hidden_content_appears_in_no_public_output(client, world):
    walk = Walk(client, world)
    for language in LANGUAGES:
        walk_language(walk, world, language)
    walk_api(walk, world)
    walk_harvesters(walk, world)
    problems = {
        "Hidden content is shown": walk.leaks(world.hidden),
        "Unexpected answers": walk.answers,
        "The walk does not see live, public content": walk.blind_spots(),
    }
    report = "\n".join(
        f"{heading}:\n  " + "\n  ".join(found) for heading, found in problems.items() if found
    )
    assert not report, report
