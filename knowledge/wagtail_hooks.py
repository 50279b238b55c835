"""Admin: licences and kinds of deal as editor-managed snippets; the knowledge base as open data."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from knowledge.initiatives_admin import (
    FORGET_ACTION,
    PROMOTE_ACTION,
    STATUS_ACTION,
    InitiativeViewSet,
)
from knowledge.models import (
    DealKind,
    EventRegistration,
    Initiative,
    InitiativeLogEntry,
    InterventionPage,
    Licence,
    ResearchOutputPage,
    VillageDealPage,
)
from limburg.opendata import OpenDataset


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    menu_label = _("Licences")
    list_display = ["name", "spdx_id", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


class DealKindViewSet(SnippetViewSet):
    model = DealKind
    icon = "tag"
    menu_label = _("Kinds of deal")
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


register_snippet(LicenceViewSet)
register_snippet(DealKindViewSet)


class EventRegistrationViewSet(ModelViewSet):
    """Who registered for which event, for the organisers; exported as CSV or Excel.
    Personal data: only groups with the model permissions see it (the province's editors)."""

    model = EventRegistration
    icon = "calendar"
    menu_label = _("Event registrations")
    add_to_admin_menu = True
    menu_order = 350
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_filter = ["status", "event"]
    list_export = ["name", "email", "organisation", "event", "status", "created_at"]
    search_fields = ["name", "email", "organisation"]
    form_fields = ["status"]
    inspect_view_enabled = True

    def get_queryset(self, request):
        return EventRegistration.objects.select_related("event")


@hooks.register("register_admin_viewset")
def register_event_registrations():
    return EventRegistrationViewSet("event_registrations")


@hooks.register("register_admin_viewset")
def register_initiatives():
    return InitiativeViewSet("initiatives")


@hooks.register("register_log_actions")
def initiative_log_actions(actions):
    actions.register_model(Initiative, InitiativeLogEntry)

    @actions.register_action(STATUS_ACTION)
    class StatusChanged(LogFormatter):
        label = _("Change status")

        def format_message(self, log_entry):
            status = Initiative.Status(log_entry.data["status"]).label
            return _("Status changed to “%(status)s”") % {"status": status}

    actions.register_action(FORGET_ACTION, _("Delete personal data"), _("Personal data deleted"))
    actions.register_action(PROMOTE_ACTION, _("Make a practice page"), _("Practice page made"))


@hooks.register("register_open_dataset")
def research_dataset():
    return OpenDataset(
        slug="onderzoek",
        title=_("Research outputs"),
        description=_(
            "Publications about Limburg's neighbourhoods and villages: kind, authors with ORCID, "
            "publisher, date, DOI, ISBN, licence, themes and places."
        ),
        model=ResearchOutputPage,
        columns=[
            ("kind", lambda page: page.kind),
            ("subtitle", lambda page: page.subtitle),
            (
                "authors",
                lambda page: [
                    f"{a.family_name}, {a.given_names}".strip(", ") for a in page.authors.all()
                ],
            ),
            ("orcids", lambda page: [a.orcid for a in page.authors.all() if a.orcid]),
            ("publisher", lambda page: page.publisher.name if page.publisher_id else ""),
            ("publication_date", lambda page: page.publication_date),
            ("date_precision", lambda page: page.date_precision),
            ("publication_language", lambda page: page.language),
            ("doi", lambda page: page.doi),
            ("isbn", lambda page: page.isbn),
            (
                "licence",
                lambda page: page.licence.spdx_id or page.licence.name if page.licence_id else "",
            ),
            ("peer_reviewed", lambda page: page.peer_reviewed),
        ],
        select_related=["publisher", "licence"],
        prefetch_related=["authors"],
    )


@hooks.register("register_open_dataset")
def deals_dataset():
    return OpenDataset(
        slug="deals",
        title=_("Deals"),
        description=_(
            "Town Deals, Regio Deals and village deals in Limburg: kind, status, signing date, "
            "term, parties and sourced amounts."
        ),
        model=VillageDealPage,
        columns=[
            ("kind", lambda page: page.kind.slug),
            ("status", lambda page: page.status),
            ("signed_on", lambda page: page.signed_on),
            ("signed_precision", lambda page: page.signed_precision),
            ("term_start_year", lambda page: page.term_start_year),
            ("term_end_year", lambda page: page.term_end_year),
            ("parties", lambda page: [p.organisation.name for p in page.parties.all()]),
            (
                "amounts_eur",
                lambda page: [str(p.amount) for p in page.parties.all() if p.amount is not None],
            ),
        ],
        select_related=["kind"],
        prefetch_related=["parties__organisation"],
    )


@hooks.register("register_open_dataset")
def interventions_dataset():
    return OpenDataset(
        slug="interventies",
        title=_("Interventions"),
        description=_(
            "Approaches that work or are being tested: goal, target group and recognition level "
            "with the date and source of the judgement."
        ),
        model=InterventionPage,
        columns=[
            ("goal", lambda page: page.goal),
            ("target_group", lambda page: page.target_group),
            ("recognition_level", lambda page: page.recognition_level),
            ("recognition_date", lambda page: page.recognition_date),
            ("recognition_source_url", lambda page: page.recognition_source_url),
        ],
    )
