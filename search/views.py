"""The search page (one per language: /nl/zoeken/, /en/search/) and its autocomplete."""

import logging

from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from limburg.models import Place, PlacesMixin, Theme, ThemesMixin
from search.engines import SearchRequest, SearchUnavailable, get_engine
from search.engines.base import FACET_MODELS, PER_PAGE, SORTS, model_for_key
from search.models import SynonymGroup, UnansweredQuery
from search.query import clean_query_text, parse_query

logger = logging.getLogger(__name__)

FACET_NAMES = ("type", "theme", "gemeente", "year", "status")


def synonyms_for(language):
    return [group.term_list for group in SynonymGroup.objects.filter(language=language)]


def clean_filters(params, locale_id):
    """The known facet values from the query string, and a message for each unknown one."""
    filters, problems = {}, []
    checks = {
        "type": lambda v: (m := model_for_key(v)) is not None and m in FACET_MODELS.page_models,
        "theme": lambda v: Theme.objects.filter(locale_id=locale_id, slug=v).exists(),
        "gemeente": lambda v: Place.objects.gemeenten().filter(code=v).exists(),
        "year": lambda v: v.isdigit() and 1900 <= int(v) <= 2100,
        "status": lambda v: v in FACET_MODELS.status_labels(),
    }
    for name in FACET_NAMES:
        value = clean_query_text(params.get(name, ""))
        if not value:
            continue
        if checks[name](value):
            filters[name] = int(value) if name == "year" else value
        else:
            problems.append(
                _("The filter “%(value)s” is unknown and was left out.") % {"value": value}
            )
    return filters, problems


def url_with(request, **changes):
    """The current query string with some parameters changed (None removes one); back to page 1."""
    params = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    return f"?{params.urlencode()}"


def facet_groups(request, response, labels):
    """Facets as (name, label, [(value, url)]): a link adds its filter, or removes it if chosen."""
    groups = []
    for name in FACET_NAMES:
        values = [
            (value, url_with(request, **{name: None if value.selected else value.value}))
            for value in response.facets.get(name, [])
            if value.count or value.selected
        ]
        if values:
            groups.append((name, labels[name], values))
    return groups


def page_number(raw):
    try:
        return max(1, int(raw))
    except (TypeError, ValueError):
        return 1


def promotions_for(query_text, locale):
    """Editors' best bets for this query, in the visitor's language, live and public only.

    A page is shown in the visitor's language: itself or its translation, when that is
    live and public. The chosen pages are looked up together, not one by one.
    """
    if not query_text:
        return []
    picks = list(Query.get(query_text).editors_picks.order_by("sort_order"))
    keys = dict(
        Page.objects.filter(pk__in=[pick.page_id for pick in picks if pick.page_id]).values_list(
            "pk", "translation_key"
        )
    )
    shown = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(locale=locale, translation_key__in=keys.values())
    }
    promotions = []
    for pick in picks:
        if pick.page_id:
            page = shown.get(keys.get(pick.page_id))
            if page is not None:
                promotions.append(
                    {
                        "title": page.title,
                        "url": page.url,
                        "description": pick.description,
                        "page_id": page.pk,
                    }
                )
        elif pick.external_link_url:
            promotions.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                    "page_id": None,
                }
            )
    return promotions


def prefetch_classification(pages):
    """Themes and places of result pages in one query per page type, not per result."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        lookups = [
            name
            for mixin, name in ((ThemesMixin, "themes"), (PlacesMixin, "places"))
            if issubclass(model, mixin)
        ]
        if lookups:
            prefetch_related_objects(group, *lookups)


@require_safe
@never_cache
def search(request):
    locale = Locale.get_active()
    language = get_language()
    query_text = clean_query_text(request.GET.get("query", ""))
    filters, problems = clean_filters(request.GET, locale.pk)
    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "relevance"
    parsed = parse_query(query_text, synonyms_for(language))
    promotions = (
        promotions_for(query_text, locale)
        if not filters and page_number(request.GET.get("page")) == 1
        else []
    )
    response = None
    if not parsed.is_empty or filters:
        try:
            response = get_engine().search(
                SearchRequest(
                    parsed=parsed,
                    locale_id=locale.pk,
                    language=language,
                    filters=filters,
                    sort=sort,
                    page=page_number(request.GET.get("page")),
                    exclude_ids=tuple(p["page_id"] for p in promotions if p["page_id"]),
                )
            )
        except SearchUnavailable as error:
            return search_unavailable(request, query_text, error)
        prefetch_classification([hit.page for hit in response.hits])
        if query_text and not filters:
            Query.get(query_text).add_hit()
            if response.total == 0 and not promotions:
                UnansweredQuery.record(query_text, language)
    labels = {
        "type": _("Type"),
        "theme": _("Theme"),
        "gemeente": _("Municipality"),
        "year": _("Year"),
        "status": _("Status"),
    }
    no_results = response is not None and response.total == 0
    page_links = {}
    if response is not None:
        params = request.GET.copy()
        for key, number in (("previous", response.page - 1), ("next", response.page + 1)):
            if 1 <= number <= response.num_pages:
                params["page"] = number
                page_links[key] = f"?{params.urlencode()}"
        page_links["first_index"] = (response.page - 1) * PER_PAGE + 1
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query_text,
            "filters": filters,
            "problems": problems,
            "sort": sort,
            "response": response,
            "promotions": promotions,
            "page_links": page_links,
            # Following takes the query and the filters new content can match (not year).
            "follow_query": urlencode(
                {
                    name: value
                    for name, value in {"query": query_text, **filters}.items()
                    if name in ("query", "type", "theme", "gemeente") and value
                }
            ),
            "facet_groups": facet_groups(request, response, labels) if response else [],
            "sort_links": [
                (value, label, url_with(request, sort=value))
                for value, label in (("relevance", _("relevance")), ("newest", _("newest")))
            ],
            "without_filters_url": url_with(request, **dict.fromkeys(FACET_NAMES))
            if filters
            else "",
            # "No results" helps: the themes as ways in.
            "suggested_themes": [
                (
                    theme,
                    url_with(
                        request, query=None, theme=theme.slug, **dict.fromkeys(FACET_NAMES[2:])
                    ),
                )
                for theme in Theme.objects.filter(locale=locale)
            ]
            if no_results
            else [],
        },
    )


def search_unavailable(request, query_text, error):
    logger.error("Search is unavailable: %s", error)
    response = TemplateResponse(
        request, "search/unavailable.html", {"query": query_text}, status=503
    )
    response["Retry-After"] = "60"
    return response


@require_safe
@never_cache
def autocomplete(request):
    """Title suggestions as JSON, for the search box's progressive enhancement."""
    text = " ".join(parse_query(request.GET.get("query", "")).words)
    try:
        pages = get_engine().autocomplete(text, Locale.get_active().pk) if len(text) >= 2 else []
    except SearchUnavailable as error:
        logger.error("Search suggestions are unavailable: %s", error)
        return JsonResponse({"results": [], "unavailable": True}, status=503)
    return JsonResponse({"results": [{"title": page.title, "url": page.url} for page in pages]})
