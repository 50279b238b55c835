"""Admin: synonyms editors manage, and the searches that found nothing."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup, UnansweredQuery
from search.views_admin import REPORT_PERMISSION, PopularSearchesView


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = _("Synonyms")
    list_display = ["__str__", "language"]
    list_filter = ["language"]
    search_fields = ["terms"]
    add_to_admin_menu = False


register_snippet(SynonymGroupViewSet)


class UnansweredQueryViewSet(ModelViewSet):
    """Read-only: what visitors searched for and did not find."""

    model = UnansweredQuery
    icon = "warning"
    menu_label = _("Searches without results")
    add_to_admin_menu = False
    list_display = ["query_string", "language", "hits", "last_searched_at"]
    list_filter = ["language"]
    search_fields = ["query_string"]
    # Editors get only the view permission, so this stays a report.
    form_fields = ["query_string"]


unanswered_queries_viewset = UnansweredQueryViewSet("unanswered_queries")


@hooks.register("register_admin_viewset")
def register_unanswered_queries():
    return unanswered_queries_viewset


class SearchReportMenuItem(MenuItem):
    """Shown to those who may read the search reports (province editors)."""

    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return SearchReportMenuItem(
        _("Searches without results"),
        reverse(unanswered_queries_viewset.get_url_name("index")),
        icon_name="warning",
        order=900,
    )


@hooks.register("register_admin_urls")
def register_popular_searches_urls():
    return [
        path("reports/popular-searches/", PopularSearchesView.as_view(), name="popular_searches"),
        path(
            "reports/popular-searches/results/",
            PopularSearchesView.as_view(results_only=True),
            name="popular_searches_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return SearchReportMenuItem(
        _("Popular searches"), reverse("popular_searches"), icon_name="search", order=901
    )
