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
