"""Composable page mixins: each brings its fields with their panels and search fields.

Concrete pages concatenate the fragments explicitly, e.g.
``content_panels = BasePage.content_panels + ThemesMixin.panels``.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField


class ThemesMixin(models.Model):
    themes = ParentalManyToManyField(
        "limburg.Theme",
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("The policy themes this is about."),
    )

    panels = [FieldPanel("themes")]
    search_fields = [
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
    ]

    class Meta:
        abstract = True

    @cached_property
    def theme_list(self):
        """The themes, fetched once per page view however often a template asks."""
        return list(self.themes.all())


class PlacesMixin(models.Model):
    places = ParentalManyToManyField(
        "limburg.Place",
        verbose_name=_("places"),
        blank=True,
        related_name="+",
        help_text=_("The gemeenten, wijken, buurten or kernen this is about."),
    )

    panels = [FieldPanel("places")]
    search_fields = [
        index.RelatedFields(
            "places",
            [
                index.SearchField("name"),
                index.FilterField("code"),
                # Lets a search index filter and count by gemeente, wijken included.
                index.FilterField("gemeente_code"),
            ],
        ),
    ]

    class Meta:
        abstract = True

    @cached_property
    def place_list(self):
        """The places with their parents (a wijk links to its gemeente), fetched once."""
        return list(self.places.select_related("parent"))


class ThemePageMixin(models.Model):
    """A page that presents one theme (a dossier): the home page's theme cards link to it.

    limburg finds these pages through the mixin, so it never names the app that defines them.
    """

    theme = models.ForeignKey(
        "limburg.Theme",
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The theme this page presents."),
    )

    panels = [FieldPanel("theme")]

    class Meta:
        abstract = True


def domain_page_models(mixin):
    """The concrete page types of the domain apps that use ``mixin`` (case studies, research,
    deals, …), found from the models, so a new kind of page joins without naming it.
    limburg's own pages (about, accessibility) are site pages, not knowledge."""
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if issubclass(model, mixin)
        and not model._meta.abstract
        and model._meta.app_label != "limburg"
    ]


def theme_pages(locale_id):
    """{theme id: the live, public page that presents it} in one language."""
    from wagtail.models import get_page_models

    pages = {}
    for model in get_page_models():
        if issubclass(model, ThemePageMixin) and not model._meta.abstract:
            for page in model.objects.live().public().filter(locale_id=locale_id).order_by("path"):
                pages.setdefault(page.theme_id, page)
    return pages
