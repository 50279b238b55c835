"""Funding instruments: the editor-managed vocabulary case studies are funded from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from limburg.models.vocabulary import Vocabulary


class FundingInstrument(Vocabulary):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in web addresses."))
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Who funds it and what for, in one or two sentences."),
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [
        *Vocabulary.override_translatable_fields,
        TranslatableField("slug"),
        SynchronizedField("website"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("funding instrument")
        verbose_name_plural = _("funding instruments")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_funding_instrument_slug_per_locale"
            ),
        ]
