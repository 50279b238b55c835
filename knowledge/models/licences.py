"""Licences: the editor-managed list research outputs choose from."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField

from limburg.models.vocabulary import Vocabulary


class Licence(Vocabulary):
    name = models.CharField(_("name"), max_length=200)
    spdx_id = models.CharField(
        _("SPDX identifier"),
        max_length=50,
        blank=True,
        help_text=_(
            "The short code harvesters understand, e.g. CC-BY-4.0 (see spdx.org/licenses)."
        ),
    )
    url = models.URLField(
        _("web address"), blank=True, help_text=_("Where the licence text is published.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("spdx_id"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]
    override_translatable_fields = [
        *Vocabulary.override_translatable_fields,
        SynchronizedField("spdx_id"),
        SynchronizedField("url"),
    ]

    class Meta(Vocabulary.Meta):
        verbose_name = _("licence")
        verbose_name_plural = _("licences")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="unique_licence_name_per_locale"
            ),
        ]
