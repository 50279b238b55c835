"""Content is escaped or sanitised wherever it is shown (X1, X3).

X1: a link to a script (``javascript:`` in its disguises, ``vbscript:``, ``data:``) never
becomes a working link: not when an editor sends it through the rich-text editor, not when an
import or a migration writes it straight into the stored HTML, and not in a web-address block.
X3: markup and template syntax in a title, summary, alt text, tag or name is shown as text on
the site, in search results, feeds, OAI-PMH, the API and the admin.
"""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, models
from django.utils.html import escape

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, streamfield

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage
from knowledge.models import (
    Initiative,
    InitiativeIndexPage,
    InterventionPage,
    ResearchIndexPage,
    ResearchOutputFile,
    ResearchOutputPage,
    VillageDealPage,
)
from limburg.models import ContentPage, Organisation, Place, Theme
from tests.factories import LimburgImageFactory
from tests.limburg.conftest import page_form

pytestmark = pytest.mark.django_db

# Links to script in the disguises browsers still follow (CVE-2021-29434, Drupal's XssTest).
SCRIPT_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "jav\tascript:alert(1)",
    "java\nscript:alert(1)",
    "\x00javascript:alert(1)",
    " javascript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]
SAFE_URL = "https://www.limburg.nl/"
SAFE_SCHEMES = {"", "http", "https", "mailto", "tel"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "cite"}
# Markup, a template expression and a script, with a word to find the page by.
PAYLOAD = '"><img src=x onerror=alert(1)> {{7*7}} <script>alert(1)</script> Xsstoets'
RAW_MARKUP = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>")


# What a browser would run --------------------------------------------------------------


def url_scheme(url):
    """The scheme a browser reads from an attribute value (already entity-decoded): leading
    and trailing controls and spaces, and tabs and newlines anywhere, do not count."""
    url = re.sub(r"[\t\n\r]", "", url.strip("".join(map(chr, range(0x21)))))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.\-]*):", url)
    return match.group(1).lower() if match else ""


class ScriptFinder(HTMLParser):
    """Every place in a document where a script could run."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            value = value or ""
            handler = name.startswith("on")
            script_url = name in URL_ATTRIBUTES and url_scheme(value) not in SAFE_SCHEMES
            script_style = name == "style" and "script" in value.lower()
            if handler or script_url or script_style:
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.script = {"type": dict(attrs).get("type", ""), "text": ""}

    def handle_data(self, data):
        if self.script is not None:
            self.script["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            script, self.script = self.script, None
            if script["type"] == "application/ld+json":
                try:
                    json.loads(script["text"])
                except ValueError:
                    self.found.append(f"broken JSON-LD: {script['text'][:80]!r}")
            elif "alert(1)" in script["text"]:
                self.found.append(f"<script>{script['text'][:80]}</script>")


def runnable(html):
    finder = ScriptFinder()
    finder.feed(html)
    finder.close()
    return finder.found


def assert_inert(response_or_html, where=""):
    html = (
        response_or_html if isinstance(response_or_html, str) else response_or_html.content.decode()
    )
    assert runnable(html) == [], where
    for markup in RAW_MARKUP:
        assert markup not in html, where


def strings_in(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)
    elif isinstance(data, str):
        yield data


@pytest.fixture
def superuser_client(client):
    user = User.objects.create_superuser("xss-admin", "xss@example.org", "a-long-test-password")
    client.force_login(user)
    return client


# X1: links to script --------------------------------------------------------------------


def test_the_finder_finds_what_runs():
    # The checks below are only as good as this: every vector, written into HTML as an
    # import would, is found; the safe link is not.
    for url in SCRIPT_URLS:
        assert runnable(f'<a href="{url}">x</a>'), url
    assert runnable('<img src="x" onerror="alert(1)">')
    assert runnable("<script>alert(1)</script>")
    assert runnable('<script type="application/ld+json">{"name": "</script>')
    assert not runnable(f'<a href="{SAFE_URL}">x</a><a href="/nl/">y</a><a href="#top">z</a>')
    assert not runnable('<a href="&amp;#106;avascript:alert(1)">inert: a relative address</a>')


@pytest.mark.parametrize("url", SCRIPT_URLS)
@pytest.mark.parametrize(
    "block",
    [blocks.URLBlock(), blocks.URLBlock(required=False), EmbedBlock()],
    ids=["url", "optional url", "embed"],
)
def test_web_address_blocks_refuse_script_urls(block, url):
    # Every block with a web address (links, sources, quotes, contact cards, transcripts,
    # videos) is a URLBlock or an EmbedBlock: the admin form cleans with these.
    with pytest.raises(ValidationError):
        block.clean(block.to_python(url))


def url_fields():
    """Every model field in the project that holds a web address."""
    return [
        field
        for model in apps.get_models()
        if model._meta.app_label in ("limburg", "casestudies", "knowledge", "search")
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
    ]


# Django 5.2 warns that URLField's form field will assume https (FORMS_URLFIELD_ASSUME_HTTPS).
@pytest.mark.filterwarnings("ignore::django.utils.deprecation.RemovedInDjango60Warning")
def test_web_address_fields_refuse_script_urls():
    # The admin's forms (pages, snippets, settings) clean a model's URLField with its form
    # field: a link to script is an error there too.
    fields = url_fields()
    assert len(fields) > 5
    for field in fields:
        for url in SCRIPT_URLS:
            with pytest.raises(ValidationError):
                field.formfield().clean(url)


def stream_blocks():
    """Every block in every model's streams (pages, settings), with its name."""
    found = []

    def walk(name, block):
        found.append((name, block))
        for child_name, child in getattr(block, "child_blocks", {}).items():
            walk(child_name, child)
        if isinstance(block, blocks.ListBlock):
            walk(name, block.child_block)

    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(field.name, field.stream_block)
    return found


def test_every_web_address_in_a_stream_is_checked():
    # What the block tests below cover is all there is: no raw HTML block, and every
    # block holding a web address is a URLBlock or an EmbedBlock.
    found = stream_blocks()
    assert any(isinstance(block, blocks.URLBlock) for _name, block in found)
    assert not [name for name, block in found if isinstance(block, blocks.RawHTMLBlock)]
    assert not [
        name
        for name, block in found
        if ("url" in name or "link" in name or "href" in name)
        and isinstance(block, blocks.FieldBlock)
        and not isinstance(block, blocks.URLBlock | EmbedBlock)
    ]


def call_to_action(url):
    return streamfield(
        [
            (
                "call_to_action",
                {
                    "title": "Doe mee",
                    "text": "",
                    "link": {"label": "Klik", "page": "", "url": url, "document": ""},
                },
            )
        ]
    )


def test_the_link_block_refuses_a_script_url_from_the_admin(superuser_client, page_by_slug):
    about = page_by_slug("over-het-programma")
    url = f"/admin/pages/add/limburg/contentpage/{about.pk}/"
    for script_url in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>"):
        data = content_page_form("Oproep", "oproep", body=call_to_action(script_url))
        response = superuser_client.post(url, data)
        assert response.status_code == 200, script_url  # the form again, with its error
        error = response.context["form"].errors.as_data()["body"][0]
        assert list(error.block_errors[0].block_errors["link"].block_errors) == ["url"]
        assert not ContentPage.objects.filter(slug="oproep").exists()
    # The same form with a web address is saved.
    data = content_page_form("Oproep", "oproep", body=call_to_action(SAFE_URL))
    assert superuser_client.post(url, data).status_code == 302
    assert ContentPage.objects.filter(slug="oproep").exists()


def contentstate(urls):
    """What the rich-text editor (Draftail) sends: one paragraph with a link per URL."""
    text, ranges, entities = "", [], {}
    for key, url in enumerate(urls):
        label = f"link{key}"
        ranges.append({"offset": len(text), "length": len(label), "key": key})
        entities[str(key)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        text += f"{label} "
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": ranges,
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": entities})


def content_page_form(title, slug, **fields):
    """The shared content-page form data, published, with the fields this page type adds."""
    return page_form(
        title,
        slug,
        themes=[],
        places=[],
        featured_items=inline_formset([]),
        **{"action-publish": "publish", **fields},
    )


def test_the_editor_stores_no_link_to_script(superuser_client, page_by_slug):
    about = page_by_slug("over-het-programma")
    data = content_page_form(
        "Links",
        "links",
        body=streamfield([("paragraph", contentstate([*SCRIPT_URLS, SAFE_URL]))]),
    )
    response = superuser_client.post(f"/admin/pages/add/limburg/contentpage/{about.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ContentPage.objects.get(slug="links", locale__language_code="nl")
    stored = page.body[0].value.source
    assert runnable(stored) == [], stored
    assert f'href="{SAFE_URL}"' in stored  # a safe link is kept
    shown = superuser_client.get(page.url).content.decode()
    assert runnable(shown) == []
    assert f'href="{SAFE_URL}"' in shown
    api = superuser_client.get(f"/api/v2/pages/{page.pk}/", {"fields": "*"}).json()
    assert all(runnable(text) == [] for text in strings_in(api))
    # No page type offers its rich text in the API, feeds or OAI-PMH (summaries, abstracts
    # and names are text). One that starts to must sanitise it as the templates do.
    assert "body" not in api


# The stored HTML an import or migration might write: script links in every disguise (raw,
# as an attacker would write them), event handlers, script elements, frames, forms.
STORED_HTML = "".join(
    [
        *(f'<p><a href="{url}">link</a></p>' for url in SCRIPT_URLS),
        f'<p><a href="{SAFE_URL}" onclick="alert(1)" onmouseover="alert(1)">veilig</a></p>',
        '<p><a linktype="external" href="javascript:alert(1)">extern</a></p>',
        '<p><img src="x" onerror="alert(1)"><svg onload="alert(1)"></svg></p>',
        "<script>alert(1)</script>",
        '<iframe src="javascript:alert(1)"></iframe>',
        '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button>'
        "</form>",
        '<p style="background:url(javascript:alert(1))">stijl</p>',
        '<object data="javascript:alert(1)"></object>',
    ]
)


def test_script_in_stored_rich_text_is_not_rendered(client, page_by_slug):
    stored_html = STORED_HTML
    if connection.vendor == "postgresql":
        # PostgreSQL cannot store a NUL character in text or JSON at all, so that disguise
        # never reaches a page there; the rest of it, "javascript:", still does.
        stored_html = stored_html.replace("\x00", "")
    content_page = page_by_slug("limburg-factor")
    content_page.body = [
        ("paragraph", RichText(stored_html)),
        ("accordion", {"heading": "", "items": [{"question": "Vraag", "answer": stored_html}]}),
    ]
    case_study = page_by_slug("kerkrade-oost", model=CaseStudyPage)
    case_study.introduction = stored_html
    intervention = InterventionPage.objects.filter(locale__language_code="nl").first()
    intervention.approach = intervention.effective_elements = intervention.evidence = stored_html
    deal = VillageDealPage.objects.filter(locale__language_code="nl").first()
    deal.agreement = stored_html
    for page in (content_page, case_study, intervention, deal):
        page.save_revision().publish()
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert runnable(html) == [], page.url
        # What the editor could have made stays.
        assert f'href="{SAFE_URL}"' in html and ">veilig</a>" in html, page.url


def test_no_template_renders_rich_text_unsanitised():
    # Wagtail's own ``richtext`` filter trusts the stored HTML; the site's templates use
    # ``sanitised_richtext`` (limburg.templatetags.rich_text_tags) instead.
    templates = Path(settings.BASE_DIR) / "templates"
    raw = [
        f"{path.relative_to(templates)}:{number}"
        for path in templates.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if re.search(r"\|\s*richtext\b", line)
    ]
    assert raw == []


# X3: markup and template syntax in names ---------------------------------------------------


@pytest.fixture
def marked_up(db, page_by_slug):
    """A research output with the payload in every name it shows: title, summary, subtitle,
    search description, tag, theme, publisher, author, teaser image and a file."""
    locale = Locale.objects.get(language_code="nl")
    theme = Theme.objects.create(name=PAYLOAD, slug="xss-thema", locale=locale)
    organisation = Organisation.objects.create(
        name=PAYLOAD, kind=Organisation.Kind.ANDERS, locale=locale, website=SAFE_URL
    )
    image = LimburgImageFactory(title=PAYLOAD, alt_text=PAYLOAD, credit=PAYLOAD)
    document = get_document_model().objects.create(
        title=PAYLOAD, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="xss.pdf")
    )
    page = ResearchOutputPage(
        title=PAYLOAD,
        slug="xss-onderzoek",
        subtitle=PAYLOAD,
        summary=PAYLOAD,
        abstract=PAYLOAD,
        search_description=PAYLOAD,
        seo_title=PAYLOAD,
        kind=ResearchOutputPage.Kind.RAPPORT,
        publication_date="2024-03-15",
        publisher=organisation,
        teaser_image=image,
        locale=locale,
        body=[
            ("paragraph", RichText(f"<p>{escape(PAYLOAD)}</p>")),
            ("image", {"image": image, "caption": PAYLOAD, "credit": ""}),
        ],
    )
    page.authors.add(page.authors.model(family_name=PAYLOAD, given_names=PAYLOAD))
    page.files.add(ResearchOutputFile(document=document, description=PAYLOAD))
    page.tags.add(PAYLOAD)
    ResearchIndexPage.objects.get(locale=locale).add_child(instance=page)
    page.themes.set([theme])
    page.places.set(Place.objects.filter(code="GM0917"))
    page.save_revision().publish()
    return ResearchOutputPage.objects.get(pk=page.pk)


def test_markup_in_names_is_text_on_the_site(client, marked_up):
    page_html = client.get(marked_up.url).content.decode()
    assert_inert(page_html, "the page")
    soup = BeautifulSoup(page_html, "html.parser")
    # Shown as written: escaped, and no template evaluated it ({{7*7}} is not 49).
    assert soup.h1.get_text(" ", strip=True).startswith(PAYLOAD.strip())  # then the subtitle
    assert soup.title.get_text().startswith(PAYLOAD)
    assert PAYLOAD in [img.get("alt") for img in soup.find_all("img")]  # the image block
    listing = client.get(marked_up.get_parent().url)
    assert_inert(listing, "the listing")
    assert "{{7*7}}" in listing.content.decode()
    search = client.get("/nl/zoeken/", {"query": "Xsstoets"})
    assert_inert(search, "search")
    titles = [
        a.get_text(" ", strip=True)
        for a in BeautifulSoup(search.content, "html.parser").select(".lp-search-result__title a")
    ]
    assert titles == [PAYLOAD.strip()]
    for url in (
        "/nl/",
        "/nl/themas/",
        "/nl/kennisbank/",
        "/nl/gebieden/GM0917-maastricht/",
    ):
        assert_inert(client.get(url, follow=True), url)
    # Citations hold the names as data, in a download a browser does not render.
    for export in ("bibtex", "ris", "csl-json"):
        response = client.get(marked_up.url, {"format": export})
        assert not response["Content-Type"].startswith("text/html"), export
        assert response["Content-Disposition"].startswith("attachment"), export


def test_markup_in_names_is_text_in_feeds_oai_and_the_api(client, marked_up):
    # RSS and Atom: titles are text; a description is HTML (Atom says type="html"), so the
    # markup in a summary must arrive escaped in it.
    for url, description in (("/nl/feed/", "description"), ("/nl/feed/atom/", "summary")):
        root = ElementTree.fromstring(client.get(url).content)
        entries = [
            element
            for element in root.iter()
            if element.tag.rsplit("}", 1)[-1] in ("item", "entry")
            and any(
                (child.text or "") == PAYLOAD
                for child in element
                if child.tag.rsplit("}", 1)[-1] == "title"
            )
        ]
        assert len(entries) == 1, url
        for child in entries[0]:
            if child.tag.rsplit("}", 1)[-1] == description:
                assert_inert(child.text, f"{url} {description}")
    # OAI-PMH: plain text in every element.
    identifier = f"oai:{settings.OAI_REPOSITORY_IDENTIFIER}:{marked_up.pk}"
    response = client.get(
        "/oai/", {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"}
    )
    for element in ElementTree.fromstring(response.content).iter():
        for markup in ("<img", "<script"):
            assert markup not in (element.text or ""), element.tag
    # The API: the names as JSON strings, exactly as written.
    data = client.get(f"/api/v2/pages/{marked_up.pk}/").json()
    assert data["title"] == PAYLOAD
    assert data["summary"] == PAYLOAD
    assert data["publisher"]["name"] == PAYLOAD
    assert [theme["name"] for theme in data["themes"]] == [PAYLOAD]
    images = client.get("/api/v2/images/", {"search": "Xsstoets"}).json()
    assert [image["title"] for image in images["items"]] == [PAYLOAD]


def test_markup_in_names_is_text_in_the_admin(superuser_client, marked_up):
    image = marked_up.teaser_image
    document = marked_up.files.first().document
    theme = marked_up.themes.first()
    organisation = marked_up.publisher
    for url in (
        "/admin/",
        f"/admin/pages/{marked_up.get_parent().pk}/",
        "/admin/pages/search/?q=Xsstoets",
        f"/admin/pages/{marked_up.pk}/edit/",
        f"/admin/pages/{marked_up.pk}/history/",
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/documents/",
        f"/admin/documents/edit/{document.pk}/",
        "/admin/snippets/limburg/theme/",
        f"/admin/snippets/limburg/theme/edit/{theme.pk}/",
        "/admin/snippets/limburg/organisation/",
        f"/admin/snippets/limburg/organisation/edit/{organisation.pk}/",
        "/admin/reports/page-types-usage/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for markup in RAW_MARKUP:
            assert markup not in html, url
        assert not [found for found in runnable(html) if "alert(1)" in found], url
    # The message after publishing names the page.
    response = superuser_client.post(f"/admin/pages/{marked_up.pk}/unpublish/", follow=True)
    assert not ResearchOutputPage.objects.get(pk=marked_up.pk).live
    for markup in RAW_MARKUP:
        assert markup not in response.content.decode()


def test_markup_in_an_initiative_is_text_for_the_public_and_the_editors(superuser_client):
    # Residents write initiatives in a public form: the most exposed names of all.
    locale = Locale.objects.get(language_code="nl")
    initiative = Initiative.objects.create(
        title=PAYLOAD[:120],
        description=PAYLOAD,
        scale=Initiative.Scale.choices[0][0],
        nature=Initiative.Nature.choices[0][0],
        place=Place.objects.get(code="WK098101"),
        organisation_name=PAYLOAD,
        contact_name=PAYLOAD,
        contact_email="xss@example.org",
        publication_consent=True,
        is_public=True,
    )
    Initiative.objects.filter(pk=initiative.pk).update(confirmed_at="2026-01-01T10:00:00Z")
    scheme = InitiativeIndexPage.objects.get(locale=locale)
    public = superuser_client.get(scheme.url)
    assert_inert(public, "the scheme's page")
    assert "{{7*7}}" in public.content.decode()
    for url in (
        "/admin/initiatives/",
        f"/admin/initiatives/inspect/{initiative.pk}/",
        f"/admin/initiatives/edit/{initiative.pk}/",
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        for markup in RAW_MARKUP:
            assert markup not in response.content.decode(), url
