"""Server-rendered SVG maps of Limburg's areas: projection of the stored boundaries.

No tile server and no JavaScript: the boundaries ``import_places`` stores (WGS84
GeoJSON) are projected to SVG paths here; the pages colour and link them.
"""

import math
from dataclasses import dataclass

WIDTH = 400  # SVG user units; the map scales with its container


@dataclass(frozen=True)
class Shape:
    code: str
    name: str
    path: str


def rings(geometry):
    if not geometry:
        return []
    if geometry["type"] == "Polygon":
        return geometry["coordinates"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["coordinates"] for ring in polygon]
    return []


def project(areas, width=WIDTH):
    """([Shape], height) for (code, name, boundary) triples, fitted to ``width``.

    Equirectangular, corrected for latitude: good enough for one province.
    """
    areas = [(code, name, boundary) for code, name, boundary in areas if boundary]
    points = [point for _c, _n, boundary in areas for ring in rings(boundary) for point in ring]
    if not points:
        return [], 0
    min_lon = min(point[0] for point in points)
    max_lon = max(point[0] for point in points)
    min_lat = min(point[1] for point in points)
    max_lat = max(point[1] for point in points)
    x_scale = math.cos(math.radians((min_lat + max_lat) / 2))
    scale = width / ((max_lon - min_lon) * x_scale)
    height = round((max_lat - min_lat) * scale)

    def point_xy(point):
        return (
            round((point[0] - min_lon) * x_scale * scale, 1),
            round((max_lat - point[1]) * scale, 1),
        )

    shapes = [
        Shape(
            code,
            name,
            " ".join(
                "M" + " L".join(f"{x} {y}" for x, y in map(point_xy, ring)) + " Z"
                for ring in rings(boundary)
            ),
        )
        for code, name, boundary in areas
    ]
    return shapes, height
