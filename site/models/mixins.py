"""Composable page mixins: each brings its fields with their panels and search fields.

Concrete pages concatenate the fragments explicitly, e.g.
``content_panels = BasePage.content_panels + ThemesMixin.panels``.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalManyToManyField

# wagtail-localize leaves many-to-many fields out unless told. A translation follows the
# Dutch page's themes and places; ThemesMixin then swaps the themes for its own language's.
SYNCHRONIZED_CLASSIFICATION = [SynchronizedField("themes"), SynchronizedField("places")]


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

    def save(self, *args, **kwargs):
        self.use_themes_of_own_language()
        return super().save(*args, **kwargs)

    def use_themes_of_own_language(self):
        """Swap each theme for its version in this page's language, where there is one.

        A translation or an alias copies the Dutch page's themes as they are; in
        the page's own language its listing's facets, filters and labels find it.
        """
        themes = list(self.themes.all())
        if all(theme.locale_id == self.locale_id for theme in themes):
            return
        own = {
            theme.translation_key: theme
            for theme in self.themes.model.objects.filter(
                locale_id=self.locale_id,
                translation_key__in=[theme.translation_key for theme in themes],
            )
        }
        self.themes.set([own.get(theme.translation_key, theme) for theme in themes])

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
