"""The full-page cache: anonymous page views served from a shared cache that every
change to the public site empties at once.

The whole site shares one *generation*: a token stored beside the pages. Every
cached page and fragment carries the generation it was made in and is served only
while that generation lasts. Publishing, unpublishing, moving or deleting a page,
or saving anything pages show (a snippet, an image, a setting, an indicator),
starts a new one, so listings, dossiers, the home page and the feeds that show a
page are never stale: the public site changes a few times an hour, and rendering a
page again costs milliseconds. A deploy runs ``migrate``, which starts one too, so
new templates are never hidden behind old pages.

wagtail-cache would be the package for this, but its latest release requires
wagtail<8. This module is the few parts of it this site needs.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control, set_response_etag

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.images.models import AbstractRendition
from wagtail.signals import page_published, page_unpublished, post_page_move

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"

# Apps whose models the public pages show. Within them, what readers never see
# (renditions, an initiative's private files and history) changes nothing.
CONTENT_APPS = {
    "limburg",
    "casestudies",
    "knowledge",
    "wagtaildocs",
    "wagtailimages",
    "wagtailredirects",
    "taggit",
}
WAGTAIL_CORE_CONTENT = {
    "wagtailcore.page",
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.collection",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
}
NOT_SHOWN = {"knowledge.initiativeattachment", "knowledge.initiativelogentry"}

# A response that says any of these is someone's own, or must not be kept.
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}


def page_cache():
    return caches[CACHE_ALIAS]


# Generations -------------------------------------------------------------------


def start_generation():
    generation = secrets.token_hex(8)
    page_cache().set(GENERATION_KEY, generation, timeout=None)
    return generation


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # Evicted or never set: the first request to notice starts one.
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def invalidate():
    """Empty the page cache now, and again when the current transaction commits.

    The first covers the request that changes something (and tests, which never
    commit); the second drops what another request rendered from the old data
    between the change and its commit.
    """
    start_generation()
    transaction.on_commit(start_generation)


def shows_on_public_pages(model):
    label = model._meta.label_lower
    if label in WAGTAIL_CORE_CONTENT:
        return True
    if model._meta.app_label not in CONTENT_APPS or label in NOT_SHOWN:
        return False
    return not issubclass(model, AbstractRendition)


def content_changed(sender, **kwargs):
    if shows_on_public_pages(sender):
        invalidate()


def page_changed(sender, **kwargs):
    invalidate()


def purge_what_shows_page(sender, instance, **kwargs):
    """Purge a CDN in front of what shows a page besides the page itself (Wagtail's
    frontend cache purges that): its sections up to the home page, and the feeds.

    A dossier or another section that features the page is kept by the CDN for
    at most CACHE_CONTROL_S_MAXAGE seconds.
    """
    if not settings.WAGTAILFRONTENDCACHE:
        return
    batch = PurgeBatch()
    # Wagtail rewrites only the language prefix: /en/praktijkvoorbeelden/ is not
    # the English listing's address, so each page's translations are purged too.
    for page in (instance, *instance.get_ancestors().filter(depth__gt=1)):
        batch.add_pages(page.get_translations(inclusive=True).live())
    site = instance.get_site()
    if site is not None:
        # Wagtail purges each address in every language (/nl/… and /en/…).
        with translation.override(instance.locale.language_code):
            batch.add_urls(site.root_url + reverse(name) for name in ("feed", "feed_atom"))
    batch.purge()


def connect_signals(app_config):
    # Page types are subclasses: these signals are sent with the concrete class.
    page_published.connect(page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_changed, dispatch_uid="page_cache_moved")
    page_published.connect(purge_what_shows_page, dispatch_uid="page_cache_purge_published")
    page_unpublished.connect(purge_what_shows_page, dispatch_uid="page_cache_purge_unpublished")
    post_save.connect(content_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(content_changed, dispatch_uid="page_cache_deleted")
    # Once per migrate (it is sent for every app): new code, new templates.
    post_migrate.connect(page_changed, sender=app_config, dispatch_uid="page_cache_migrated")


# Fragments ---------------------------------------------------------------------


def fragment(name, *parts, compute, timeout=None):
    """``compute()``'s value, kept for the current generation under name and parts.

    For what many pages render the same way (the menu, the footer, a listing's
    facet counts): a page that is not in the cache still skips their queries.
    """
    cache = page_cache()
    generation = current_generation()
    key = "fragment:" + hashlib.md5(repr((name, generation, parts)).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_FRAGMENT_TIMEOUT)
    return value


def generation_context(request):
    """``content_generation`` for ``{% cache %}`` tags (a fragment's key changes with
    it) and ``fragment_timeout``, how long such a fragment is kept at most."""
    return {
        "content_generation": current_generation,
        "fragment_timeout": settings.PAGE_CACHE_FRAGMENT_TIMEOUT,
    }


# Whole pages -------------------------------------------------------------------


def page_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return "page:" + hashlib.md5(address.encode()).hexdigest()


def may_come_from_cache(request):
    """Anonymous GET and HEAD requests (outside the admin, documents and API)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    # A session means a signed-in editor (userbar, private pages, previews) or a
    # reader with a password-protected page open: they always get a fresh page.
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def vary_headers(response):
    if not response.has_header("Vary"):
        return set()
    return {header.lower() for header in cc_delim_re.split(response["Vary"])}


def may_be_cached(request, response):
    """A complete 200 answer that is the same for every anonymous reader.

    Forms set a CSRF cookie, search and forms say ``never_cache``: none of them is
    kept. ``Vary: Cookie`` alone is no reason: every page asks who the reader is
    (for the userbar), and a reader without a session is no one.
    """
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    directives = set(cc_delim_re.split(response.get("Cache-Control", "").lower()))
    if directives & PRIVATE_DIRECTIVES:
        return False
    # Outside /nl/ and /en/ the language would come from the browser's header.
    language = getattr(request, "LANGUAGE_CODE", "")
    return "accept-language" not in vary_headers(response) or request.path_info.startswith(
        f"/{language}/"
    )


def make_public(response):
    """Headers for a browser (ask again every time, an ETag makes that cheap) and for
    a CDN in front (keep it a while, serve it stale while fetching a new one)."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.CACHE_CONTROL_S_MAXAGE,
        stale_while_revalidate=settings.CACHE_CONTROL_STALE_WHILE_REVALIDATE,
    )
    set_response_etag(response)


def stored(response, generation):
    return (generation, response.status_code, list(response.items()), response.content)


def restored(entry):
    _generation, status, headers, content = entry
    return HttpResponse(content, status=status, headers=dict(headers))


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache; keeps what may be kept.

    Early in the middleware list, after WhiteNoise, so a cached page costs one
    cache round trip and none of the middleware below it. What those middleware
    add (security headers, language) was kept with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_TIMEOUT
        if not timeout or request.path_info.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)):
            return self.get_response(request)
        if not may_come_from_cache(request):
            return keep_private(self.get_response(request))

        key = page_key(request)
        found = page_cache().get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            response = restored(entry)
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if request.method != "GET" or not may_be_cached(request, response):
            return keep_private(response)
        make_public(response)
        page_cache().set(key, stored(response, generation), timeout)
        response["X-Page-Cache"] = "miss"
        return response


def keep_private(response):
    """Not the same for everyone: a CDN in front must not keep it either."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True)
    return response
