"""Against a real Elasticsearch 8 / OpenSearch cluster: runs only when ELASTICSEARCH_URL is set.

Run it with a cluster, e.g.:
    docker run -p 9200:9200 -e discovery.type=single-node -e xpack.security.enabled=false \\
        docker.elastic.co/elasticsearch/elasticsearch:8.19.3
    ELASTICSEARCH_URL=http://127.0.0.1:9200 make test PYTEST_ARGS="tests/search -m elasticsearch"
The settings then use the Elasticsearch backend for the whole suite.
"""

import io
import os

from django.core.management import call_command

import pytest

from search.engines import SearchRequest, get_engine
from search.query import parse_query

pytestmark = [
    pytest.mark.elasticsearch,
    pytest.mark.django_db,
    pytest.mark.skipif(
        not os.environ.get("ELASTICSEARCH_URL"),
        reason="SKIPPED: no Elasticsearch cluster; set ELASTICSEARCH_URL to run the live tests",
    ),
]


@pytest.fixture
def indexed():
    call_command("update_index", stdout=io.StringIO())


def search(text, locale, **kwargs):
    return get_engine().search(
        SearchRequest(parsed=parse_query(text), locale_id=locale.pk, language="nl", **kwargs)
    )


def test_engine_is_elasticsearch():
    assert get_engine().name == "elasticsearch"


def test_finds_and_ranks_named_programmes(indexed, locale_nl):
    response = search("Kansrijke Start", locale_nl)
    assert response.hits[0].page.title == "Kansrijke Start"
    assert "<mark>" in response.hits[0].title


def test_dutch_stemming(indexed, locale_nl):
    assert search("wijken", locale_nl).total >= search("wijk", locale_nl).total > 0


def test_facet_counts_match_filtered_totals(indexed, locale_nl):
    response = search("gezondheid", locale_nl)
    for value in response.facets["theme"]:
        assert search("gezondheid", locale_nl, filters={"theme": value.value}).total == value.count


def test_other_language_is_not_listed(indexed, locale_nl, locale_en):
    assert all(hit.page.locale_id == locale_en.pk for hit in search("Limburg", locale_en).hits)
