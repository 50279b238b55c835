"""Renditions made ahead of the first visit.

They are made by rendering the very templates that show images, so what is made
is exactly what pages ask for (the same sizes, formats and order of filters).
"""

from django.template.loader import render_to_string

# Each template with the context that shows one image in it.
IMAGE_TEMPLATES = (
    ("components/teaser_image.html", lambda image: {"image": image}),
    ("components/image_block.html", lambda image: {"value": {"image": image}}),
)


def pregenerate_renditions(images):
    for image in images:
        for template, context in IMAGE_TEMPLATES:
            render_to_string(template, context(image))
