"""The interface the search view talks to; one implementation per backend."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.models import Page, get_page_models

from limburg.models import PlacesMixin, ThemesMixin, in_gemeente
from search.query import ParsedQuery

PER_PAGE = 10
SORTS = ("relevance", "newest")


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

    def content_type_label(self, content_type_id):
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        return model._meta.verbose_name_plural if model else ""


FACET_MODELS = FacetModels()


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
