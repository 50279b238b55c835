"""The Elasticsearch side, tested by the request bodies it builds (no cluster needed).

The same engine runs against a real cluster in test_elasticsearch_live.py
whenever ELASTICSEARCH_URL is set.
"""

import json

from django.test import override_settings

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest

from casestudies.models import CaseStudyPage
from search.engines.base import SearchRequest
from search.engines.elasticsearch import FACET_SIZE, ElasticsearchSearchEngine
from search.query import parse_query

pytestmark = pytest.mark.django_db

# A closed port: building requests never connects.
ES_SETTINGS = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "limburg_",
        "INDEX_SETTINGS": {},
    }
}
SYNONYMS = [["aandachtswijk", "kwetsbare wijk", "focusgebied", "krachtwijk"]]


@pytest.fixture
def engine():
    with override_settings(WAGTAILSEARCH_BACKENDS=ES_SETTINGS):
        yield ElasticsearchSearchEngine()


def body(engine, text="", locale_id=1, **kwargs):
    request = SearchRequest(
        parsed=parse_query(text, SYNONYMS), locale_id=locale_id, language="nl", **kwargs
    )
    return json.loads(json.dumps(engine.build(request).to_dict()))


def test_targets_wagtails_page_index(engine):
    assert engine.index_name == "limburg_wagtailcore_page"


def test_query_expands_synonyms_and_keeps_phrases(engine):
    query = body(engine, 'aandachtswijk "geleerde lessen"')["query"]["bool"]
    words, phrase = query["must"][0]["bool"]["must"]
    alternatives = [clause["multi_match"]["query"] for clause in words["bool"]["should"]]
    assert alternatives == ["aandachtswijk", "kwetsbare wijk", "focusgebied", "krachtwijk"]
    assert words["bool"]["should"][1]["multi_match"]["type"] == "phrase"
    assert phrase["multi_match"] == {
        "query": "geleerde lessen",
        "fields": ["title^3", "*__summary^2", "_all_text"],
        "type": "phrase",
    }


def test_only_live_public_pages_of_one_language(engine, page_by_slug, locale_en):
    private = page_by_slug("privacy")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    query = body(engine, "wijk", locale_id=locale_en.pk, exclude_ids=(7,))["query"]["bool"]
    assert {"term": {"live_filter": True}} in query["filter"]
    assert {"term": {"locale_id_filter": locale_en.pk}} in query["filter"]
    assert {"range": {"depth_filter": {"gt": 2}}} in query["filter"]
    assert {"prefix": {"path_filter": private.path}} in query["must_not"]
    assert {"terms": {"id_filter": [7]}} in query["must_not"]


def test_theme_filter_covers_every_page_type_with_themes(engine):
    post_filter = body(engine, "wijk", filters={"theme": "wonen"})["post_filter"]["bool"]["filter"][
        0
    ]["bool"]
    paths = {clause["nested"]["path"] for clause in post_filter["should"]}
    assert paths == {
        "limburg_contentpage__themes",
        "casestudies_casestudypage__themes",
        "knowledge_researchoutputpage__themes",
        "knowledge_villagedealpage__themes",
        "knowledge_interventionpage__themes",
        "knowledge_eventpage__themes",
    }
    assert post_filter["minimum_should_match"] == 1
    clause = next(
        c
        for c in post_filter["should"]
        if c["nested"]["path"] == "casestudies_casestudypage__themes"
    )
    assert clause["nested"]["query"] == {
        "term": {"casestudies_casestudypage__themes.slug_filter": "wonen"}
    }


def test_gemeente_filter_uses_the_gemeente_of_each_place(engine):
    post_filter = body(engine, filters={"gemeente": "GM0957"})["post_filter"]["bool"]["filter"][0][
        "bool"
    ]
    assert {"term": {"casestudies_casestudypage__places.gemeente_code_filter": "GM0957"}} in [
        clause["nested"]["query"] for clause in post_filter["should"]
    ]


def test_each_facet_is_counted_with_the_other_filters_only(engine):
    aggs = body(engine, "wijk", filters={"theme": "wonen", "status": "lopend"})["aggs"]
    theme_filter = aggs["theme__casestudies.casestudypage"]["filter"]["bool"]["filter"]
    status_filter = aggs["status__casestudies.casestudypage"]["filter"]["bool"]["filter"]
    assert "status_filter" in json.dumps(theme_filter) and "themes" not in json.dumps(theme_filter)
    assert "themes" in json.dumps(status_filter) and "status_filter" not in json.dumps(
        status_filter
    )


def test_facets_are_never_cut_off(engine):
    aggs = body(engine, "wijk")["aggs"]
    theme = aggs["theme__casestudies.casestudypage"]["aggs"]["inner"]
    assert theme["nested"] == {"path": "casestudies_casestudypage__themes"}
    assert theme["aggs"]["values"]["terms"] == {
        "field": "casestudies_casestudypage__themes.slug_filter",
        "size": FACET_SIZE,
    }
    assert "reverse_nested" in theme["aggs"]["values"]["aggs"]["pages"]
    assert aggs["type"]["aggs"]["inner"]["terms"]["size"] == FACET_SIZE
    assert aggs["year"]["aggs"]["inner"]["date_histogram"]["calendar_interval"] == "year"


def test_highlighting_is_html_escaped_marks(engine):
    highlight = body(engine, "wijk")["highlight"]
    assert highlight["pre_tags"] == ["<mark>"] and highlight["post_tags"] == ["</mark>"]
    assert highlight["encoder"] == "html"
    assert set(highlight["fields"]) == {"title", "*__summary"}


def test_sorting_and_paging(engine):
    assert "sort" not in body(engine, "wijk")
    assert body(engine, "wijk", sort="newest")["sort"][0] == {
        "first_published_at_filter": {"order": "desc"}
    }
    paged = body(engine, "wijk", page=3)
    assert (paged["from"], paged["size"]) == (20, 10)
    # Deep pages stay inside Elasticsearch's result window.
    deep = body(engine, "wijk", page=99999)
    assert deep["from"] + deep["size"] <= 10_000


def test_index_mapping_carries_the_facet_fields():
    with override_settings(WAGTAILSEARCH_BACKENDS=ES_SETTINGS):
        backend = get_search_backend()
        properties = backend.mapping_class(CaseStudyPage).get_mapping()["properties"]
    assert properties["casestudies_casestudypage__places"]["properties"][
        "gemeente_code_filter"
    ] == {"type": "keyword"}
    assert properties["casestudies_casestudypage__themes"]["type"] == "nested"
    assert properties["casestudies_casestudypage__status_filter"] == {"type": "keyword"}


def test_index_documents_carry_the_gemeente_of_a_wijk(page_by_slug):
    donderberg = page_by_slug("donderberg-roermond")
    with override_settings(WAGTAILSEARCH_BACKENDS=ES_SETTINGS):
        document = get_search_backend().mapping_class(CaseStudyPage).get_document(donderberg)
    assert document["casestudies_casestudypage__places"] == [
        {"name": "Wijk 04 Donderberg", "code_filter": "WK095704", "gemeente_code_filter": "GM0957"}
    ]


def test_production_settings_analyse_in_dutch(monkeypatch):
    import importlib

    import limburg.settings.base as base

    monkeypatch.setenv("ELASTICSEARCH_URL", "http://search.example.org:9200")
    reloaded = importlib.reload(base)
    try:
        config = reloaded.WAGTAILSEARCH_BACKENDS["default"]
        analysis = config["INDEX_SETTINGS"]["settings"]["analysis"]
        assert analysis["analyzer"]["default"]["filter"][-2:] == ["dutch_stop", "dutch_stemmer"]
        assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
        assert "INDEX" not in config  # modelsearch would pass it to the client
    finally:
        monkeypatch.delenv("ELASTICSEARCH_URL")
        importlib.reload(base)


def test_asks_for_spelling_suggestions(engine):
    suggest = body(engine, "gezondhied wijk")["suggest"]["spelling"]
    assert suggest == {"text": "gezondhied wijk", "term": {"field": "_all_text"}}
    assert "suggest" not in body(engine, '"alleen een zin"')


def test_suggestion_is_read_from_the_response():
    from elasticsearch_dsl import Search
    from elasticsearch_dsl.response import Response

    raw = {
        "hits": {"total": {"value": 0, "relation": "eq"}, "hits": []},
        "suggest": {
            "spelling": [
                {
                    "text": "gezondhied",
                    "offset": 0,
                    "length": 10,
                    "options": [{"text": "gezondheid", "score": 0.9, "freq": 12}],
                },
                {"text": "wijk", "offset": 11, "length": 4, "options": []},
            ]
        },
    }
    response = Response(Search(), raw)
    assert ElasticsearchSearchEngine.suggestion(response, None) == "gezondheid wijk"


def test_aggregation_buckets_become_labelled_facets(engine, locale_nl):
    from django.contrib.contenttypes.models import ContentType

    from elasticsearch_dsl import Search
    from elasticsearch_dsl.response import Response

    case_study_type = ContentType.objects.get_for_model(CaseStudyPage).pk
    themes = {"buckets": [{"key": "wonen", "doc_count": 5, "pages": {"doc_count": 3}}]}
    raw = {
        "hits": {"total": {"value": 3, "relation": "eq"}, "hits": []},
        "aggregations": {
            "type": {
                "doc_count": 3,
                "inner": {"buckets": [{"key": case_study_type, "doc_count": 3}]},
            },
            "year": {
                "doc_count": 3,
                "inner": {
                    "buckets": [
                        {"key_as_string": "2026-01-01T00:00:00.000Z", "key": 1, "doc_count": 3}
                    ]
                },
            },
            "theme__casestudies.casestudypage": {
                "doc_count": 3,
                "inner": {"doc_count": 9, "values": themes},
            },
            "theme__limburg.contentpage": {
                "doc_count": 0,
                "inner": {"doc_count": 0, "values": {"buckets": []}},
            },
        },
    }
    request = SearchRequest(
        parsed=parse_query("wijk"),
        locale_id=locale_nl.pk,
        language="nl",
        filters={"theme": "wonen"},
    )
    facets = engine.facets(Response(Search(), raw).aggregations, request)
    assert [(f.value, f.count) for f in facets["type"]] == [("casestudies.casestudypage", 3)]
    assert [(f.value, f.count) for f in facets["year"]] == [("2026", 3)]
    wonen = next(f for f in facets["theme"] if f.value == "wonen")
    # Pages, not theme links: the reverse_nested count.
    assert (wonen.label, wonen.count, wonen.selected) == ("Wonen", 3, True)
