"""Search on Wagtail's database backend: SQLite FTS5, or PostgreSQL with its Dutch configuration.

The backend finds and ranks; facets are SQL aggregates over the matching set
(used as a subquery, never loaded into Python), one query per facet.
"""

import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear, Length

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from limburg.models import gemeente_code_of
from limburg.translation import with_teaser_images
from search.engines.base import (
    FACET_MODELS,
    SearchEngine,
    SearchHit,
    SearchRequest,
    SearchResponse,
    facet_values,
    filter_q,
)
from search.highlight import highlight, snippet_source


def searchable_pages(locale_id):
    """Live, public pages of one language, without the tree root and the home pages."""
    return Page.objects.live().public().filter(locale_id=locale_id, depth__gt=2)


def postgres_matches(parsed):
    """Ids of pages whose index entry matches, as a subquery that uses the GIN indexes.

    modelsearch's own PostgreSQL query tests ``title || body`` row by row (a
    sequential scan: about 80 ms per facet at 10,000 pages); testing the two
    indexed columns separately lets PostgreSQL combine its two GIN indexes.
    """
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")

    def term(text, kind="plain"):
        return SearchQuery(text, config=config, search_type="phrase" if " " in text else kind)

    query = None
    for word in parsed.words:
        alternatives = [term(word), *(term(alt) for alt in parsed.expansions.get(word, []))]
        clause = alternatives[0]
        for alternative in alternatives[1:]:
            clause |= alternative
        query = clause if query is None else query & clause
    for phrase in parsed.phrases:
        query = term(phrase, "phrase") if query is None else query & term(phrase, "phrase")
    page_types = [ContentType.objects.get_for_model(model).pk for model in FACET_MODELS.page_models]
    return (
        IndexEntry.objects.filter(Q(title=query) | Q(body=query), content_type_id__in=page_types)
        .annotate(page_id=Cast("object_id", IntegerField()))
        .values("page_id")
    )


def sqlite_matches(queryset):
    """Ids of the pages FTS5 matches, found once and handed to SQLite as one JSON parameter.

    The match as a subquery would join the FTS table to the index entries again in
    every facet query (about 10 ms each at 10,000 pages); a JSON array is one bound
    parameter however many pages match, which a list of ids would not be.
    """
    ids = list(queryset.values_list("pk", flat=True))
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


class DatabaseSearchEngine(SearchEngine):
    name = "database"

    def search(self, request: SearchRequest) -> SearchResponse:
        base = searchable_pages(request.locale_id)
        if request.exclude_ids:
            base = base.exclude(pk__in=request.exclude_ids)
        if request.parsed.is_empty:
            matching = base
        elif connection.vendor == "postgresql":
            matching = base.filter(pk__in=postgres_matches(request.parsed))
        else:
            results = base.search(request.parsed.to_query(), order_by_relevance=False)
            matching = base.filter(pk__in=sqlite_matches(results.get_queryset()))
        if request.sort == "relevance" and not request.parsed.is_empty:
            ordered = self._titles_first(matching, request.parsed)
        else:
            ordered = matching.order_by("-first_published_at", "-pk")

        filtered_ordered = ordered
        for name, value in request.filters.items():
            filtered_ordered = filtered_ordered.filter(filter_q(name, value))

        paginator = Paginator(filtered_ordered, request.per_page)
        page_number = min(max(request.page, 1), paginator.num_pages)
        page = paginator.page(page_number)
        pages = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in page]).specific()}
        ordered_pages = with_teaser_images([pages[p.pk] for p in page if p.pk in pages])
        terms = request.parsed.highlight_terms()
        hits = [
            SearchHit(
                page=p,
                title=highlight(p.title, terms),
                snippet=highlight(snippet_source(p), terms, window=240),
            )
            for p in ordered_pages
        ]
        return SearchResponse(
            hits=hits,
            total=paginator.count,
            page=page_number,
            num_pages=paginator.num_pages,
            facets=self.facets(matching, request),
        )

    @staticmethod
    def _titles_first(matching, parsed):
        """Relevance on the database backends: titles that hold more of the query's words first,
        among those the shorter titles (the query is more of what they are about), then the newest.

        The backends' own scores cost a correlated subquery per matching row
        (seconds at 10,000 pages) and weigh a title match no higher than a body
        mention (SQLite's bm25 treats all columns alike). Elasticsearch ranks
        with BM25 and a title boost instead.
        """
        terms = [*parsed.words, *parsed.phrases]
        title_hits = sum(
            (Case(When(title__icontains=term, then=Value(1)), default=Value(0)) for term in terms),
            Value(0),
        )
        title_length = Case(When(title_hits__gt=0, then=Length("title")), default=Value(0))
        return (
            matching.annotate(title_hits=title_hits)
            .annotate(title_length=title_length)
            .order_by("-title_hits", "title_length", "-first_published_at", "-pk")
        )

    def facets(self, matching, request):
        """Counts per facet value, each with the *other* filters applied."""

        def scope(skip):
            queryset = matching
            for name, value in request.filters.items():
                if name != skip:
                    queryset = queryset.filter(filter_q(name, value))
            return queryset

        def count_types(queryset):
            return list(queryset.values("content_type").annotate(n=Count("pk")).order_by())

        type_counts = count_types(scope("type"))
        # Page types with no match at all need no facet query of their own.
        present = {
            row["content_type"]
            for row in (type_counts if not request.filters else count_types(matching))
        }

        def having(models):
            return [m for m in models if ContentType.objects.get_for_model(m).pk in present]

        years = (
            scope("year")
            .annotate(year=ExtractYear("first_published_at"))
            .values("year")
            .annotate(n=Count("pk"))
            .order_by()
        )
        return facet_values(
            {
                "type": {row["content_type"]: row["n"] for row in type_counts},
                "theme": self._sum_over(
                    having(FACET_MODELS.with_themes), scope("theme"), "themes__slug"
                ),
                "gemeente": self._sum_over(
                    having(FACET_MODELS.with_places), scope("gemeente"), gemeente_code_of("places")
                ),
                "year": {row["year"]: row["n"] for row in years},
                "status": self._sum_over(
                    having(FACET_MODELS.with_status), scope("status"), "status"
                ),
            },
            request,
        )

    @staticmethod
    def _sum_over(models, pages, value):
        """Count distinct pages per value across the page types that have the field."""
        counts = {}
        page_ids = pages.values("pk")
        for model in models:
            rows = (
                model.objects.filter(pk__in=page_ids)
                .values(facet_value=F(value) if isinstance(value, str) else value)
                .annotate(n=Count("pk", distinct=True))
                .order_by()
            )
            for row in rows:
                if row["facet_value"] is not None:
                    counts[row["facet_value"]] = counts.get(row["facet_value"], 0) + row["n"]
        return counts

    def autocomplete(self, text, locale_id, limit=8):
        if not text.strip():
            return []
        # The backend's candidates, shorter titles first (what was typed is more of
        # what they are about): "Limburg fac" suggests "The Limburg factor" before a
        # report whose long title merely contains it.
        candidates = list(searchable_pages(locale_id).autocomplete(text)[: limit * 3])
        return sorted(candidates, key=lambda page: len(page.title))[:limit]
