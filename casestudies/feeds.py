"""RSS of a case-study listing as filtered: a filtered list can be followed."""

from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from limburg.cards import card_pages
from limburg.text import printable


class CaseStudyFeed(Feed):
    feed_type = Rss201rev2Feed
    limit = 50

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        from casestudies.listing import CaseStudyListing

        self.request = request
        return CaseStudyListing(self.index_page, request)

    def title(self, listing):
        parts = [self.index_page.title] + [
            f"{label}: {value}" for label, value, _url in listing.active_filters
        ]
        return printable(" — ".join(str(part) for part in parts))

    def link(self, listing):
        query = listing.feed_query
        return self.index_page.get_url(self.request) + (f"?{query}" if query else "")

    def description(self, listing):
        return escape(printable(self.index_page.introduction or _("New case studies")))

    def items(self, listing):
        pages = card_pages(listing.filtered().order_by("-first_published_at")[: self.limit])
        prefetch_related_objects(pages, "themes")
        return pages

    def item_title(self, item):
        return printable(item.title)

    def item_description(self, item):
        # A description is HTML to feed readers: the summary is text.
        return escape(printable(item.summary))

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [printable(theme.name) for theme in item.themes.all()]
