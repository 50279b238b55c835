"""Admin: licences as an editor-managed snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from knowledge.models import Licence


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    menu_label = _("Licences")
    list_display = ["name", "spdx_id", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


register_snippet(LicenceViewSet)
