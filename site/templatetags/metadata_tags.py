"""Machine-readable page metadata: schema.org JSON-LD and e-mail addresses kept from scrapers."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script>.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """A ``<script type="application/ld+json">`` block for ``data`` (a dict)."""
    if not data:
        return ""
    encoded = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org JSON-LD (``page.structured_data``) and its BreadcrumbList."""
    page, request = context.get("page"), context.get("request")
    if page is None or not hasattr(page, "structured_data") or request is None:
        return ""
    blocks = [json_ld(page.structured_data(request)), json_ld(breadcrumb_list(page, request))]
    return mark_safe("".join(str(block) for block in blocks if block))  # noqa: S308


def breadcrumb_list(page, request):
    """schema.org BreadcrumbList from the home page down to this page."""
    trail = [*page.get_ancestors().filter(depth__gt=1), page]
    if len(trail) < 2:
        return None
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": item.title,
                "item": request.build_absolute_uri(item.get_url(request)),
            }
            for position, item in enumerate(trail, start=1)
        ],
    }


@register.filter
def obfuscated_email(address):
    """A mailto link written as character references: readers and browsers see the
    address, simple harvesters that grep for ``mailto:`` or ``@`` do not."""
    if not address:
        return ""
    encoded = "".join(f"&#{ord(char)};" for char in address)
    href = "".join(f"&#{ord(char)};" for char in f"mailto:{address}")
    classes = "utrecht-link utrecht-link--html-a utrecht-link--mailto"
    # Built only from character references, so nothing in it can be markup.
    return mark_safe(f'<a class="{classes}" href="{href}">{encoded}</a>')  # noqa: S308
