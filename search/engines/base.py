"""The interface the search view talks to; one implementation per backend."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.models import Page, get_page_models

from limburg.models import Place, PlacesMixin, Theme, ThemesMixin, in_gemeente
from search.query import ParsedQuery

PER_PAGE = 10
SORTS = ("relevance", "newest")


class SearchUnavailable(Exception):
    """The search backend cannot be reached; readers get a "try again later" page."""


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchRequest:
    parsed: ParsedQuery
    locale_id: int
    language: str
    filters: dict = field(default_factory=dict)  # facet name -> value (strings; year as int)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE
    exclude_ids: tuple = ()  # promoted pages, shown above the organic results


@dataclass
class SearchHit:
    page: Page
    title: str  # safe HTML with <mark>
    snippet: str  # safe HTML with <mark>


@dataclass
class SearchResponse:
    hits: list
    total: int
    page: int
    num_pages: int
    facets: dict = field(default_factory=dict)  # name -> [FacetValue]
    suggestion: str = ""


class SearchEngine(ABC):
    """Find live, public pages of one language; count facets; highlight what matched."""

    name = "base"

    @abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse:
        """The hits of one results page, the total and the facet counts."""

    @abstractmethod
    def autocomplete(self, text: str, locale_id: int, limit: int = 8) -> list[Page]:
        """Pages whose title starts with the words typed so far."""


class FacetModels:
    """Which page types carry which facet, found from the models themselves."""

    @cached_property
    def page_models(self):
        return [model for model in get_page_models() if not model._meta.abstract]

    @cached_property
    def with_themes(self):
        return [model for model in self.page_models if issubclass(model, ThemesMixin)]

    @cached_property
    def with_places(self):
        return [model for model in self.page_models if issubclass(model, PlacesMixin)]

    @cached_property
    def with_status(self):
        return [
            model
            for model in self.page_models
            if any(f.name == "status" and f.model is model for f in model._meta.get_fields())
        ]

    def status_labels(self):
        labels = {}
        for model in self.with_status:
            labels.update(dict(model._meta.get_field("status").choices))
        return labels


FACET_MODELS = FacetModels()


def facet_values(counts, request):
    """Raw counts per facet (value -> number of pages) as labelled FacetValues.

    Every engine counts in its own way and labels the same way here. Type
    counts are keyed by content type id; years by the year.
    """

    def chosen(name, value):
        return str(request.filters.get(name, "")) == str(value)

    facets = {"type": []}
    for content_type_id, count in counts.get("type", {}).items():
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        if model is not None:
            key = content_type_key(model)
            label = str(model._meta.verbose_name_plural).capitalize()
            facets["type"].append(FacetValue(key, label, count, chosen("type", key)))
    facets["type"].sort(key=lambda facet: -facet.count)

    theme_counts = counts.get("theme", {})
    facets["theme"] = [
        FacetValue(
            theme.slug, theme.name, theme_counts.get(theme.slug, 0), chosen("theme", theme.slug)
        )
        for theme in Theme.objects.filter(locale_id=request.locale_id)
    ]

    gemeente_counts = counts.get("gemeente", {})
    names = dict(
        Place.objects.gemeenten().filter(code__in=gemeente_counts).values_list("code", "name")
    )
    facets["gemeente"] = sorted(
        (
            FacetValue(code, names[code], count, chosen("gemeente", code))
            for code, count in gemeente_counts.items()
            if code in names
        ),
        key=lambda facet: facet.label,
    )

    # Pages without a year (no publication or start date) are counted under None.
    years = {year: count for year, count in counts.get("year", {}).items() if year}
    facets["year"] = [
        FacetValue(str(year), str(year), count, chosen("year", year))
        for year, count in sorted(years.items(), reverse=True)
    ]

    labels = FACET_MODELS.status_labels()
    facets["status"] = [
        FacetValue(value, str(labels.get(value, value)), count, chosen("status", value))
        for value, count in counts.get("status", {}).items()
        if value
    ]
    return facets


def content_type_key(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"


def model_for_key(key):
    try:
        return apps.get_model(key)
    except (LookupError, ValueError):
        return None


def filter_q(name, value) -> Q:
    """The condition for one facet value on the Page table."""
    if name == "type":
        model = model_for_key(value)
        return Q(content_type=ContentType.objects.get_for_model(model)) if model else Q(pk__in=[])
    if name == "theme":
        return _union(FACET_MODELS.with_themes, Q(themes__slug=value))
    if name == "gemeente":
        return _union(FACET_MODELS.with_places, in_gemeente(value))
    if name == "status":
        return _union(FACET_MODELS.with_status, Q(status=value))
    if name == "year":
        return Q(first_published_at__year=value)
    raise ValueError(name)


def _union(models, condition):
    combined = Q(pk__in=[])
    for model in models:
        combined |= Q(pk__in=model.objects.filter(condition).values("pk"))
    return combined
