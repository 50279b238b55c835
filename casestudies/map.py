"""A server-rendered SVG map of the Limburg gemeenten, shaded by a count per gemeente.

Works without JavaScript; the same counts stand in a table beside it. Geometry
comes from the gemeente boundaries `import_places` stores (WGS84 GeoJSON).
"""

import math
from dataclasses import dataclass

from limburg.models import Place

WIDTH = 400  # SVG user units; the map scales with its container
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


def _rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


class GemeenteMap:
    def __init__(self, counts: dict[str, int], url_with):
        gemeenten = [
            (code, name, boundary)
            for code, name, boundary in Place.objects.gemeenten()
            .order_by("name")
            .values_list("code", "name", "boundary")
            if boundary
        ]
        points = [
            point for _c, _n, boundary in gemeenten for ring in _rings(boundary) for point in ring
        ]
        if not points:
            self.areas, self.height = [], 0
            return
        min_lon = min(point[0] for point in points)
        max_lon = max(point[0] for point in points)
        min_lat = min(point[1] for point in points)
        max_lat = max(point[1] for point in points)
        # Equirectangular projection, corrected for latitude: good enough for one province.
        x_scale = math.cos(math.radians((min_lat + max_lat) / 2))
        scale = WIDTH / ((max_lon - min_lon) * x_scale)
        self.height = round((max_lat - min_lat) * scale)

        def project(point):
            return (
                round((point[0] - min_lon) * x_scale * scale, 1),
                round((max_lat - point[1]) * scale, 1),
            )

        self.areas = []
        for code, name, boundary in gemeenten:
            path = " ".join(
                "M" + " L".join(f"{x} {y}" for x, y in map(project, ring)) + " Z"
                for ring in _rings(boundary)
            )
            self.areas.append(
                MapArea(code, name, counts.get(code, 0), path, url_with(gemeente=code))
            )

    @property
    def width(self):
        return WIDTH

    @property
    def legend(self):
        return [(0, "0"), (1, "1"), (2, "2"), (3, "3–4"), (4, "5+")]
