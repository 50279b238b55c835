"""Search on Wagtail's database backend: SQLite FTS5, or PostgreSQL with its Dutch configuration.

The backend finds and ranks; facets are SQL aggregates over the matching set, one
query per facet and page type. On PostgreSQL the set is a subquery; on SQLite its ids
are fetched once and bound as one JSON array (see bound_ids).
"""

import json
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear, Length

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from limburg import page_cache
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
from search.listing import CountedPaginator


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


def bound_ids(queryset):
    """The ids of ``queryset`` fetched once and handed to SQLite as one JSON parameter.

    As a subquery, SQLite would run the full-text match, or the filters of the
    matching set, again in every facet query (about 10 ms each at 10,000 pages); a
    JSON array is one bound parameter however many pages match, which a list of ids
    would not be.
    """
    ids = list(queryset.values_list("pk", flat=True))
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)])


def materialized(queryset):
    """The pages of ``queryset``; on SQLite by their ids, fetched once (see bound_ids)."""
    if connection.vendor != "sqlite":
        return queryset
    return queryset.model.objects.filter(pk__in=bound_ids(queryset))


class DatabaseSearchEngine(SearchEngine):
    name = "database"

    def search(self, request: SearchRequest) -> SearchResponse:
        base = searchable_pages(request.locale_id)
        if request.exclude_ids:
            base = base.exclude(pk__in=request.exclude_ids)
        bound = False  # matching is exactly its bound ids (see bound_ids)
        if request.parsed.is_empty:
            matching = base
        elif connection.vendor == "postgresql":
            matching = base.filter(pk__in=postgres_matches(request.parsed))
        else:
            # The backend's match already holds base's conditions.
            results = base.search(request.parsed.to_query(), order_by_relevance=False)
            matching = Page.objects.filter(pk__in=bound_ids(results.get_queryset()))
            bound = True
        if request.sort == "relevance" and not request.parsed.is_empty:
            ordered = self._titles_first(matching, request.parsed)
        else:
            ordered = matching.order_by("-first_published_at", "-pk")

        filtered_ordered = ordered
        for name, value in request.filters.items():
            filtered_ordered = filtered_ordered.filter(filter_q(name, value))

        # The total and the facet counts are the same for every visitor who asks this
        # (one count per facet and page type over the whole match): kept in the
        # fragment cache until the site changes, like the listings' facet counts.
        kept = page_cache.fragment(
            "search-counts",
            self.name,
            request.locale_id,
            repr(request.parsed),
            sorted(request.filters.items()),
            request.exclude_ids,
            compute=lambda: self._counts(matching, filtered_ordered, request, bound=bound),
        )
        paginator = CountedPaginator(
            filtered_ordered, request.per_page, count=lambda: kept["total"]
        )
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
            facets=facet_values(kept["facets"], request),
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

    def _counts(self, matching, filtered, request, *, bound):
        facets = self.facet_counts(matching, request, bound=bound)
        # Without a type filter, the type facet already counted every result.
        total = filtered.count() if "type" in request.filters else sum(facets["type"].values())
        return {"total": total, "facets": facets}

    def facet_counts(self, matching, request, *, bound=False):
        """Counts per facet value, each with the *other* filters applied. ``bound``:
        ``matching`` is already its ids bound as a parameter."""
        scopes = {}

        def scope(skip):
            # A facet whose own filter is not applied counts over the fully filtered
            # set, so the facets share at most one set per applied filter plus one.
            key = skip if skip in request.filters else None
            if key not in scopes:
                queryset = matching
                for name, value in request.filters.items():
                    if name != key:
                        queryset = queryset.filter(filter_q(name, value))
                unchanged = bound and queryset is matching
                scopes[key] = queryset if unchanged else materialized(queryset)
            return scopes[key]

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
        return {
            "type": {row["content_type"]: row["n"] for row in type_counts},
            # A page links a theme once; it may link several places in one gemeente.
            "theme": self._sum_over_links(
                having(FACET_MODELS.with_themes),
                scope("theme"),
                "themes",
                lambda theme: F(f"{theme}__slug"),
                distinct=False,
            ),
            "gemeente": self._sum_over_links(
                having(FACET_MODELS.with_places),
                scope("gemeente"),
                "places",
                gemeente_code_of,
                distinct=True,
            ),
            "year": {row["year"]: row["n"] for row in years},
            "status": self._sum_over(having(FACET_MODELS.with_status), scope("status"), "status"),
        }

    @staticmethod
    def _sum_over(models, pages, field):
        """Count pages per value of ``field`` across the page types that have it."""
        counts = Counter()
        page_ids = pages.values("pk")
        for model in models:
            rows = (
                model.objects.filter(pk__in=page_ids)
                .values(facet_value=F(field))
                .annotate(n=Count("pk"))
                .order_by()
            )
            counts.update({row["facet_value"]: row["n"] for row in rows})
        counts.pop(None, None)
        return dict(counts)

    @staticmethod
    def _sum_over_links(models, pages, relation, value, *, distinct):
        """Count pages per value of a many-to-many ``relation`` (themes, places) across
        the page types that have it, on its link table alone: joining the page tables
        and counting distinct pages cost twice as much at 10,000 pages. ``value`` makes
        the expression from the path to the linked object; ``distinct`` where one page
        may reach a value through several links."""
        counts = Counter()
        page_ids = pages.values("pk")
        for model in models:
            field = model._meta.get_field(relation)
            links = field.remote_field.through.objects
            page_id = f"{field.m2m_field_name()}_id"
            rows = (
                links.filter(**{f"{page_id}__in": page_ids})
                .values(facet_value=value(field.m2m_reverse_field_name()))
                .annotate(n=Count(page_id, distinct=distinct))
                .order_by()
            )
            counts.update({row["facet_value"]: row["n"] for row in rows})
        counts.pop(None, None)
        return dict(counts)

    def autocomplete(self, text, locale_id, limit=8):
        if not text.strip():
            return []
        # The backend's candidates, shorter titles first (what was typed is more of
        # what they are about): "Limburg fac" suggests "The Limburg factor" before a
        # report whose long title merely contains it.
        candidates = list(searchable_pages(locale_id).autocomplete(text)[: limit * 3])
        return sorted(candidates, key=lambda page: len(page.title))[:limit]
