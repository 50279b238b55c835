"""Search on Elasticsearch 8 / OpenSearch, built with elasticsearch-dsl on Wagtail's own index.

Wagtail (modelsearch) keeps the index up to date on publish; this module only
reads it: the query, the filters, the facets (terms aggregations, with explicit
sizes so none are cut off) and the highlighting. The index is analysed in Dutch
(settings: INDEX_SETTINGS); synonyms are expanded into the query itself.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from elasticsearch import ApiError, TransportError
from elasticsearch_dsl import A, Q, Search

from limburg.translation import with_teaser_images
from search.engines.base import (
    FACET_MODELS,
    SearchEngine,
    SearchHit,
    SearchRequest,
    SearchResponse,
    SearchUnavailable,
    content_type_key,
    facet_values,
    model_for_key,
)
from search.highlight import highlight, snippet_source

TEXT_FIELDS = ["title^3", "*__summary^2", "_all_text"]
FACET_SIZE = 100  # more than any facet has values: none is silently cut off (robustness S14)
MAX_RESULT_WINDOW = 10_000


class ElasticsearchSearchEngine(SearchEngine):
    name = "elasticsearch"

    @cached_property
    def backend(self):
        return get_search_backend()

    @cached_property
    def index_name(self):
        return self.backend.get_index_for_model(Page).name

    # Building the request ----------------------------------------------------------

    def column(self, model, field_name):
        """The index field Wagtail uses for ``field_name`` of ``model``.

        These names hold "__", which elasticsearch-dsl turns into "." in keyword
        arguments: queries on them are written as dicts.
        """
        mapping = self.backend.mapping_class(model)
        for field in model.get_search_fields():
            if field.field_name == field_name:
                return mapping.get_field_column_name(field)
        raise LookupError(f"{model.__name__} does not index {field_name}")

    def text_query(self, parsed):
        def term(text):
            if " " in text:
                return Q("multi_match", query=text, fields=TEXT_FIELDS, type="phrase")
            return Q("multi_match", query=text, fields=TEXT_FIELDS, operator="and")

        clauses = []
        for word in parsed.words:
            alternatives = parsed.expansions.get(word)
            if alternatives:
                clauses.append(
                    Q("bool", should=[term(word), *map(term, alternatives)], minimum_should_match=1)
                )
            else:
                clauses.append(term(word))
        clauses.extend(
            Q("multi_match", query=phrase, fields=TEXT_FIELDS, type="phrase")
            for phrase in parsed.phrases
        )
        return Q("bool", must=clauses) if clauses else Q("match_all")

    def base_filters(self, request: SearchRequest):
        """Live, public, one language, no site roots; the promoted pages left out."""
        filters = [
            Q("term", live_filter=True),
            Q("term", locale_id_filter=request.locale_id),
            Q("range", depth_filter={"gt": 2}),
        ]
        excluded = [
            Q("prefix", path_filter=path)
            for path in PageViewRestriction.objects.values_list("page__path", flat=True)
        ]
        if request.exclude_ids:
            excluded.append(Q("terms", id_filter=list(request.exclude_ids)))
        return filters, excluded

    def facet_filter(self, name, value):
        if name == "type":
            model = model_for_key(value)
            return Q("term", content_type_id_filter=ContentType.objects.get_for_model(model).pk)
        if name == "year":
            return Q(
                "range",
                first_published_at_filter={
                    "gte": f"{value}-01-01",
                    "lt": f"{int(value) + 1}-01-01",
                },
            )
        if name == "status":
            return Q(
                "bool",
                should=[
                    Q({"term": {self.column(m, "status"): value}}) for m in FACET_MODELS.with_status
                ],
                minimum_should_match=1,
            )
        models, relation, key = {
            "theme": (FACET_MODELS.with_themes, "themes", "slug_filter"),
            "gemeente": (FACET_MODELS.with_places, "places", "gemeente_code_filter"),
        }[name]
        return Q(
            "bool",
            should=[
                Q(
                    "nested",
                    path=self.column(m, relation),
                    query=Q({"term": {f"{self.column(m, relation)}.{key}": value}}),
                )
                for m in models
            ],
            minimum_should_match=1,
        )

    def aggregations(self):
        """One aggregation per facet (per page type where a facet lives on several)."""
        aggs = {
            "type": A("terms", field="content_type_id_filter", size=FACET_SIZE),
            "year": A(
                "date_histogram",
                field="first_published_at_filter",
                calendar_interval="year",
                min_doc_count=1,
            ),
        }
        for model in FACET_MODELS.with_status:
            aggs[f"status__{content_type_key(model)}"] = A(
                "terms", field=self.column(model, "status"), size=FACET_SIZE
            )
        for facet, models, relation, key in (
            ("theme", FACET_MODELS.with_themes, "themes", "slug_filter"),
            ("gemeente", FACET_MODELS.with_places, "places", "gemeente_code_filter"),
        ):
            for model in models:
                path = self.column(model, relation)
                nested = A("nested", path=path)
                nested.bucket("values", "terms", field=f"{path}.{key}", size=FACET_SIZE).bucket(
                    "pages", "reverse_nested"
                )
                aggs[f"{facet}__{content_type_key(model)}"] = nested
        return aggs

    def build(self, request: SearchRequest) -> Search:
        """The request body: query, filters, facets (each without its own filter), highlights."""
        filters, excluded = self.base_filters(request)
        facet_filters = {
            name: self.facet_filter(name, value) for name, value in request.filters.items()
        }
        search = (
            Search(index=self.index_name)
            .query(
                Q("bool", must=[self.text_query(request.parsed)], filter=filters, must_not=excluded)
            )
            # post_filter narrows the hits but not the aggregations, so that each
            # facet can be counted with the other filters only (below).
            .post_filter(
                Q("bool", filter=list(facet_filters.values())) if facet_filters else Q("match_all")
            )
            .highlight("title", number_of_fragments=0)
            .highlight("*__summary", fragment_size=240, number_of_fragments=1)
            .highlight_options(
                pre_tags=["<mark>"],
                post_tags=["</mark>"],
                encoder="html",
                require_field_match=False,
            )
            .extra(track_total_hits=True)
            .source(["pk"])
        )
        for agg_name, agg in self.aggregations().items():
            facet = agg_name.split("__")[0]
            others = [f for name, f in facet_filters.items() if name != facet]
            search.aggs.bucket(
                agg_name, "filter", filter=Q("bool", filter=others) if others else Q("match_all")
            ).bucket("inner", agg)
        if request.parsed.words:
            # "Did you mean": a term suggester over the indexed text.
            search = search.suggest(
                "spelling", " ".join(request.parsed.words), term={"field": "_all_text"}
            )
        if request.sort == "newest" or request.parsed.is_empty:
            search = search.sort({"first_published_at_filter": {"order": "desc"}}, "_score")
        start = min((request.page - 1) * request.per_page, MAX_RESULT_WINDOW - request.per_page)
        return search[start : start + request.per_page]

    # Running it ---------------------------------------------------------------------

    def execute(self, search):
        try:
            return search.using(self.backend.es).execute()
        except TransportError as error:
            # Down or unreachable: the reader gets a clear page, not a 500.
            raise SearchUnavailable(str(error)) from error
        except ApiError as error:
            if error.status_code < 500:
                raise  # a query we built wrong is our bug, not an outage
            raise SearchUnavailable(str(error)) from error

    def search(self, request: SearchRequest) -> SearchResponse:
        result = self.execute(self.build(request))
        ids = [
            int(hit.meta.id.rsplit(":", 1)[-1]) if ":" in hit.meta.id else int(hit.meta.id)
            for hit in result.hits
        ]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
        hits = []
        for hit, page_id in zip(result.hits, ids, strict=True):
            page = pages.get(page_id)
            if page is None:
                continue  # deleted since it was indexed
            fragments = getattr(hit.meta, "highlight", None)
            title = (
                mark_safe(fragments.title[0])
                if fragments and "title" in fragments
                else highlight(page.title, [])
            )  # noqa: S308 - encoder=html escaped it
            summary = next(
                (
                    value[0]
                    for key, value in (fragments.to_dict().items() if fragments else [])
                    if key.endswith("__summary")
                ),
                None,
            )
            snippet = (
                mark_safe(summary) if summary else highlight(snippet_source(page), [], window=240)
            )  # noqa: S308
            hits.append(SearchHit(page=page, title=title, snippet=snippet))
        with_teaser_images([hit.page for hit in hits])
        total = result.hits.total.value
        num_pages = max(1, -(-min(total, MAX_RESULT_WINDOW) // request.per_page))
        return SearchResponse(
            suggestion=self.suggestion(result, request) if total == 0 else "",
            hits=hits,
            total=total,
            page=min(max(request.page, 1), num_pages),
            num_pages=num_pages,
            facets=self.facets(result.aggregations, request),
        )

    @staticmethod
    def suggestion(result, request):
        """The query with each misspelt word replaced by the suggester's best option."""
        suggest = getattr(result, "suggest", None)
        if not suggest or "spelling" not in suggest:
            return ""
        words, changed = [], False
        for entry in suggest.spelling:
            options = list(entry.options)
            if options:
                words.append(options[0].text)
                changed = True
            else:
                words.append(entry.text)
        return " ".join(words) if changed else ""

    def facets(self, aggregations, request):
        """Sum the aggregation buckets per facet (a facet may span several page types)."""
        counts = {"type": {}, "year": {}, "status": {}, "theme": {}, "gemeente": {}}
        for agg_name, bucket in aggregations.to_dict().items():
            facet = agg_name.split("__")[0]
            inner = bucket["inner"]
            for value in inner.get("values", inner).get("buckets", []):
                key = str(value.get("key_as_string", value["key"]))
                if facet == "year":
                    key = key[:4]
                count = value["pages"]["doc_count"] if "pages" in value else value["doc_count"]
                counts[facet][key] = counts[facet].get(key, 0) + count
        return facet_values(counts, request)

    def autocomplete(self, text, locale_id, limit=8):
        if not text.strip():
            return []
        search = (
            Search(index=self.index_name)
            .query(
                Q(
                    "bool",
                    must=[Q("match", title_edgengrams={"query": text, "operator": "and"})],
                    filter=[
                        Q("term", live_filter=True),
                        Q("term", locale_id_filter=locale_id),
                        Q("range", depth_filter={"gt": 2}),
                    ],
                    must_not=[
                        Q("prefix", path_filter=path)
                        for path in PageViewRestriction.objects.values_list("page__path", flat=True)
                    ],
                )
            )
            .source(["pk"])[:limit]
        )
        result = self.execute(search)
        ids = [
            int(hit.meta.id.rsplit(":", 1)[-1]) if ":" in hit.meta.id else int(hit.meta.id)
            for hit in result.hits
        ]
        pages = {page.pk: page for page in Page.objects.filter(pk__in=ids)}
        return [pages[pk] for pk in ids if pk in pages]
