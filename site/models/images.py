"""The project's image model: every image carries alt text and its credit."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class LimburgImage(AbstractImage):
    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it, in one or two "
            "short sentences. Required."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Maker and licence, e.g. 'Foto: Provincie Limburg, CC BY 4.0'."),
    )
    source_url = models.URLField(
        _("source URL"), blank=True, help_text=_("Where the image comes from, if online.")
    )

    admin_form_fields = tuple(
        field for field in Image.admin_form_fields if field != "description"
    ) + ("alt_text", "credit", "source_url")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.alt_text


class LimburgRendition(AbstractRendition):
    image = models.ForeignKey(LimburgImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
