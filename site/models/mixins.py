"""Composable page mixins: each brings its fields with their panels and search fields.

Concrete pages concatenate the fragments explicitly, e.g.
``content_panels = BasePage.content_panels + ThemesMixin.panels``.
"""

from django.db import models
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
