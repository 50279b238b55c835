"""The public API (/api/v2/): golden files, a JSON Schema per page type, filters, privacy."""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.base import ContentFile

from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import jsonschema
import pytest

from casestudies.models import CaseStudyPage
from knowledge.models import InterventionPage, ResearchOutputPage, VillageDealPage

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "golden"
VOLATILE = {"id", "first_published_at", "detail_url", "last_checked"}


def normalise(value):
    """The response without what differs between databases and runs (ids, timestamps, host)."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if key in VOLATILE:
                continue
            if key == "html_url" and item:
                item = urlsplit(item).path
            result[key] = normalise(item)
        return result
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value


def golden(name, data):
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return json.loads(path.read_text())


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


STRING_OR_EMPTY = {"type": "string"}
THEMES = {
    "type": "array",
    "minItems": 1,
    "items": {
        "type": "object",
        "required": ["slug", "name"],
        "properties": {"slug": {"type": "string"}, "name": {"type": "string"}},
    },
}
PLACES = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["code", "name", "kind"],
        "properties": {"code": {"type": "string"}, "kind": {"type": "string"}},
    },
}


def page_schema(type_name, required, properties):
    return {
        "type": "object",
        "required": ["id", "meta", "title", "summary", "themes", "places", *required],
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string", "minLength": 1},
            "summary": {"type": "string", "minLength": 1, "maxLength": 300},
            "meta": {
                "type": "object",
                "required": ["type", "html_url", "locale"],
                "properties": {
                    "type": {"const": type_name},
                    "locale": {"enum": ["nl", "en"]},
                    "html_url": {"type": "string", "format": "uri"},
                },
            },
            "themes": THEMES,
            "places": PLACES,
            **properties,
        },
    }


SCHEMAS = {
    CaseStudyPage: page_schema(
        "casestudies.CaseStudyPage",
        ["kind", "status", "partners", "funding"],
        {
            "kind": {"enum": [value for value, _ in CaseStudyPage.Kind.choices]},
            "status": {"enum": [value for value, _ in CaseStudyPage.Status.choices]},
            "start_year": {"type": ["integer", "null"]},
            "partners": {
                "type": "array",
                "items": {"type": "object", "required": ["organisation", "role"]},
            },
            "funding": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["instrument", "amount", "source_name"],
                    "properties": {"amount": {"type": ["string", "null"]}},
                },
            },
        },
    ),
    ResearchOutputPage: page_schema(
        "knowledge.ResearchOutputPage",
        ["kind", "authors", "publication_date", "doi", "licence", "language"],
        {
            "kind": {"enum": [value for value, _ in ResearchOutputPage.Kind.choices]},
            "publication_date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "doi": STRING_OR_EMPTY,
            "authors": {
                "type": "array",
                "items": {"type": "object", "required": ["family_name", "given_names", "orcid"]},
            },
            "licence": {"type": ["object", "null"]},
            "publisher": {"type": ["object", "null"]},
        },
    ),
    VillageDealPage: page_schema(
        "knowledge.VillageDealPage",
        ["kind", "status", "parties", "milestones"],
        {
            "kind": {"type": "object", "required": ["slug", "name"]},
            "status": {"enum": [value for value, _ in VillageDealPage.Status.choices]},
            "parties": {
                "type": "array",
                "items": {"type": "object", "required": ["organisation", "role", "amount"]},
            },
            "milestones": {
                "type": "array",
                "items": {"type": "object", "required": ["date", "text", "status"]},
            },
        },
    ),
    InterventionPage: page_schema(
        "knowledge.InterventionPage",
        ["goal", "recognition_level"],
        {"recognition_level": {"type": "string"}},
    ),
}


@pytest.mark.parametrize("model", list(SCHEMAS), ids=lambda model: model.__name__)
def test_every_page_of_a_type_matches_its_schema(client, model, django_assert_max_num_queries):
    label = f"{model._meta.app_label}.{model.__name__}"
    # A page of up to 50 costs the same: one query per relation, never one per page.
    with django_assert_max_num_queries(20):
        data = get(client, "/api/v2/pages/", type=label, fields="*", limit=50)
    live = model.objects.live().public().count()
    assert data["meta"]["total_count"] == live > 0
    for item in data["items"]:
        jsonschema.validate(item, SCHEMAS[model])


def test_case_study_detail_matches_its_golden_file(client, page_by_slug):
    page = page_by_slug("donderberg-roermond")
    data = normalise(get(client, f"/api/v2/pages/{page.pk}/"))
    assert data == golden("case_study_donderberg", data)


def test_research_listing_matches_its_golden_file(client):
    data = normalise(
        get(
            client,
            "/api/v2/pages/",
            type="knowledge.ResearchOutputPage",
            fields="authors,publisher,publication_date,date_precision,doi,licence,themes",
            locale="nl",
            order="title",
        )
    )
    assert data == golden("research_listing_nl", data)


def test_deal_detail_matches_its_golden_file(client, page_by_slug):
    page = page_by_slug("regio-deal-midden-limburg")
    data = normalise(get(client, f"/api/v2/pages/{page.pk}/"))
    assert data == golden("deal_midden_limburg", data)


def test_filters_by_theme_place_and_locale(client):
    by_theme = get(client, "/api/v2/pages/", theme="veiligheid", locale="nl", limit=100)
    expected = sum(
        model.objects.live()
        .public()
        .filter(locale__language_code="nl", themes__slug="veiligheid")
        .count()
        for model in (CaseStudyPage, ResearchOutputPage, VillageDealPage, InterventionPage)
    )
    # ContentPages may carry the theme too.
    assert by_theme["meta"]["total_count"] >= expected > 0
    # A gemeente includes its wijken: Donderberg is placed in a wijk of Roermond.
    roermond = get(client, "/api/v2/pages/", place="GM0957", locale="nl", fields="title")
    titles = {item["title"] for item in roermond["items"]}
    assert "Wijkontwikkeling Donderberg, Roermond" in titles
    english = get(client, "/api/v2/pages/", locale="en", type="casestudies.CaseStudyPage")
    assert all(item["meta"]["locale"] == "en" for item in english["items"])


@pytest.mark.parametrize(
    "query",
    [{"place": "GM09'57"}, {"type": "nope.Nope"}, {"unknown": "1"}, {"theme": "x", "limit": "abc"}],
)
def test_bad_parameters_are_a_clear_400(client, query):
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 400
    assert "message" in response.json()


def test_drafts_and_private_pages_never_appear(client, page_by_slug):
    draft = page_by_slug("vallisveld")
    draft.unpublish()
    private = page_by_slug("kerkrade-oost")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    data = get(client, "/api/v2/pages/", type="casestudies.CaseStudyPage", limit=100)
    ids = {item["id"] for item in data["items"]}
    assert draft.pk not in ids and private.pk not in ids
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_documents_of_private_collections_are_hidden(client):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Partner concepten")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    public_doc = Document.objects.create(
        title="Openbaar", file=ContentFile(b"%PDF-1.4", "open.pdf")
    )
    hidden = Document.objects.create(
        title="Concept", file=ContentFile(b"%PDF-1.4", "concept.pdf"), collection=private
    )
    ids = {item["id"] for item in get(client, "/api/v2/documents/")["items"]}
    assert public_doc.pk in ids and hidden.pk not in ids


def test_the_api_is_read_only(client):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405
