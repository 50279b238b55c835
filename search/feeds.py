"""RSS 2.0 and Atom feeds of everything new, in one language, optionally narrowed by
page type, theme or place — the same filters as the search page and the API."""

from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from limburg.text import printable
from search.engines.base import FACET_MODELS, filter_q, model_for_key

FEED_FILTERS = ("type", "theme", "place")


class NewContentFeed(Feed):
    feed_type = Rss201rev2Feed
    limit = 50

    def get_object(self, request, *args, **kwargs):
        self.request = request
        locale = Locale.objects.filter(language_code=get_language()).first()
        if locale is None:
            raise Http404
        filters = {name: request.GET[name] for name in FEED_FILTERS if request.GET.get(name)}
        if "type" in filters:
            model = model_for_key(filters["type"])
            if model is None or model not in FACET_MODELS.with_themes:
                raise Http404("Unknown page type")
        return {"locale": locale, "filters": filters}

    def title(self, obj):
        parts = [_("New on Krachtige Gemeenschappen Limburg")]
        filters = obj["filters"]
        if "type" in filters:
            parts.append(str(model_for_key(filters["type"])._meta.verbose_name_plural))
        parts += [filters[name] for name in ("theme", "place") if name in filters]
        return printable(" — ".join(parts))

    def link(self, obj):
        return self.request.build_absolute_uri(f"/{obj['locale'].language_code}/")

    def feed_url(self, obj):
        return self.request.build_absolute_uri()

    def description(self, obj):
        return _("Case studies, research, deals and interventions, newest first.")

    def items(self, obj):
        models = FACET_MODELS.with_themes
        pages = (
            Page.objects.live()
            .public()
            .filter(locale=obj["locale"], alias_of__isnull=True)
            .type(*models)
            .order_by("-first_published_at", "-pk")
        )
        filters = obj["filters"]
        if "type" in filters:
            pages = pages.filter(filter_q("type", filters["type"]))
        if "theme" in filters:
            pages = pages.filter(filter_q("theme", filters["theme"]))
        if "place" in filters:
            pages = pages.filter(filter_q("gemeente", filters["place"].upper()))
        items = list(pages[: self.limit].specific())
        by_model = defaultdict(list)
        for item in items:
            by_model[type(item)].append(item)
        for group in by_model.values():
            prefetch_related_objects(group, "themes")
        return items

    def item_title(self, item):
        return printable(item.title)

    def item_description(self, item):
        # A description is HTML to feed readers (Atom says type="html"): the summary is text.
        return escape(printable(getattr(item, "summary", "")))

    def item_link(self, item):
        # The reader's own host, as the channel's link and the listings' feeds have it.
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [printable(theme.name) for theme in item.themes.all()]


class NewContentAtomFeed(NewContentFeed):
    feed_type = Atom1Feed
    subtitle = NewContentFeed.description
