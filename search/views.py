"""The search page: one per language, at /nl/zoeken/ and /en/search/."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.models import Locale, Page

from limburg.translation import with_teaser_images
from search.query import build_query, clean_query_text

RESULTS_PER_PAGE = 10


@require_safe
@never_cache
def search(request):
    raw = request.GET.get("query", "")
    query_text = clean_query_text(raw)
    query = build_query(raw)
    results_page = None
    if query is not None:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth=1)
            .search(query)
        )
        paginator = Paginator(results, RESULTS_PER_PAGE)
        try:
            results_page = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results_page = paginator.page(1)
        except EmptyPage:
            results_page = paginator.page(paginator.num_pages)
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[page.pk for page in results_page]).specific()
        }
        results_page.object_list = with_teaser_images(
            [specific[page.pk] for page in results_page if page.pk in specific]
        )
    return TemplateResponse(
        request,
        "search/search.html",
        {"query": query_text, "results_page": results_page},
    )
