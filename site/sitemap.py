"""sitemap.xml with every live, public page in every language (aliases left out), each
with its hreflang alternates (and x-default, the Dutch page), and the robots.txt that
names it."""

from collections import defaultdict

from django.conf import settings
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from wagtail.models import Page


def sitemap_entries(request):
    pages = list(
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        # An alias repeats its Dutch page; the Dutch page is the one to index.
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .only("url_path", "translation_key", "last_published_at", "locale__language_code", "depth")
        .order_by("path")
    )
    urls = {page.pk: page.get_full_url(request) for page in pages}
    translations = defaultdict(dict)
    for page in pages:
        if urls[page.pk]:
            translations[page.translation_key][page.locale.language_code] = urls[page.pk]
    default = settings.LANGUAGE_CODE
    entries = []
    for page in pages:
        if not urls[page.pk]:
            continue  # outside every site
        alternates = translations[page.translation_key]
        entries.append(
            {
                "location": urls[page.pk],
                "lastmod": page.last_published_at,
                "alternates": sorted(alternates.items()) if len(alternates) > 1 else [],
                "x_default": alternates.get(default) if len(alternates) > 1 else None,
            }
        )
    return entries


@require_GET
def sitemap(request):
    return TemplateResponse(
        request,
        "sitemap.xml",
        {"entries": sitemap_entries(request)},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*?format=",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
