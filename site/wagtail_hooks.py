"""Admin: the shared vocabulary as snippets, grouped in one menu."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from limburg.models import Organisation, Place, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "accent", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    list_per_page = 50

    def get_queryset(self, request):
        return Place.objects.select_related("parent")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, PlaceViewSet, OrganisationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Vocabulary")
    menu_name = "vocabulary"
    menu_order = 300


register_snippet(VocabularyViewSetGroup)
