"""Elasticsearch down (robustness S12): readers get a clear "temporarily unavailable"
answer, editors go on publishing. The backend is real and points at a closed port."""

import socket

from django.contrib.auth.models import User

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from limburg.models import ContentPage

pytestmark = pytest.mark.django_db


def closed_port():
    # Bound and closed at once: nothing listens there for the test's few seconds.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "INDEX_PREFIX": "limburg_outage_",
            "TIMEOUT": 2,
            "OPTIONS": {"max_retries": 0},
        }
    }


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/nl/zoeken/?query=wijkaanpak", "Zoeken is tijdelijk niet mogelijk"),
        ("/en/search/?query=neighbourhood", "Search is temporarily unavailable"),
    ],
)
def test_search_page_says_search_is_temporarily_unavailable(client, elasticsearch_down, url, text):
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"]
    assert text in response.content.decode()


def test_suggestions_and_api_search_answer_503(client, elasticsearch_down):
    suggestions = client.get("/nl/zoeken/suggesties/?query=wijk")
    assert suggestions.status_code == 503
    assert suggestions.json() == {"results": [], "unavailable": True}
    api = client.get("/api/v2/pages/?search=wijk")
    assert api.status_code == 503
    assert "unavailable" in api.json()["message"]


def test_pages_without_search_still_work(client, elasticsearch_down):
    assert client.get("/nl/").status_code == 200
    assert client.get("/nl/zoeken/").status_code == 200  # the empty search form
    assert client.get("/api/v2/pages/?type=limburg.ContentPage").status_code == 200


def test_editors_keep_publishing(client, elasticsearch_down, page_by_slug):
    client.force_login(User.objects.get(username="redactie"))
    about = page_by_slug("over-het-programma")
    response = client.post(
        f"/admin/pages/add/limburg/contentpage/{about.pk}/",
        nested_form_data(
            {
                "title": "Storing bij zoeken",
                "slug": "storing-bij-zoeken",
                "summary": "Gepubliceerd terwijl de zoekmachine weg was.",
                "body": streamfield([]),
                "themes": [],
                "places": [],
                "tags": "",
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 302
    page = ContentPage.objects.get(slug="storing-bij-zoeken", locale__language_code="nl")
    assert page.live
    assert client.get(page.url).status_code == 200
