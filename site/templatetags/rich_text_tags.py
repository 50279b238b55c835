"""Rich text as visitors see it: Wagtail's rendering, then only what the editor can make.

Wagtail cleans rich text when an editor saves it, and trusts the stored HTML from then on.
What an import, a migration or a script writes there is not cleaned, so the site's templates
render rich text with ``sanitised_richtext`` instead of Wagtail's ``richtext``: the elements
the rich-text features produce (settings' ``WAGTAILADMIN_RICH_TEXT_EDITORS``) are kept, with
links whose address passes Wagtail's own ``check_url`` (no ``javascript:``, ``data:`` and the
like, however disguised); attributes, event handlers, scripts, frames, forms and styles are not.
"""

from django import template
from django.utils.safestring import mark_safe

from wagtail.templatetags.wagtailcore_tags import richtext
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

register = template.Library()

# Elements whose content is code, not text: dropped with what they hold.
DROPPED = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math"}


class RenderedRichTextWhitelister(Whitelister):
    element_rules = {
        "[document]": allow_without_attributes,
        "a": attribute_rule({"href": check_url}),
        **dict.fromkeys(
            ["p", "br", "h2", "h3", "h4", "b", "strong", "i", "em", "ol", "ul", "li", "blockquote"],
            allow_without_attributes,
        ),
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


WHITELISTER = RenderedRichTextWhitelister()


@register.filter
def sanitised_richtext(value):
    """``value`` (a RichText or stored rich-text HTML) rendered, with only what is allowed."""
    return mark_safe(WHITELISTER.clean(str(richtext(value))))  # noqa: S308 - cleaned by the whitelist above
