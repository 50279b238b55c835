"""Navigation: main menu, breadcrumbs and the language links of the current page."""

from django import template
from django.conf import settings
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, Site

from limburg import page_cache
from limburg.translation import page_language_links, path_language_links

register = template.Library()


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


def menu_entry(page):
    return {"title": page.title, "url": page.url, "url_path": page.url_path}


def menu_entries(request):
    """The home page and its children in the menu, as plain values the fragment cache keeps."""
    home = _home_page(request)
    if home is None:
        return {"home": None, "items": []}
    items = home.get_children().live().public().in_menu()
    return {"home": menu_entry(home), "items": [menu_entry(item) for item in items]}


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")
    entries = page_cache.fragment(
        "main-menu",
        request.get_host(),
        get_language(),
        compute=lambda: menu_entries(request),
    )
    return {
        "request": request,
        **entries,
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
        # The same for every reader of this address until the site changes.
        language = get_language()
        return page_cache.fragment(
            "language-links",
            request.scheme,
            request.get_host(),
            request.path,
            page.pk,
            language,
            compute=lambda: page_language_links(page, request, language),
        )
    return path_language_links(request, get_language(), to_home=context.get("is_error_page", False))


@register.filter
def content_language(page):
    """The language of a listed page's text when it differs from its listing's, else "".

    An alias in a synchronised tree mirrors a page of the language its tree
    syncs from (Dutch, the default); a featured page chosen in another language
    carries ``shown_in_language``. No query, so listings stay bounded.
    """
    shown = getattr(page, "shown_in_language", None)
    if shown:
        return shown
    if getattr(page, "alias_of_id", None):
        return settings.LANGUAGE_CODE
    return ""


@register.simple_tag(takes_context=True)
def page_content_language(context, page):
    """The language of a page's text when it is not the reader's: an alias, or a Dutch page
    served under another language's prefix because it has no translation yet."""
    if not isinstance(page, Page) or not page.pk:
        return ""
    source = page.alias_of if page.alias_of_id else page
    code = source.locale.language_code
    return "" if code == get_language() else code


@register.filter
def language_name(code):
    """The name of a language in the reader's language ("Nederlands" → "Dutch" in English)."""
    return get_language_info(code)["name_translated"] if code else ""
