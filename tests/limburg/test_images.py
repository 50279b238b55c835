"""Images on public pages: responsive AVIF/WebP/JPEG, sized, lazy, made before the first visit."""

import re

from django.template.loader import render_to_string

import pytest

from casestudies.models import CaseStudyPage
from limburg.images import pregenerate_renditions

pytestmark = pytest.mark.django_db


def test_listing_cards_offer_avif_and_webp_in_two_sizes_with_dimensions(client):
    html = client.get("/nl/praktijkvoorbeelden/").content.decode()
    pictures = re.findall(r"<picture>.*?</picture>", html, re.S)
    assert pictures, "the demo case studies have teaser images"
    picture = pictures[0]
    types = re.findall(r'<source[^>]*type="([^"]+)"', picture)
    assert types == ["image/avif", "image/webp"]
    for srcset in re.findall(r'srcset="([^"]+)"', picture):
        assert {"480w", "960w"} <= {part.split()[-1] for part in srcset.split(",")}
    img = re.search(r"<img [^>]*>", picture).group(0)
    # Sized (no layout shift), lazy, decorative (the card's title is its text).
    assert re.search(r'width="480"', img) and re.search(r'height="270"', img)
    assert 'loading="lazy"' in img and 'alt=""' in img
    assert ".jpg" in img or ".jpeg" in img


def test_pregenerated_renditions_are_all_a_page_asks_for(client):
    image = CaseStudyPage.objects.filter(teaser_image__isnull=False).first().teaser_image
    image.renditions.all().delete()
    pregenerate_renditions([image])
    made = image.renditions.count()
    assert made == 15  # teaser: 2 sizes, image block: 3 sizes; each AVIF, WebP and JPEG
    render_to_string("components/teaser_image.html", {"image": image})
    render_to_string("components/image_block.html", {"value": {"image": image}})
    assert image.renditions.count() == made
    specs = image.renditions.values_list("filter_spec", flat=True)
    formats = {spec.split("|")[0] for spec in specs}
    assert formats == {"format-avif", "format-webp", "format-jpeg"}
