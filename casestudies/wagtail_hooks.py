"""Admin: funding instruments as an editor-managed snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casestudies.models import FundingInstrument


class FundingInstrumentViewSet(SnippetViewSet):
    model = FundingInstrument
    icon = "pick"
    menu_label = _("Funding instruments")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


register_snippet(FundingInstrumentViewSet)
