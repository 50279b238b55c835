"""The case-study listing's map: Limburg's gemeenten shaded by their number of case studies.

Works without JavaScript; the same counts stand in a table beside it.
"""

from dataclasses import dataclass

from limburg.maps import WIDTH, project
from limburg.models import Place

# Count classes: 0, 1, 2, 3–4, 5 or more.
BUCKETS = ((5, 4), (3, 3), (2, 2), (1, 1))


def count_class(count: int) -> int:
    for minimum, bucket in BUCKETS:
        if count >= minimum:
            return bucket
    return 0


@dataclass(frozen=True)
class MapArea:
    code: str
    name: str
    count: int
    path: str
    url: str

    @property
    def count_class(self):
        return count_class(self.count)


class GemeenteMap:
    width = WIDTH

    def __init__(self, counts: dict[str, int], url_with):
        shapes, self.height = project(
            Place.objects.gemeenten().order_by("name").values_list("code", "name", "boundary")
        )
        self.areas = [
            MapArea(
                shape.code,
                shape.name,
                counts.get(shape.code, 0),
                shape.path,
                url_with(gemeente=shape.code),
            )
            for shape in shapes
        ]

    @property
    def legend(self):
        return [(0, "0"), (1, "1"), (2, "2"), (3, "3–4"), (4, "5+")]
