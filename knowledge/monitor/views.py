"""The monitor's pages: overview, area profiles, the need index and the choropleth map."""

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from knowledge.initiatives import for_cards
from knowledge.initiatives import visible_in as initiatives_in
from knowledge.models import Indicator, IndicatorValue
from knowledge.monitor.figures import AreaFigures
from knowledge.monitor.need_index import (
    MAX_WEIGHT,
    MIN_INHABITANTS,
    Component,
    NeedIndex,
    best_source,
    rankable_indicators,
)
from limburg.cards import card_pages
from limburg.maps import WIDTH, project
from limburg.models import Place, PlacesMixin, domain_page_models, in_gemeente
from limburg.translation import with_teaser_images

CONTENT_PER_KIND = 6
NEVER = datetime.min.replace(tzinfo=UTC)
CLASSES = 4  # the map palette has four contrast-checked classes beside "no figure"


def profile_url(index_page, place):
    return index_page.url + index_page.reverse_subpage(
        "profile", kwargs={"code": place.code, "slug": slugify(place.name) or "gebied"}
    )


def overview(index_page, request):
    gemeenten = list(Place.objects.gemeenten().order_by("name"))
    wijken_by_gemeente = {}
    for wijk in Place.objects.wijken().order_by("code").only("code", "name", "parent_id"):
        wijken_by_gemeente.setdefault(wijk.parent_id, []).append(wijk)
    areas = [
        (
            gemeente,
            profile_url(index_page, gemeente),
            [
                (wijk, profile_url(index_page, wijk))
                for wijk in wijken_by_gemeente.get(gemeente.pk, [])
            ],
        )
        for gemeente in gemeenten
    ]
    return index_page.render(request, context_overrides={"areas": areas})


def place_content(place, locale_id):
    """[(kind, [pages])]: the case studies, deals, interventions and research linked to the
    place or to a place inside it, one query per page type."""
    return _grouped_by_kind(lambda model: model.objects.filter(in_gemeente(place.code)), locale_id)


def gemeente_wide_content(wijk, locale_id):
    """[pages] for a wijk: what is linked to its whole gemeente and not already to the wijk,
    newest first, so a resident also finds the work that covers their wijk with the others."""
    groups = _grouped_by_kind(
        lambda model: model.objects.filter(places=wijk.parent_id).exclude(
            pk__in=model.objects.filter(in_gemeente(wijk.code)).values("pk")
        ),
        locale_id,
    )
    pages = [page for _kind, pages in groups for page in pages]
    # A page made live without being published (an import) has no first_published_at.
    return sorted(pages, key=lambda page: page.first_published_at or NEVER, reverse=True)


def _grouped_by_kind(linked, locale_id):
    groups = []
    # The private sections, asked once for every page type (``public()`` asks each time).
    private = Page.objects.all().private_q()
    for model in domain_page_models(PlacesMixin):
        pages = card_pages(
            model.objects.live()
            .exclude(private)
            .filter(locale_id=locale_id)
            .filter(pk__in=linked(model).values("pk"))
            .order_by("-first_published_at")[:CONTENT_PER_KIND]
        )
        if pages:
            groups.append((model._meta.verbose_name_plural, pages))
    return groups


@dataclass
class Bar:
    label: str
    value: Decimal
    width: float
    derived: bool


def percent_chart(figures):
    """Bars for the newest percentage figures: this area, its gemeente and Limburg (derived)."""
    seen, charts = set(), []
    for figure in figures:
        if figure.indicator.unit != Indicator.Unit.PERCENT or figure.indicator.code in seen:
            continue
        seen.add(figure.indicator.code)
        bars = [Bar(_("this area"), figure.value, float(figure.value), False)]
        if figure.gemeente is not None:
            bars.append(Bar(_("gemeente"), figure.gemeente, float(figure.gemeente), False))
        if figure.limburg is not None:
            bars.append(Bar(_("Limburg (derived)"), figure.limburg, float(figure.limburg), True))
        charts.append((figure, bars))
    return charts


class ProfileFigures:
    """An area's figures, computed only when the template renders them: the profile keeps
    its figure sections in the fragment cache (area_profile.html), so a profile that is
    not in the page cache usually needs none of these queries."""

    def __init__(self, place):
        self.place = place

    @cached_property
    def area(self):
        return AreaFigures(self.place)

    @cached_property
    def rows(self):
        return self.area.figures()

    @cached_property
    def gaps(self):
        return self.area.gaps()

    @cached_property
    def charts(self):
        return percent_chart(self.rows)

    @cached_property
    def sources(self):
        return sorted({figure.source for figure in self.rows}, key=lambda source: source.key)


class ProfileWork:
    """What is done in an area (pages linked to it, initiatives, work for its whole
    gemeente), found only when the template renders it: the profile keeps that section
    in the fragment cache (area_profile.html) like its figures."""

    def __init__(self, place, locale_id):
        self.place = place
        self.locale_id = locale_id

    @cached_property
    def linked(self):
        """(pages linked to the area by kind, pages for its whole gemeente), their teaser
        images fetched together."""
        content = place_content(self.place, self.locale_id)
        gemeente_content = (
            gemeente_wide_content(self.place, self.locale_id)
            if self.place.kind == Place.Kind.WIJK
            else []
        )
        with_teaser_images([page for _kind, pages in content for page in pages] + gemeente_content)
        return content, gemeente_content

    @property
    def content(self):
        return self.linked[0]

    @property
    def gemeente_content(self):
        return self.linked[1]

    @cached_property
    def initiatives(self):
        return for_cards(initiatives_in(self.place)[:CONTENT_PER_KIND], self.locale_id)


def profile(index_page, request, code, slug):
    place = (
        Place.objects.filter(code=code.upper(), kind__in=[Place.Kind.GEMEENTE, Place.Kind.WIJK])
        .select_related("parent")
        .first()
    )
    if place is None:
        raise Http404("No such area")
    canonical = profile_url(index_page, place)
    if request.path != canonical:
        return HttpResponsePermanentRedirect(canonical)
    shapes, height = project(
        Place.objects.filter(
            pk__in=[place.pk] + ([place.parent_id] if place.parent_id else [])
        ).values_list("code", "name", "boundary")
    )
    context = {
        "place": place,
        "figures": ProfileFigures(place),
        "work": ProfileWork(place, index_page.locale_id),
        "outline": {"shapes": shapes, "height": height, "width": WIDTH, "highlight": place.code},
        "gemeente_url": profile_url(index_page, place.parent)
        if place.kind == Place.Kind.WIJK
        else "",
        "wijken": [
            (wijk, profile_url(index_page, wijk))
            for wijk in Place.objects.wijken().filter(parent=place).order_by("code")
        ]
        if place.kind == Place.Kind.GEMEENTE
        else [],
    }
    return index_page.render(
        request, context_overrides=context, template="knowledge/area_profile.html"
    )


def parse_index_request(request):
    """The chosen components and scope from GET parameters; errors as messages, never a 500."""
    errors = []
    available = {indicator.code: indicator for indicator in rankable_indicators()}
    chosen = request.GET.getlist("indicator") or ["laagste_inkomen_pct", "arbeidsparticipatie_pct"]
    # Each indicator once, and no more than there are: a crafted URL cannot multiply the work.
    chosen = list(dict.fromkeys(chosen))[: len(available) + 1]
    components = []
    for code in chosen:
        indicator = available.get(code)
        if indicator is None:
            errors.append(_("Unknown indicator: %(code)s") % {"code": code[:60]})
            continue
        try:
            weight = int(request.GET.get(f"weight_{code}", "1"))
        except ValueError:
            weight = 0
        if not 1 <= weight <= MAX_WEIGHT:
            errors.append(_("The weight of %(name)s must be 1, 2 or 3.") % {"name": indicator.name})
            weight = 1
        source_id, year = best_source(indicator)
        if source_id is not None:
            components.append(Component(indicator, weight, source_id, year))
    gemeente = None
    if code := request.GET.get("gemeente"):
        gemeente = Place.objects.gemeenten().filter(code=code.upper()).first()
        if gemeente is None:
            errors.append(_("Unknown gemeente: %(code)s") % {"code": code[:20]})
    return available, components, gemeente, errors


def need_index(index_page, request):
    available, components, gemeente, errors = parse_index_request(request)
    index = NeedIndex(components, gemeente).compute() if components else NeedIndex([])
    export = request.GET.get("format")
    if export in ("csv", "json") and not errors:
        return index_export(index, export, index_page)
    sort = request.GET.get("sort", "rank")
    ranked = list(index.ranked)
    if sort == "name":
        ranked.sort(key=lambda area: area.place.name)
    elif sort in {c.indicator.code for c in components}:
        ranked.sort(key=lambda area: -area.z[sort])
    context = {
        "available": list(available.values()),
        "components": components,
        "chosen": {c.indicator.code: c.weight for c in components},
        "gemeente": gemeente,
        "gemeenten": Place.objects.gemeenten().order_by("name"),
        "index": index,
        "ranked": [(area, profile_url(index_page, area.place)) for area in ranked],
        "errors": errors,
        "min_inhabitants": MIN_INHABITANTS,
        "sort": sort,
        "query": request.GET.urlencode(),
    }
    response = index_page.render(
        request, context_overrides=context, template="knowledge/need_index.html"
    )
    if errors:
        response.status_code = 400
    return response


def index_rows(index):
    for area in index.ranked:
        row = {
            "rank": area.rank,
            "code": area.place.code,
            "name": area.place.name,
            "gemeente": area.place.parent.name if area.place.parent_id else "",
            "score": round(area.score, 3),
        }
        for component in index.components:
            code = component.indicator.code
            row[code] = str(area.values[code])
            row[f"{code}_z"] = round(area.z[code], 3)
        yield row


def index_export(index, export, index_page):
    rows = list(index_rows(index))
    meta = {
        "method": "weighted mean of need-directed z-scores",
        "min_inhabitants": MIN_INHABITANTS,
        "components": [
            {
                "indicator": c.indicator.code,
                "weight": c.weight,
                "year": c.year,
                "source_id": c.source_id,
            }
            for c in index.components
        ],
    }
    if export == "json":
        return JsonResponse({**meta, "ranked": rows}, json_dumps_params={"ensure_ascii": False})
    buffer = io.StringIO()
    fieldnames = ["rank", "code", "name", "gemeente", "score"]
    for component in index.components:
        fieldnames += [component.indicator.code, f"{component.indicator.code}_z"]
    writer = csv.DictWriter(buffer, fieldnames=fieldnames)
    writer.writeheader()
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename="rangorde-wijken.csv"
    )
    return response


@dataclass
class MapCell:
    code: str
    name: str
    path: str
    url: str
    value: Decimal | None
    css_class: int  # 0 = no figure, 1..CLASSES


def quantile_breaks(values, classes=CLASSES):
    """Upper bounds of ``classes`` quantile classes over the values (sorted)."""
    ordered = sorted(values)
    if not ordered:
        return []
    return [
        ordered[min(len(ordered) - 1, (len(ordered) * step) // classes - 1)]
        for step in range(1, classes + 1)
    ]


def class_of(value, breaks):
    if value is None:
        return 0
    for number, upper in enumerate(breaks, start=1):
        if value <= upper:
            return number
    return len(breaks)


def choropleth(index_page, request):
    indicators = list(Indicator.objects.all())
    by_code = {indicator.code: indicator for indicator in indicators}
    errors = []
    indicator = by_code.get(request.GET.get("indicator", "laagste_inkomen_pct"))
    if indicator is None:
        errors.append(_("Unknown indicator."))
        indicator = by_code.get("inwoners")
    level = request.GET.get("level", Place.Kind.WIJK)
    if level not in (Place.Kind.GEMEENTE, Place.Kind.WIJK):
        errors.append(_("Choose gemeenten or wijken."))
        level = Place.Kind.WIJK
    gemeente = None
    if code := request.GET.get("gemeente"):
        gemeente = Place.objects.gemeenten().filter(code=code.upper()).first()
        if gemeente is None:
            errors.append(_("Unknown gemeente: %(code)s") % {"code": code[:20]})
    places = Place.objects.filter(kind=level)
    if gemeente is not None and level == Place.Kind.WIJK:
        places = places.filter(parent=gemeente)
    places = list(places.order_by("code").only("code", "name", "boundary", "kind"))
    cells, breaks, year, source = [], [], None, None
    if indicator is not None:
        best = (
            IndicatorValue.objects.filter(indicator=indicator, place__kind=level)
            .values("source_id", "year")
            .order_by("-year")
            .first()
        )
        values = {}
        if best:
            year = best["year"]
            rows = IndicatorValue.objects.filter(
                indicator=indicator, year=year, source_id=best["source_id"], place__in=places
            ).select_related("source")
            values = {row.place_id: row.value for row in rows}
            source = rows[0].source if rows else None
        breaks = quantile_breaks(list(values.values()))
        shapes, height = project([(p.code, p.name, p.boundary) for p in places])
        by_code_place = {p.code: p for p in places}
        for shape in shapes:
            place = by_code_place[shape.code]
            value = values.get(place.pk)
            cells.append(
                MapCell(
                    shape.code,
                    shape.name,
                    shape.path,
                    profile_url(index_page, place),
                    value,
                    class_of(value, breaks),
                )
            )
    else:
        height = 0
    legend = []
    lower = None
    for number, upper in enumerate(breaks, start=1):
        legend.append((number, lower, upper))
        lower = upper
    context = {
        "indicators": indicators,
        "indicator": indicator,
        "level": level,
        "gemeente": gemeente,
        "gemeenten": Place.objects.gemeenten().order_by("name"),
        "cells": cells,
        "height": height,
        "width": WIDTH,
        "legend": legend,
        "year": year,
        "source": source,
        "errors": errors,
    }
    response = index_page.render(
        request, context_overrides=context, template="knowledge/area_map.html"
    )
    if errors:
        response.status_code = 400
    return response
