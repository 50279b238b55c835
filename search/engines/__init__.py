"""The search engine for the configured backend: the view never knows which one runs."""

from django.conf import settings

from search.engines.base import SearchEngine, SearchRequest, SearchResponse, SearchUnavailable


def get_engine() -> SearchEngine:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    if "elasticsearch" in backend or "opensearch" in backend:
        from search.engines.elasticsearch import ElasticsearchSearchEngine

        return ElasticsearchSearchEngine()
    from search.engines.database import DatabaseSearchEngine

    return DatabaseSearchEngine()


__all__ = ["SearchEngine", "SearchRequest", "SearchResponse", "SearchUnavailable", "get_engine"]
