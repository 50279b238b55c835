"""Media blocks: image with caption and credit, embedded video."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock


class ImageValue(blocks.StructValue):
    def credit_text(self):
        image = self.get("image")
        return self.get("credit") or (image.credit if image else "")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("credit"),
        required=False,
        max_length=250,
        help_text=_("Leave empty to use the credit stored with the image."),
    )

    class Meta:
        icon = "image"
        label = _("Image")
        group = _("Media")
        template = "components/image_block.html"
        value_class = ImageValue
        description = _("An image with caption and credit; alt text comes from the image.")

    def bulk_to_python(self, values):
        # The renditions of every image in the stream in one query, not one per image.
        images = super().bulk_to_python(values)
        prefetch_related_objects(
            [value["image"] for value in images if value.get("image")], "renditions"
        )
        return images

    def get_preview_value(self):
        # Preview with the newest image in the library, if there is one.
        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python(
            {"image": image.pk if image else None, "caption": "Een wijk in Limburg", "credit": ""}
        )


class VideoEmbedValue(blocks.StructValue):
    def embed_url(self):
        url = self.get("url")
        # An EmbedValue once saved; a plain string in a preview value.
        return getattr(url, "url", url) or ""


class VideoEmbedBlock(blocks.StructBlock):
    url = EmbedBlock(
        label=_("web address"), help_text=_("A YouTube or Vimeo address of the video.")
    )
    title = blocks.CharBlock(
        label=_("title"),
        max_length=200,
        help_text=_("What the video is about; read aloud by screen readers."),
    )
    transcript_url = blocks.URLBlock(
        label=_("transcript"), required=False, help_text=_("Link to a text version.")
    )

    class Meta:
        icon = "media"
        label = _("Video")
        group = _("Media")
        template = "components/embed_block.html"
        value_class = VideoEmbedValue
        description = _("An embedded video with a title and, where there is one, a transcript.")
        preview_value = {
            "url": "https://www.youtube.com/watch?v=limburgdemo",
            "title": "Een wijkaanpak in beeld",
            "transcript_url": "",
        }
