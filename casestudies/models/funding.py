"""Funding instruments: the editor-managed vocabulary case studies are funded from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class FundingInstrument(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in web addresses."))
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Who funds it and what for, in one or two sentences."),
    )
    website = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers come first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [
        TranslatableField("slug"),
        SynchronizedField("website"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("funding instrument")
        verbose_name_plural = _("funding instruments")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_funding_instrument_slug_per_locale"
            ),
        ]

    def __str__(self):
        return self.name
