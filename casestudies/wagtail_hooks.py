"""Admin: funding instruments as an editor-managed snippet; case studies as open data."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casestudies.models import CaseStudyPage, FundingInstrument
from limburg.opendata import OpenDataset


class FundingInstrumentViewSet(SnippetViewSet):
    model = FundingInstrument
    icon = "pick"
    menu_label = _("Funding instruments")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


register_snippet(FundingInstrumentViewSet)


@hooks.register("register_open_dataset")
def case_studies_dataset():
    return OpenDataset(
        slug="praktijkvoorbeelden",
        title=_("Case studies"),
        description=_(
            "What neighbourhoods, villages and programmes in Limburg do: kind, status, years, "
            "themes, places, partners and funding with sources."
        ),
        model=CaseStudyPage,
        columns=[
            ("kind", lambda page: page.kind),
            ("status", lambda page: page.status),
            ("start_year", lambda page: page.start_year),
            ("end_year", lambda page: page.end_year),
            ("partners", lambda page: [p.organisation.name for p in page.partners.all()]),
            ("funding_instruments", lambda page: [f.instrument.slug for f in page.funding.all()]),
            ("has_what_did_not_work", lambda page: page.has_what_did_not_work),
            ("last_checked", lambda page: page.last_checked),
        ],
        prefetch_related=["partners__organisation", "funding__instrument"],
    )
