"""Themes: the controlled vocabulary the policy names, managed by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from limburg.models.vocabulary import Vocabulary


class Accent(models.TextChoices):
    """A fixed, contrast-checked palette (see site/static_src): editors pick a name,
    never a free colour, so every combination meets WCAG AA and no inline style is needed."""

    BLAUW = "blauw", _("Blue")
    GROEN = "groen", _("Green")
    ORANJE = "oranje", _("Orange")
    PAARS = "paars", _("Purple")
    ROOD = "rood", _("Red")
    TURKOOIS = "turkoois", _("Turquoise")
    GRIJS = "grijs", _("Grey")


class Theme(Vocabulary):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, allow_unicode=False, help_text=_("Used in web addresses.")
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences in plain language: what this theme covers."),
    )
    accent = models.CharField(
        _("accent colour"),
        max_length=20,
        choices=Accent.choices,
        default=Accent.BLAUW,
        help_text=_("Colour that marks this theme on cards and labels."),
    )
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("accent"),
        FieldPanel("sort_order"),
    ]
    search_fields = [*Vocabulary.search_fields, index.SearchField("description")]
    override_translatable_fields = [
        *Vocabulary.override_translatable_fields,
        TranslatableField("slug"),
        SynchronizedField("accent"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale"),
        ]
