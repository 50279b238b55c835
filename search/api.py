"""The public, read-only API (Wagtail API v2 at /api/v2/): pages, images and documents.

Only live, public pages (Wagtail's own rule) of every language; images and
documents outside restricted collections. Beside Wagtail's filters (``type``,
``locale``, ``search``, field values) pages filter by ``theme=<slug>`` and
``place=<CBS code>`` (a gemeente includes its wijken, buurten and kernen).
"""

import logging

from wagtail.api.v2.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import TagsField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from elasticsearch import ApiError, TransportError
from rest_framework import status
from rest_framework.response import Response

from search.engines.base import filter_q

logger = logging.getLogger(__name__)


class ThemeFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if slug := request.GET.get("theme"):
            return queryset.filter(filter_q("theme", slug))
        return queryset


class PlaceFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        if code := request.GET.get("place"):
            if not code.isalnum() or len(code) > 10:
                raise BadRequestError("place must be a CBS code, e.g. GM0917 or WK091701")
            return queryset.filter(filter_q("gemeente", code.upper()))
        return queryset


class SearchOutageMixin:
    """``?search=`` with Elasticsearch down is a 503 with a message, not a 500."""

    def handle_exception(self, exc):
        outage = isinstance(exc, TransportError) or (
            isinstance(exc, ApiError) and exc.status_code >= 500
        )
        if not outage:
            return super().handle_exception(exc)
        logger.error("API search is unavailable: %s", exc)
        return Response(
            {"message": "Search is temporarily unavailable; try again later."},
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
            headers={"Retry-After": "60"},
        )


class PublicPagesAPIViewSet(SearchOutageMixin, PagesAPIViewSet):
    filter_backends = [ThemeFilter, PlaceFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["theme", "place"])

    def get_queryset(self):
        # A page type lists the relations its API fields read (``api_prefetch``),
        # so a listing costs the same number of queries for 5 or 100 pages.
        queryset = super().get_queryset()
        # An alias (a synchronised tree's untranslated copy) repeats a Dutch page
        # that the API already lists under locale=nl. Excluded by id, a field the search
        # backends can filter on: ``alias_of`` is not indexed, and ``?search=`` would fail.
        queryset = queryset.exclude(id__in=Page.objects.filter(alias_of__isnull=False).values("pk"))
        return queryset.select_related("locale").prefetch_related(
            *getattr(queryset.model, "api_prefetch", ())
        )


class PrefetchedTagsField(TagsField):
    """Tag names from the prefetched tags, sorted here: Wagtail's field orders them in the
    database, one query per image or document."""

    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class PrefetchedTagsMixin:
    """Serialise ``tags`` from what the viewset prefetched."""

    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        if field_class is TagsField:
            field_class = PrefetchedTagsField
        return field_class, kwargs


class PublicImageSerializer(PrefetchedTagsMixin, ImageSerializer):
    pass


class PublicDocumentSerializer(PrefetchedTagsMixin, DocumentSerializer):
    pass


class PublicImagesAPIViewSet(SearchOutageMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


class PublicDocumentsAPIViewSet(SearchOutageMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("tags")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
