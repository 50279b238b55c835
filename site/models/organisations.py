"""Organisations: the partners of the programme."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        GEMEENTE = "gemeente", _("municipality")
        WONINGCORPORATIE = "woningcorporatie", _("housing association")
        ZORGVERZEKERAAR = "zorgverzekeraar", _("health insurer")
        GGD = "ggd", _("public health service (GGD)")
        SOCIAAL_FONDS = "sociaal-fonds", _("social fund")
        ONDERWIJS = "onderwijs", _("education")
        KENNISINSTELLING = "kennisinstelling", _("knowledge institution")
        PROVINCIE = "provincie", _("province")
        BEWONERSORGANISATIE = "bewonersorganisatie", _("residents' organisation")
        ZORG_EN_WELZIJN = "zorg-en-welzijn", _("care and welfare")
        BEDRIJF = "bedrijf", _("business")
        ANDERS = "anders", _("other")

    # Names of organisations stay in Dutch in every language (glossary).
    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "limburg.LimburgImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("What the organisation does, in two or three plain sentences."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("locale"),
    ]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("kind"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        permissions = [("create_partner", _("Can set up partners with their own section"))]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="unique_organisation_name_per_locale"
            ),
        ]

    def __str__(self):
        return self.name
