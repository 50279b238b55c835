"""Make every image's renditions now, so no reader waits for an AVIF to be encoded."""

from django.core.management.base import BaseCommand

from wagtail.images import get_image_model

from limburg.images import pregenerate_renditions


class Command(BaseCommand):
    help = (
        "Make the renditions pages show (teaser and image-block sizes in AVIF, WebP and JPEG) "
        "for every image that lacks them. Run after load_demo or an import."
    )

    def handle(self, *args, verbosity=1, **options):
        images = get_image_model().objects.all()
        pregenerate_renditions(images)
        if verbosity:
            self.stdout.write(f"Renditions ready for {images.count()} images.")
