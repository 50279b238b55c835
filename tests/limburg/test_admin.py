"""The real Wagtail admin over HTTP: the vocabulary, pages and images."""

import io
import struct
import zlib

from django.contrib.auth.models import User

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from limburg.models import ContentPage, LimburgImage, Place, Theme
from tests.factories import LimburgImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = User.objects.create_superuser("admin-test", "admin@example.org", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(User.objects.get(username="redactie"))
    return client


def test_vocabulary_listings_load(admin_client):
    for url in (
        "/admin/snippets/limburg/theme/",
        "/admin/snippets/limburg/place/",
        "/admin/snippets/limburg/organisation/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url


def test_place_listing_filters_by_kind(admin_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = admin_client.get("/admin/snippets/limburg/place/", {"kind": "gemeente"})
    assert b"Heerlen" in response.content
    assert b"Wijk 00 Schaesberg" not in response.content


def test_place_with_a_bad_code_is_a_form_error_and_saves_nothing(admin_client):
    before = Place.objects.count()
    response = admin_client.post(
        "/admin/snippets/limburg/place/add/",
        {
            "kind": "wijk",
            "name": "Nieuwe wijk",
            "code": "WK12",
            "parent": Place.objects.get(code="GM0917").pk,
        },
    )
    assert response.status_code == 200
    assert (
        "is geen CBS-code" in response.content.decode()
        or "is not a CBS code" in response.content.decode()
    )
    assert Place.objects.count() == before


def test_editor_can_add_a_theme(editor_client, locale_nl):
    response = editor_client.post(
        f"/admin/snippets/limburg/theme/add/?locale={locale_nl.language_code}",
        {
            "name": "Energie",
            "slug": "energie",
            "description": "",
            "accent": "turkoois",
            "sort_order": 60,
            "locale": locale_nl.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Theme.objects.filter(slug="energie", locale=locale_nl).exists()


def test_editor_creates_a_content_page_with_blocks(editor_client, page_by_slug):
    about = page_by_slug("over-het-programma")
    url = f"/admin/pages/add/limburg/contentpage/{about.pk}/"
    assert editor_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Lerend netwerk",
            "slug": "lerend-netwerk",
            "summary": "Partners delen wat werkt.",
            "body": streamfield(
                [
                    ("heading", {"text": "Wat we delen", "level": "h2"}),
                    ("paragraph", rich_text("<p>Lessen, interventies en knelpunten.</p>")),
                ]
            ),
            "themes": [],
            "places": [],
            "tags": "",
            "action-publish": "publish",
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(slug="lerend-netwerk", locale__language_code="nl")
    assert page.live
    assert [block.block_type for block in page.body] == ["heading", "paragraph"]
    assert editor_client.get(page.url).status_code == 200


def test_an_incomplete_page_is_a_form_error_and_saves_nothing(editor_client, page_by_slug):
    about = page_by_slug("over-het-programma")
    before = ContentPage.objects.count()
    response = editor_client.post(
        f"/admin/pages/add/limburg/contentpage/{about.pk}/",
        nested_form_data(
            {"title": "", "slug": "", "body": streamfield([]), "action-publish": "publish"}
        ),
    )
    assert response.status_code == 200
    assert ContentPage.objects.count() == before


def test_image_upload_requires_alt_text(admin_client):
    def upload(**fields):
        file = LimburgImageFactory.build().file
        file.seek(0)
        return admin_client.post(
            "/admin/images/add/", {"title": "Wijk", "file": file, "collection": 1, **fields}
        )

    before = LimburgImage.objects.count()
    response = upload()
    assert response.status_code == 200
    assert "alt_text" in response.context["form"].errors
    assert LimburgImage.objects.count() == before

    response = upload(alt_text="Rijtjeshuizen langs een straat", credit="Illustratie: test")
    assert response.status_code == 302
    image = LimburgImage.objects.get(title="Wijk")
    assert image.default_alt_text == "Rijtjeshuizen langs een straat"


def test_bulk_upload_makes_no_image_without_alt_text(admin_client):
    # Dropping several files at once keeps each one aside until its alt text is given.
    file = LimburgImageFactory.build().file
    file.seek(0)
    file.name = "wijk.jpg"
    before = LimburgImage.objects.count()
    response = admin_client.post("/admin/images/multiple/add/", {"files[]": file, "collection": 1})
    assert response.status_code == 200
    upload_id = response.json()["uploaded_file_id"]
    assert LimburgImage.objects.count() == before

    create = f"/admin/images/multiple/create_from_uploaded_image/{upload_id}/"
    prefix = f"uploaded-image-{upload_id}"
    fields = {f"{prefix}-title": "Wijk", f"{prefix}-collection": 1, f"{prefix}-tags": ""}
    response = admin_client.post(create, fields)
    assert response.json()["success"] is False
    assert LimburgImage.objects.count() == before

    response = admin_client.post(create, {**fields, f"{prefix}-alt_text": "Een straat"})
    assert response.json()["success"] is True
    assert LimburgImage.objects.get(title="Wijk").alt_text == "Een straat"


def test_upload_from_the_image_chooser_requires_alt_text(admin_client):
    # The chooser in a page's image block uploads with the same form.
    file = LimburgImageFactory.build().file
    file.seek(0)
    before = LimburgImage.objects.count()
    response = admin_client.post(
        "/admin/images/chooser/create/",
        {"image-chooser-upload-title": "Wijk", "image-chooser-upload-file": file},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "reshow_creation_form"
    assert "alt_text" in response.json()["htmlFragment"]
    assert LimburgImage.objects.count() == before


def test_svg_upload_is_refused(admin_client):
    before = LimburgImage.objects.count()
    svg = io.BytesIO(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    svg.name = "logo.svg"
    response = admin_client.post(
        "/admin/images/add/", {"title": "Logo", "file": svg, "alt_text": "Logo", "collection": 1}
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert LimburgImage.objects.count() == before


def png_header_only(width, height):
    """A tiny PNG that claims to be width x height: a decompression bomb's header."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    body = (
        chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + chunk(b"IEND", b"")
    )
    return b"\x89PNG\r\n\x1a\n" + body


def test_decompression_bomb_is_a_form_error(admin_client):
    # U1: refused on its pixel count before anything is decoded.
    bomb = io.BytesIO(png_header_only(30_000, 30_000))
    bomb.name = "bom.png"
    before = LimburgImage.objects.count()
    response = admin_client.post(
        "/admin/images/add/", {"title": "Bom", "file": bomb, "alt_text": "Bom", "collection": 1}
    )
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert LimburgImage.objects.count() == before


def test_partner_editor_cannot_reach_settings_or_users(client):
    client.force_login(User.objects.get(username="partner-kerkrade"))
    assert client.get("/admin/").status_code == 200
    for url in ("/admin/users/", "/admin/groups/", "/admin/settings/limburg/sitesettings/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
