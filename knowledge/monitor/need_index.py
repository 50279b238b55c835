"""The need index: a transparent, shareable ranking of wijken to support a conversation.

Each chosen indicator is standardised over the wijken that have a figure
(z = (x − mean) / standard deviation), turned so that a higher z always means
more need, weighted, and averaged. Wijken with fewer inhabitants than
MIN_INHABITANTS, or without a figure for a chosen indicator, are listed apart and
never ranked silently.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from knowledge.models import Indicator, IndicatorValue
from limburg.models import Place

MIN_INHABITANTS = 200
MAX_WEIGHT = 3
RANKABLE_UNITS = (Indicator.Unit.PERCENT, Indicator.Unit.EURO_X1000, Indicator.Unit.PER_1000)


def rankable_indicators():
    return list(
        Indicator.objects.exclude(need=Indicator.Need.NEUTRAL).filter(unit__in=RANKABLE_UNITS)
    )


def best_source(indicator):
    """(source id, year) with figures for the most wijken, the newest on a tie."""
    row = (
        IndicatorValue.objects.filter(indicator=indicator, place__kind=Place.Kind.WIJK)
        .values("source_id", "year")
        .annotate(n=Count("pk"))
        .order_by("-n", "-year")
        .first()
    )
    return (row["source_id"], row["year"]) if row else (None, None)


def z_scores(values):
    """{key: z} for {key: number}; all 0 when every value is the same."""
    numbers = [float(value) for value in values.values()]
    mean = sum(numbers) / len(numbers)
    deviation = math.sqrt(sum((n - mean) ** 2 for n in numbers) / len(numbers))
    if deviation == 0:
        return dict.fromkeys(values, 0.0)
    return {key: (float(value) - mean) / deviation for key, value in values.items()}


@dataclass
class Component:
    indicator: Indicator
    weight: int
    source_id: int | None
    year: int | None


@dataclass
class RankedArea:
    place: Place
    score: float
    values: dict  # indicator code -> Decimal
    z: dict  # indicator code -> float (need-directed)
    inhabitants: Decimal | None
    rank: int = 0


@dataclass
class NeedIndex:
    components: list
    gemeente: Place | None = None
    ranked: list = field(default_factory=list)
    too_small: list = field(default_factory=list)
    incomplete: list = field(default_factory=list)

    def compute(self):
        wijken = Place.objects.wijken().select_related("parent").order_by("code")
        if self.gemeente is not None:
            wijken = wijken.filter(parent=self.gemeente)
        wijken = {place.pk: place for place in wijken}
        values = {}
        for component in self.components:
            rows = IndicatorValue.objects.filter(
                indicator=component.indicator,
                source_id=component.source_id,
                year=component.year,
                place_id__in=wijken,
            ).values_list("place_id", "value")
            values[component.indicator.code] = dict(rows)
        population = self._population(wijken)
        complete = {}
        for pk, place in wijken.items():
            own = {code: table.get(pk) for code, table in values.items()}
            if any(value is None for value in own.values()):
                self.incomplete.append((place, [code for code, v in own.items() if v is None]))
            elif population.get(pk) is not None and population[pk] < MIN_INHABITANTS:
                self.too_small.append((place, population[pk]))
            else:
                complete[pk] = own
        if len(complete) < 2:
            return self
        directed = {}
        for component in self.components:
            code = component.indicator.code
            sign = -1 if component.indicator.need == Indicator.Need.LOWER else 1
            scores = z_scores({pk: own[code] for pk, own in complete.items()})
            directed[code] = {pk: sign * z for pk, z in scores.items()}
        total_weight = sum(component.weight for component in self.components)
        for pk, own in complete.items():
            z = {code: directed[code][pk] for code in own}
            score = sum(c.weight * z[c.indicator.code] for c in self.components) / total_weight
            self.ranked.append(RankedArea(wijken[pk], score, own, z, population.get(pk)))
        self.ranked.sort(key=lambda area: (-area.score, area.place.code))
        for rank, area in enumerate(self.ranked, start=1):
            area.rank = rank
        return self

    def _population(self, wijken):
        """Inhabitants from the same source and year as the first component, where it has them."""
        first = self.components[0]
        return dict(
            IndicatorValue.objects.filter(
                indicator__code="inwoners",
                source_id=first.source_id,
                year=first.year,
                place_id__in=wijken,
            ).values_list("place_id", "value")
        )
