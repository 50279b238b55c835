"""Theme dossiers: everything the platform knows about one theme, on one page."""

from django.db import models
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.blocks import StreamBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from modelcluster.fields import ParentalKey

from limburg.blocks import ContentStreamBlock
from limburg.blocks.data import KeyFigureBlock
from limburg.cards import card_pages
from limburg.models import (
    BaseIndexPage,
    BasePage,
    Place,
    PlacesMixin,
    ThemePageMixin,
    ThemesMixin,
    domain_page_models,
    gemeente_code_of,
)
from limburg.translation import localized_pages, with_teaser_images

LATEST_PER_KIND = 3
TOP_PLACES = 6
PICKABLE_PAGE_TYPES = [
    "casestudies.CaseStudyPage",
    "knowledge.ResearchOutputPage",
    "knowledge.VillageDealPage",
    "knowledge.InterventionPage",
]


class KeyFigureStreamBlock(StreamBlock):
    figure = KeyFigureBlock()

    class Meta:
        max_num = 6


def themed_page_models():
    """The themed page types, in the order editors pick from."""
    order = {label.lower(): number for number, label in enumerate(PICKABLE_PAGE_TYPES)}
    return sorted(
        domain_page_models(ThemesMixin),
        key=lambda model: order.get(model._meta.label_lower, len(order)),
    )


class ThemeDossierIndexPage(BaseIndexPage):
    """The themes section: its children are the dossiers, one per theme."""

    subpage_types = ["knowledge.ThemeDossierPage"]

    class Meta:
        verbose_name = _("theme dossiers index page")
        verbose_name_plural = _("theme dossiers index pages")


class ThemeDossierPage(ThemePageMixin, BasePage):
    introduction = models.TextField(
        _("introduction"), help_text=_("What this theme is about in Limburg, in plain language.")
    )
    key_figures = StreamField(
        KeyFigureStreamBlock(),
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Up to six figures, each with its source."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("more"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        *ThemePageMixin.panels,
        FieldPanel("introduction"),
        InlinePanel("picks", label=_("Pick"), heading=_("Editors' picks")),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]

    parent_page_types = ["knowledge.ThemeDossierIndexPage"]
    subpage_types = []
    schema_type = "CollectionPage"

    @property
    def feed_query(self):
        return f"theme={self.theme.slug}"

    class Meta:
        verbose_name = _("theme dossier")
        verbose_name_plural = _("theme dossiers")

    def themed(self, model):
        """Live, public pages of ``model`` in this dossier's language with its theme."""
        return model.objects.live().public().filter(locale_id=self.locale_id, themes=self.theme_id)

    @cached_property
    def latest_by_kind(self):
        """[(verbose name plural, [pages])] for every themed page type with something new."""
        groups = []
        for model in themed_page_models():
            pages = card_pages(
                self.themed(model).order_by("-first_published_at", "-pk")[:LATEST_PER_KIND]
            )
            if pages:
                groups.append((model._meta.verbose_name_plural, with_teaser_images(pages)))
        return groups

    @cached_property
    def busiest_places(self):
        """[(gemeente, count)]: where most of this theme's work happens, wijken counted in."""
        counts = {}
        for model in themed_page_models():
            if not issubclass(model, PlacesMixin):
                continue
            rows = (
                self.themed(model)
                .order_by()
                .values(code=gemeente_code_of("places"))
                .annotate(n=Count("pk", distinct=True))
            )
            for row in rows:
                if row["code"]:
                    counts[row["code"]] = counts.get(row["code"], 0) + row["n"]
        top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_PLACES]
        names = {
            place.code: place
            for place in Place.objects.gemeenten().filter(code__in=[code for code, _n in top])
        }
        return [(names[code], n) for code, n in top if code in names]

    def chosen_pages(self):
        return localized_pages([pick.page_id for pick in self.picks.all()], self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["picks"] = with_teaser_images(self.chosen_pages())
        return context


class DossierPick(Orderable):
    dossier = ParentalKey(ThemeDossierPage, on_delete=models.CASCADE, related_name="picks")
    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type=PICKABLE_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = _("editors' pick")
        verbose_name_plural = _("editors' picks")
