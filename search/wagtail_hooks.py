"""Admin: synonyms editors manage, and the searches that found nothing."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SynonymGroup, UnansweredQuery


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


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return MenuItem(
        _("Searches without results"),
        reverse(unanswered_queries_viewset.get_url_name("index")),
        icon_name="warning",
        order=900,
    )
