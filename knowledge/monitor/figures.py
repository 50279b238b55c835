"""Figures for the profiles: stored values as the source gives them, and what is derived from
them (per 1,000 inhabitants, the gemeente, Limburg as a whole) — always labelled as derived."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from knowledge.models import Indicator, IndicatorValue
from limburg.models import Place

POPULATION = "inwoners"


@dataclass
class Figure:
    indicator: Indicator
    year: int
    value: Decimal
    source: object
    per_1000: Decimal | None = None  # derived
    gemeente: Decimal | None = None  # the gemeente's own value, as the source gives it
    limburg: Decimal | None = None  # derived: sum or population-weighted mean of the gemeenten
    limburg_method: str = ""


def values_by_key(queryset):
    """{(indicator code, source id, year): {place id: value}}"""
    table = defaultdict(dict)
    for code, source_id, year, place_id, value in queryset.values_list(
        "indicator__code", "source_id", "year", "place_id", "value"
    ):
        table[(code, source_id, year)][place_id] = value
    return table


def limburg_figure(indicator, key, table, gemeente_ids):
    """Limburg as a whole from its 31 gemeenten, or (None, '') when it cannot be computed."""
    values = table.get(key, {})
    if not gemeente_ids or any(pk not in values for pk in gemeente_ids):
        return None, ""
    if indicator.unit == Indicator.Unit.COUNT:
        return sum(values[pk] for pk in gemeente_ids), "sum"
    if indicator.unit in (
        Indicator.Unit.PERCENT,
        Indicator.Unit.EURO_X1000,
        Indicator.Unit.PER_1000,
    ):
        population = table.get((POPULATION, key[1], key[2]), {})
        if any(pk not in population for pk in gemeente_ids):
            return None, ""
        total = sum(population[pk] for pk in gemeente_ids)
        if not total:
            return None, ""
        weighted = sum(values[pk] * population[pk] for pk in gemeente_ids) / total
        return weighted.quantize(Decimal("0.1")), "weighted"
    return None, ""


class AreaFigures:
    """Every stored figure of one place, newest first per indicator, with comparisons."""

    def __init__(self, place):
        self.place = place
        self.gemeente = place if place.kind == Place.Kind.GEMEENTE else place.parent
        self.gemeente_ids = list(Place.objects.gemeenten().values_list("pk", flat=True))
        # The comparisons need only numbers (tuples); model instances only for the place's
        # own rows: the gemeenten's thousands of values as instances cost more than the page.
        self.table = values_by_key(
            IndicatorValue.objects.filter(place_id__in={place.pk, *self.gemeente_ids})
        )
        self.own = list(
            IndicatorValue.objects.filter(place_id=place.pk).select_related("indicator", "source")
        )

    def figures(self):
        figures = []
        for row in sorted(self.own, key=lambda r: (r.indicator.sort_order, -r.year, r.source.key)):
            key = (row.indicator.code, row.source_id, row.year)
            figure = Figure(row.indicator, row.year, row.value, row.source)
            if row.indicator.is_count:
                population = self.table.get((POPULATION, row.source_id, row.year), {})
                inhabitants = population.get(self.place.pk)
                if inhabitants and row.indicator.code != POPULATION:
                    figure.per_1000 = (row.value * 1000 / inhabitants).quantize(Decimal("0.1"))
            if self.gemeente and self.gemeente.pk != self.place.pk:
                figure.gemeente = self.table.get(key, {}).get(self.gemeente.pk)
            figure.limburg, figure.limburg_method = limburg_figure(
                row.indicator, key, self.table, self.gemeente_ids
            )
            figures.append(figure)
        return figures

    def gaps(self):
        """Sources that cover this gemeente's wijken but have no figure for this wijk."""
        if self.place.kind != Place.Kind.WIJK:
            return []
        own_sources = {(row.source_id, row.year) for row in self.own}
        covering = (
            IndicatorValue.objects.filter(place__parent=self.gemeente, place__kind=Place.Kind.WIJK)
            .values_list("source_id", "source__title", "year")
            .distinct()
        )
        return sorted(
            {
                (title, year)
                for source_id, title, year in covering
                if (source_id, year) not in own_sources
            },
            key=lambda item: (-item[1], item[0]),
        )
