"""Every shared block renders from its preview value and enforces its rules."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import translation

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest
from bs4 import BeautifulSoup

from limburg.blocks import ContentStreamBlock, KeyFigureBlock, KeyFiguresBlock, LinkBlock
from tests.factories import LimburgImageFactory

pytestmark = pytest.mark.django_db

PREVIEW_URL = "https://www.youtube.com/watch?v=limburgdemo"


@pytest.fixture
def media_library():
    """An image, a document and a cached embed, so previews need no network."""
    image = LimburgImageFactory(title="Wijk in de avond", alt_text="Huizen in een Limburgse wijk")
    document = get_document_model().objects.create(
        title="Uitvoeringsplan", file=ContentFile(b"%PDF-1.4\n%test\n", name="uitvoeringsplan.pdf")
    )
    Embed.objects.create(
        hash=get_embed_hash(PREVIEW_URL),
        url=PREVIEW_URL,
        max_width=None,
        type="video",
        html='<iframe title="Een wijkaanpak in beeld" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        title="Een wijkaanpak in beeld",
        provider_name="YouTube",
    )
    return image, document


EXPECTED = {
    "heading": "h2#samen-werken-aan-sterke-wijken",
    "paragraph": "div.utrecht-html p",
    "image": "figure.lp-figure picture img[alt='Huizen in een Limburgse wijk']",
    "quote": "figure.lp-quote blockquote",
    "key_figures": ".lp-key-figures .lp-key-figures__source a[href^='https://']",
    "call_to_action": "aside.lp-cta a.utrecht-button-link[href='https://www.limburg.nl/']",
    "documents": ".lp-document-list a[href*='uitvoeringsplan']",
    "accordion": ".lp-faq details.lp-faq__item summary",
    "video": ".lp-video iframe[title]",
    "contact": ".lp-contact-card a[href^='mailto:']",
}


def test_every_block_in_the_stream_is_covered():
    assert set(ContentStreamBlock.base_blocks) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_block_renders_from_its_preview_value(media_library, name):
    block = ContentStreamBlock.base_blocks[name]
    meta = block.meta
    assert meta.icon and meta.label and meta.group and meta.description, name
    value = block.get_preview_value()
    html = block.render(value)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(EXPECTED[name]), f"{name}: {html}"
    # The preview value is valid for the block: an editor could save it.
    block.clean(value)


def test_video_links_name_the_video(media_library):
    # Two videos on a page must not both offer a bare "Transcript" link.
    block = ContentStreamBlock.base_blocks["video"]
    value = block.to_python(
        {
            "url": PREVIEW_URL,
            "title": "Een wijkaanpak in beeld",
            "transcript_url": "https://example.org/t",
        }
    )
    soup = BeautifulSoup(block.render(value), "html.parser")
    links = soup.select(".lp-video figcaption a")
    assert len(links) == 2
    for link in links:
        assert link.get_text().endswith(": Een wijkaanpak in beeld"), link
        assert link.select_one(".lp-visually-hidden")


def test_link_block_needs_exactly_one_target(home_nl):
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Nergens heen"}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Twee", "page": home_nl.pk, "url": "https://x.nl/"}))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"url": "https://www.limburg.nl/"}))
    assert "label" in error.value.block_errors
    value = block.clean(block.to_python({"page": home_nl.pk}))
    assert value.url() == "/nl/"
    assert value.text() == home_nl.title


def test_link_block_leads_to_the_page_in_the_visitors_language(home_nl):
    block = LinkBlock()
    value = block.to_python({"page": home_nl.pk})
    with translation.override("en"):
        assert value.url() == "/en/"


def test_key_figure_requires_a_source():
    block = KeyFigureBlock()
    value = block.to_python(
        {
            "value": "8",
            "unit": "",
            "label": "gebieden",
            "year": 2025,
            "source": {"name": "", "url": ""},
        }
    )
    with pytest.raises(ValidationError):
        block.clean(value)


@pytest.mark.parametrize(
    ("language", "number", "expected"),
    [("nl", "1133255", "1.133.255"), ("en", "1133255", "1,133,255"), ("nl", "2.30", "2,3")],
)
def test_key_figure_value_is_formatted_per_language(language, number, expected):
    block = KeyFiguresBlock()
    value = block.to_python(
        {
            "figures": [
                {
                    "value": number,
                    "label": "inwoners",
                    "year": 2024,
                    "source": {"name": "CBS", "url": ""},
                }
            ]
        }
    )
    with translation.override(language):
        assert value["figures"][0].formatted_value() == expected
        html = block.render(value)
    assert f">{expected}<" in html.replace("\n", "")
    assert "2024" in html and "2.024" not in html
    assert isinstance(value["figures"][0]["value"], Decimal)
