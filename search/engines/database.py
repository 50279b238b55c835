"""Search on Wagtail's database backend: SQLite FTS5, or PostgreSQL with its Dutch configuration.

The backend finds and ranks; facets are SQL aggregates over the matching set, one per
facet and page type, all in one statement that finds the matching set once (see
search.engines.counting).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Cast, Length

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from limburg import page_cache
from limburg.translation import with_teaser_images
from search.engines.base import (
    FACET_MODELS,
    SearchEngine,
    SearchHit,
    SearchRequest,
    SearchResponse,
    facet_values,
    filter_q,
    model_for_key,
)
from search.engines.counting import FacetStatement
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


# Longer than any title can be. Times the number of words, it keeps (h + 1) words in
# the longest title above h words in the shortest: (h + 1)(256n - 255) > 256nh for h < n.
TITLE_RANK_SCALE = Page._meta.get_field("title").max_length + 1


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
            # The backend's match already holds base's conditions.
            results = base.search(request.parsed.to_query(), order_by_relevance=False)
            matching = Page.objects.filter(pk__in=results.get_queryset().values("pk"))
        if request.sort == "relevance" and not request.parsed.is_empty:
            ordered = self._titles_first(matching, request.parsed)
        else:
            ordered = matching.order_by("-first_published_at", "-pk")

        filtered_ordered = ordered
        for name, value in request.filters.items():
            filtered_ordered = filtered_ordered.filter(filter_q(name, value))

        # The total and the facet counts are the same for every visitor who asks this
        # (a count per facet and page type over the whole match, in one statement):
        # kept in the fragment cache until the site changes, like the listings' counts.
        kept = page_cache.fragment(
            "search-counts",
            self.name,
            request.locale_id,
            repr(request.parsed),
            sorted(request.filters.items()),
            request.exclude_ids,
            compute=lambda: self._counts(matching, request),
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
        # One sort key, so that each title is searched for the words once: more words
        # first, then the shorter title; a title without any of them is 0, and those
        # pages come newest first.
        title_rank = title_hits * (Value(TITLE_RANK_SCALE * len(terms)) - Length("title"))
        return matching.annotate(title_rank=title_rank).order_by(
            "-title_rank", "-first_published_at", "-pk"
        )

    def _counts(self, matching, request):
        facets = self.facet_counts(matching, request)
        # Without a type filter the type facet counted every result; with one, it
        # counted the other filters' results per type, the chosen one among them.
        chosen = request.filters.get("type")
        if chosen is None:
            total = sum(facets["type"].values())
        else:
            model = model_for_key(chosen)
            type_id = ContentType.objects.get_for_model(model).pk if model else None
            total = facets["type"].get(type_id, 0)
        return {"total": total, "facets": facets}

    @staticmethod
    def facet_counts(matching, request):
        """Counts per facet value, each with the *other* filters applied, in one statement
        (see search.engines.counting)."""
        statement = FacetStatement()
        match = statement.pages_set("search_match", matching)
        scopes = {}

        def scope(skip):
            # A facet whose own filter is not applied counts over the fully filtered
            # set, so the facets share at most one set per applied filter plus one.
            key = skip if skip in request.filters else None
            if key not in scopes:
                others = [(n, v) for n, v in request.filters.items() if n != key]
                if not others:
                    scopes[key] = "search_match"
                else:
                    pages = match
                    for name, value in others:
                        pages = pages.filter(filter_q(name, value))
                    scopes[key] = f"search_scope_{key or 'all'}"
                    statement.pages_set(scopes[key], pages)
            return scopes[key]

        statement.count_column("type", scope("type"), "content_type_id")
        statement.count_column("year", scope("year"), "year")
        for model in FACET_MODELS.with_status:
            statement.count_field("status", scope("status"), model, "status")
        for model in FACET_MODELS.with_themes:
            statement.count_themes("theme", scope("theme"), model)
        for model in FACET_MODELS.with_places:
            statement.count_gemeenten("gemeente", scope("gemeente"), model)
        counts = statement.run()
        return {
            "type": {int(value): n for value, n in counts["type"].items()},
            "year": {int(value): n for value, n in counts["year"].items()},
            "status": dict(counts["status"]),
            "theme": dict(counts["theme"]),
            "gemeente": dict(counts["gemeente"]),
        }

    def autocomplete(self, text, locale_id, limit=8):
        if not text.strip():
            return []
        # The backend's candidates, shorter titles first (what was typed is more of
        # what they are about): "Limburg fac" suggests "The Limburg factor" before a
        # report whose long title merely contains it.
        candidates = list(searchable_pages(locale_id).autocomplete(text)[: limit * 3])
        return sorted(candidates, key=lambda page: len(page.title))[:limit]
