"""Themes: the controlled vocabulary the policy names, managed by editors."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


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


class Theme(TranslatableMixin, index.Indexed, models.Model):
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
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=100, help_text=_("Lower numbers come first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("accent"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [
        TranslatableField("slug"),
        SynchronizedField("accent"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
