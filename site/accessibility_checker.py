"""The accessibility checks editors see: Wagtail's content checker, with our rules.

Wagtail runs axe-core on a page for a signed-in editor in two places: the *Checks*
item of the userbar on the live page and its preview, and the *Checks* side panel of
the page editor (which reads its configuration through the same
``construct_wagtail_userbar`` hook). `wagtail_hooks.py` swaps Wagtail's item for this one.

The rules are the ones an editor can act on: headings, images, links, embeds and tables
in the content. How the templates do (landmarks, language, contrast, the skip link) is the
developers' business and is checked by the browser tests (tests/e2e), so the checks look
at the main content only, not at the header, menu and footer editors cannot change.

Not here: a check for link texts such as "lees meer". Wagtail 8 evaluates only its own
custom checks (image alt text, meta description) in the browser; a check of our own would
need a JavaScript function that this configuration cannot carry. The templates use no
such link texts; a link block's text is the editor's, next to its title. Nor
``identical-links-same-purpose``: axe only ever asks for a review with it, and Wagtail
shows violations, never reviews.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.userbar import ContentCheckerItem

# Alt text that is a file name ("IMG_0042.jpg"), or a word that says it is an image and
# nothing about what it shows.
ALT_TEXT_PATTERN = (
    r"\.(avif|gif|jpg|jpeg|png|svg|webp)$|_"
    r"|^\s*(afbeelding|foto|plaatje|image|picture|photo|img)\s*$"
)


class LimburgContentCheckerItem(ContentCheckerItem):
    axe_include = ["main"]

    axe_run_only = [
        # Headings: no levels skipped, no empty ones, no bold paragraphs instead of them.
        "heading-order",
        "empty-heading",
        "p-as-heading",
        # Images: alt text present, meaningful, and not a repeat of the text beside it.
        "image-alt",
        "alt-text-quality",
        "image-redundant-alt",
        # Links and buttons have text.
        "link-name",
        "button-name",
        "input-button-name",
        # Form fields on the page have labels.
        "label",
        "select-name",
        # Embedded video has a title; tables have header text.
        "frame-title",
        "empty-table-header",
        # Wagtail's own: the page has a description for search engines.
        "empty-meta-description",
    ]

    axe_custom_checks = [
        {"id": "check-image-alt-text", "options": {"pattern": ALT_TEXT_PATTERN}},
        {"id": "check-empty-meta-description"},
    ]

    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image without alt text"),
            "help_text": _("Describe what the image shows in its alt text"),
        },
        "alt-text-quality": {
            "error_name": _("Image alt text has inappropriate pattern"),
            "help_text": _("Describe what the image shows, not its file name or the word 'image'"),
        },
        "image-redundant-alt": {
            "error_name": _("Image alt text repeats the text beside it"),
            "help_text": _("Describe what the image adds, or what it shows"),
        },
        "label": {
            "error_name": _("Form field without a label"),
            "help_text": _("Give every field a visible label"),
        },
        "select-name": {
            "error_name": _("Form field without a label"),
            "help_text": _("Give every field a visible label"),
        },
    }


def use_limburg_checker(request, items, page):
    """Put our content checker in the place of Wagtail's (userbar and editor side panel)."""
    items[:] = [
        LimburgContentCheckerItem(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, LimburgContentCheckerItem)
        else item
        for item in items
    ]
