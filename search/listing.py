"""Faceted listings: a section's pages filtered by a form, with counts per choice.

Every facet is counted with all *other* filters applied (so a visitor sees what
each choice would give), one aggregate query per facet: the number of queries
does not depend on the number of pages. Subclasses name their page model, their
form, their facets and how a facet filters.
"""

from abc import ABC, abstractmethod

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.module_loading import import_string

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from limburg import page_cache
from limburg.cards import card_pages
from limburg.models import in_site_of
from limburg.translation import with_teaser_images
from search.engines.base import content_type_key
from search.query import build_query, clean_query_text, matching_pks


class FacetedIndexMixin(RoutablePageMixin):
    """A section front whose page is its faceted listing; an invalid filter answers 400.

    ``listing_class`` names the FacetedListing subclass by dotted path (the
    listing module imports the models, so the models cannot import it).
    """

    listing_class = ""

    def get_listing(self, request):
        return import_string(self.listing_class)(self, request)

    @property
    def feed_query(self):
        """The site-wide feed narrowed to this section's page type."""
        model = self.specific_class.allowed_subpage_models()[0]
        return f"type={model._meta.label_lower}"

    def child_pages(self):
        """None: the listing shows a page of results, never every page under the front
        (all 10,000 of them took seconds in make bench)."""
        return self.get_children().none()

    @path("")
    def listing(self, request):
        listing = self.get_listing(request)
        response = self.render(request, context_overrides={"listing": listing})
        if not listing.is_valid:
            response.status_code = 400
        return response


class CountedPaginator(Paginator):
    """A paginator told how to count (from the fragment cache) instead of counting itself."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self._count = count

    @cached_property
    def count(self):
        return self._count()


class FacetedListing(ABC):
    page_model = None
    show_all_label = ""
    facet_names = ()
    sorts = {}
    default_sort = "newest"
    per_page = 12
    # Facets whose filter leaves the fewest pages (a gemeente rather than a theme). They
    # are applied first because SQLite, which keeps no statistics, starts from the
    # first condition's pages: 10 -> 5 ms for a theme and a gemeente at 10,000 pages.
    narrowest_first = ()

    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        self.form = self.get_form(request.GET)
        # Invalid values (an unknown theme, a made-up kind) are dropped and reported.
        self.is_valid = self.form.is_valid()
        cleaned_data = getattr(self.form, "cleaned_data", {})
        self.filters = {
            name: value
            for name, value in cleaned_data.items()
            if value and name in self.facet_names
        }
        self.query_text = clean_query_text(request.GET.get("query", ""))
        self.sort = cleaned_data.get("sort") or self.default_sort
        self.base = self.get_base_queryset()

    @abstractmethod
    def get_form(self, data):
        """The bound filter form for the GET data."""

    def get_base_queryset(self):
        """The live, public pages of this type in this section's language and site.

        By type, not by parent: pages a partner writes in its own section belong
        in the listing as much as those under the index.
        """
        return (
            self.page_model.objects.live()
            .public()
            .filter(locale_id=self.index_page.locale_id)
            .filter(in_site_of(self.index_page))
        )

    def apply_filter(self, queryset, name, value):
        return queryset.filter(**{name: value})

    # Filtering -----------------------------------------------------------

    @cached_property
    def matching_query(self):
        """The pages matching the text search (None without one), for ``pk__in``.

        On the database backends this stays a subquery; Elasticsearch answers
        with ids, which for one section (hundreds of pages at most) are few.
        """
        query = build_query(self.query_text)
        if query is None:
            return None
        candidates = self.page_model.objects.live().filter(locale_id=self.index_page.locale_id)
        return matching_pks(candidates, query)

    def filtered(self, skip=None):
        queryset = self.base
        if self.matching_query is not None:
            queryset = queryset.filter(pk__in=self.matching_query)
        for name in self.filter_order:
            if name in self.filters and name != skip:
                queryset = self.apply_filter(queryset, name, self.filters[name])
        return queryset

    @property
    def filter_order(self):
        rest = [name for name in self.facet_names if name not in self.narrowest_first]
        return [*self.narrowest_first, *rest]

    # Results ----------------------------------------------------------------

    @cached_property
    def results(self):
        order = self.sorts[self.sort]
        if self.sort == self.default_sort:
            # Editors pin what must be seen first; a visitor's own sort wins.
            order = ("-pinned", *order)
        return self.filtered().order_by(*order)

    @cached_property
    def page_obj(self):
        paginator = CountedPaginator(
            self.results, self.per_page, count=lambda: self.kept("total", self.results.count)
        )
        try:
            page = paginator.page(self.request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        page.object_list = self.displayed(page.object_list)
        return page

    def displayed(self, results):
        """The page of ``results`` as its cards show them, in order."""
        return with_teaser_images(card_pages(results, self.for_display))

    def for_display(self, queryset):
        """The page of results with what its cards show fetched alongside."""
        return queryset

    # Facets -----------------------------------------------------------------

    def count_by(self, facet, expression):
        """{value: number of pages} for one facet, with the other filters applied."""

        def count():
            return {
                row["value"]: row["n"]
                for row in self.filtered(skip=facet)
                .order_by()
                .values(value=expression)
                .annotate(n=Count("pk", distinct=True))
            }

        return self.kept(facet, count)

    def kept(self, facet, compute):
        """``compute()`` (a count of these results, with every filter but ``facet``
        applied) from the fragment cache, kept until the site changes: every listing
        page with the same search and filters shows the same numbers."""
        other_filters = sorted(
            (name, getattr(value, "pk", value))
            for name, value in self.filters.items()
            if name != facet
        )
        return page_cache.fragment(
            "facet-counts",
            type(self).__name__,
            self.index_page.pk,
            facet,
            other_filters,
            self.query_text,
            compute=compute,
        )

    @staticmethod
    def options(choices, counts):
        """(value, label, count) for each choice, in the choices' order."""
        return [(value, label, counts.get(value, 0)) for value, label in choices]

    # For templates ------------------------------------------------------------

    @cached_property
    def state(self):
        """This listing's query string without the page number: what its filter form,
        its counts and its map show depends on nothing else (their fragment cache key)."""
        return self.url_with()

    def url_with(self, **changes):
        """This listing's query string with some parameters changed (None removes one)."""
        params = self.request.GET.copy()
        params.pop("page", None)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def feed_query(self):
        params = self.request.GET.copy()
        params.pop("page", None)
        params.pop("sort", None)
        return params.urlencode()

    @property
    def follow_query(self):
        """The query string that lets a visitor follow this listing by e-mail."""
        params = {"type": content_type_key(self.page_model)}
        if self.query_text:
            params["query"] = self.query_text
        for name in ("theme", "gemeente"):
            if self.filters.get(name):
                params[name] = self.filters[name]
        return urlencode(params)

    def filter_label(self, name, value):
        return dict(self.form.fields[name].choices).get(value, value)

    @property
    def active_filters(self):
        """(field label, value label, URL without this filter) for each active filter."""
        return [
            (
                self.form.fields[name].label,
                self.filter_label(name, value),
                self.url_with(**{name: None}),
            )
            for name, value in self.filters.items()
        ]
