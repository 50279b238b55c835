"""Navigation: main menu, breadcrumbs and the language links of the current page."""

from django import template
from django.utils.translation import get_language

from wagtail.models import Page, Site

from limburg.translation import page_language_links, path_language_links

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    home = _home_page(request)
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    return {
        "request": request,
        "home": home,
        "items": items,
        "current_path": current.url_path if isinstance(current, Page) else "",
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": []}
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return {"request": context["request"], "ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every language (or its nearest translated ancestor)."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return page_language_links(page, request, get_language())
    return path_language_links(request, get_language(), to_home=context.get("is_error_page", False))
