"""Finding pages in the visitor's language.

Used by the language switcher, ``hreflang`` alternates and listings that hold
pages chosen in another locale (featured items copied with a translation).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, prefetch_related_objects
from django.urls import translate_url
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page


@dataclass(frozen=True)
class LanguageLink:
    language_code: str
    name: str
    url: str
    full_url: str
    is_current: bool
    # False when the page has no translation in this language and the link
    # leads to the nearest translated ancestor instead.
    is_translation: bool


def with_teaser_images(pages):
    """Fetch the teaser images (and their renditions' source) of specific pages in one query."""
    pages = list(pages)
    prefetch_related_objects(
        [page for page in pages if hasattr(page, "teaser_image_id")], "teaser_image__renditions"
    )
    return pages


def localized_pages(page_ids, locale_id):
    """The live, public pages for ``page_ids``, in order, each in ``locale_id`` where translated."""
    if not page_ids:
        return []
    keys = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    translated = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=keys.values(), locale_id=locale_id)
        .specific()
    }
    missing = [pk for pk in page_ids if keys.get(pk) not in translated]
    untranslated = {
        page.pk: page for page in Page.objects.live().public().filter(pk__in=missing).specific()
    }
    if untranslated:
        # Shown in another language than the visitor's: the card says so with `lang`.
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        for page in untranslated.values():
            page.shown_in_language = languages[page.locale_id]
    pages = []
    for pk in page_ids:
        page = translated.get(keys.get(pk)) or untranslated.get(pk)
        if page is not None:
            pages.append(page)
    return with_teaser_images(pages)


def public_localized(page):
    """``page`` in the active language when that translation is live and public, else ``page``
    itself (Wagtail's ``localized`` takes any live translation, private ones too)."""
    localized = page.localized
    if localized.pk == page.pk or Page.objects.live().public().filter(pk=localized.pk).exists():
        return localized
    return page


def visible_localized(page_ids):
    """{page id: what a visitor sees of it} for pages chosen in content (links, calls to action):
    ``public_localized`` of each live, public page; the others are left out.

    A few queries however many pages: which are live and public, the active locale,
    and their live, public translations in it.
    """
    page_ids = {int(pk) for pk in page_ids if pk is not None and str(pk).isdigit()}
    if not page_ids:
        return {}
    pages = list(Page.objects.live().public().filter(pk__in=page_ids))
    if not pages:
        return {}
    locale = Locale.get_active()
    elsewhere = [page.translation_key for page in pages if page.locale_id != locale.pk]
    translations = {}
    if elsewhere:
        translations = {
            page.translation_key: page
            for page in Page.objects.live()
            .public()
            .filter(locale=locale, translation_key__in=elsewhere)
        }
    return {page.pk: translations.get(page.translation_key, page) for page in pages}


def page_language_links(page, request, current_language):
    """One link per language: to the page's translation, or else to its nearest translated ancestor.

    Aliases (a synchronised tree's untranslated copies) are not translations:
    hreflang never names one, and the switcher passes over them. A language
    without any translated ancestor (one just added) links to its home, which
    falls back to the Dutch site. Two queries whatever the depth: the page's
    ancestors, then every live public translation of any of them.
    """
    ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1))
    keys = [ancestor.translation_key for ancestor in ancestors]
    depth_of = {ancestor.translation_key: ancestor.depth for ancestor in ancestors}
    best = {}
    for candidate in (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .filter(Q(alias_of__isnull=True) | Q(pk=page.pk))
        .select_related("locale")
    ):
        language = candidate.locale.language_code
        if (
            language not in best
            or depth_of[candidate.translation_key] > depth_of[best[language].translation_key]
        ):
            best[language] = candidate
    sub_path = routed_sub_path(page, request)
    links = []
    for code, _name in settings.LANGUAGES:
        target = best.get(code)
        if target is None:
            url, is_translation = f"/{code}/", False
        else:
            url = target.get_url(request)
            is_translation = (
                target.translation_key == page.translation_key and not target.alias_of_id
            )
            if target.translation_key == page.translation_key:
                url += sub_path
        full_url = request.build_absolute_uri(url)
        links.append(
            LanguageLink(
                language_code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                full_url=full_url,
                is_current=code == current_language,
                is_translation=is_translation,
            )
        )
    return links


def routed_sub_path(page, request):
    """What follows a routable page's own address in the request ("GM0917-heerlen/" of
    an area profile), so the switch leads to the same area, not the index.

    The routes are the same in every language (codes and names of places).
    """
    own = page.get_url(request) or ""
    path = request.path
    return path[len(own) :] if own and path.startswith(own) and path != own else ""


def path_language_links(request, current_language, *, to_home=False):
    """Language links for a view that is not a page (search), keeping its query.

    With ``to_home`` (error pages) every link leads to that language's home page:
    the same address in another language would be just as missing.
    """
    path = request.path
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        is_current = code == current_language
        translated = translate_url(path, code)
        is_translation = not to_home and (is_current or translated != path)
        if is_translation:
            url = f"{translated}?{query}" if query else translated
        else:
            url = path if is_current else f"/{code}/"
        links.append(
            LanguageLink(
                language_code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                full_url=request.build_absolute_uri(url),
                is_current=is_current,
                is_translation=is_translation,
            )
        )
    return links
