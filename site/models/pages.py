"""The base page every page type inherits, the home page and the plain content page."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from limburg.blocks import ContentStreamBlock
from limburg.models.mixins import (
    SYNCHRONIZED_CLASSIFICATION,
    PlacesMixin,
    ThemesMixin,
    theme_pages,
)
from limburg.models.themes import Theme
from limburg.serializers import PlaceSerializer, ThemeSerializer
from limburg.translation import localized_pages, with_teaser_images


def in_site_of(page):
    """A filter for the pages of ``page``'s site: those under the same home page.

    Site roots (the home pages, one per language) sit at depth 2, so the first
    two path steps name the site; a prefix match uses the path index.
    """
    return Q(path__startswith=page.path[: Page.steplen * 2])


# Feature and pin content: the province's editors, not partners.
CURATE_PERMISSION = "limburg.curate_content"


class BasePage(Page):
    """Teaser fields and promote panels shared by every page type."""

    short_title = models.CharField(
        _("short title"),
        max_length=80,
        blank=True,
        help_text=_("Used in menus, breadcrumbs and cards when the title is long."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=300,
        # TextField's max_length only shapes the form; this holds for every save.
        validators=[MaxLengthValidator(300)],
        blank=True,
        help_text=_(
            "Two or three plain sentences (language level B1) that tell a resident what this "
            "page is about. Shown on cards and in search results. At most 300 characters."
        ),
    )
    teaser_image = models.ForeignKey(
        "limburg.LimburgImage",
        verbose_name=_("teaser image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards that link to this page."),
    )
    pinned = models.BooleanField(
        _("pinned"),
        default=False,
        help_text=_("Shown first in its listing. Set by the province's editors."),
    )

    # Only curators see the field; for anyone else the form has no such field
    # and a posted value is ignored.
    curation_panel = FieldPanel("pinned", permission=CURATE_PERMISSION)
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("short_title"), FieldPanel("summary"), FieldPanel("teaser_image")],
            heading=_("Teaser"),
        ),
        curation_panel,
        *Page.promote_panels,
    ]
    # For page types whose summary is a required content field rather than a teaser option.
    promote_panels_without_summary = [
        MultiFieldPanel(
            [FieldPanel("short_title"), FieldPanel("teaser_image")], heading=_("Teaser")
        ),
        curation_panel,
        *Page.promote_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.AutocompleteField("short_title"),
    ]

    class Meta:
        abstract = True

    @property
    def teaser_title(self):
        return self.short_title or self.title

    # What feeds this page advertises: a query on the site-wide feed (see search.feeds).
    feed_query = ""
    schema_type = "WebPage"

    def structured_data(self, request):
        """schema.org JSON-LD for the page head; page types with more to say override it."""
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }
        if description := (self.search_description or self.summary):
            data["description"] = description
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if themes := getattr(self, "theme_list", None):
            data["about"] = [{"@type": "Thing", "name": theme.name} for theme in themes]
        return data


class HomePageFeaturedItem(Orderable):
    home_page = ParentalKey("limburg.HomePage", related_name="featured_items")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured item")
        verbose_name_plural = _("featured items")


class HomePage(BasePage):
    schema_type = "WebSite"

    introduction = models.TextField(
        _("introduction"),
        help_text=_("What the programme is and who this platform is for, in plain language."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        InlinePanel("featured_items", label=_("Featured"), max_num=6),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: the page types that may sit under the home page say so
    # themselves (parent_page_types), so limburg never names a domain app.
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
        permissions = [("curate_content", _("Can feature and pin content"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = theme_pages(self.locale_id)
        themes = list(Theme.objects.filter(locale_id=self.locale_id))
        for theme in themes:
            theme.page = pages.get(theme.pk)
        context["themes"] = themes
        context["featured_pages"] = localized_pages(
            [item.page_id for item in self.featured_items.all()], self.locale_id
        )
        return context


class BaseIndexPage(BasePage):
    """A section front: an introduction, then its child pages as cards."""

    schema_type = "CollectionPage"

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("What visitors find in this section.")
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["limburg.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def child_pages(self):
        """The pages this front lists; section fronts that list otherwise override it."""
        return self.get_children().live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = with_teaser_images(self.child_pages())
        return context


class ContentPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "limburg.ContentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ContentPage(ThemesMixin, PlacesMixin, BasePage):
    """A plain page: about the programme, statements, explanations."""

    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)
    tags = ClusterTaggableManager(
        through=ContentPageTag,
        verbose_name=_("tags"),
        blank=True,
        help_text=_("Free tags beside the themes."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [*ThemesMixin.panels, *PlacesMixin.panels, FieldPanel("tags")],
            heading=_("Classification"),
        ),
    ]
    override_translatable_fields = SYNCHRONIZED_CLASSIFICATION
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        *ThemesMixin.search_fields,
        *PlacesMixin.search_fields,
    ]
    api_fields = [
        APIField("summary"),
        APIField("themes", serializer=ThemeSerializer(many=True)),
        APIField("places", serializer=PlaceSerializer(many=True)),
    ]
    api_prefetch = ["themes", "places"]

    # Any parent whose subpage_types allow it (the home page, section fronts).
    subpage_types = ["limburg.ContentPage"]

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = with_teaser_images(self.get_children().live().public().specific())
        return context
