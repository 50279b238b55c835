"""Load every Limburg gemeente and wijk, with CBS codes and boundaries, from the shared open data.

Reads ``limburg_gemeenten_2023.geojson`` and ``limburg_wijken_2024.geojson``
(CBS/Kadaster via PDOK; see the data README). Everything is checked before
anything is written, and the writing happens in one transaction: a bad file
gives a clear error naming the file and feature, and imports nothing. Running
it again updates names and boundaries in place and creates no duplicates.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tqdm import tqdm

from limburg.models import Place
from limburg.validators import validate_cbs_code

PROVINCE = {"code": "PV31", "name": "Limburg"}
SOURCES = [
    # file, kind, boundary source
    ("limburg_gemeenten_2023.geojson", Place.Kind.GEMEENTE, "Kadaster / CBS, 2023"),
    ("limburg_wijken_2024.geojson", Place.Kind.WIJK, "Kadaster / CBS, 2024"),
]


@dataclass
class PlaceRow:
    kind: str
    code: str
    name: str
    parent_code: str
    boundary: dict
    boundary_source: str


def read_features(path: Path, kind: str, boundary_source: str) -> list[PlaceRow]:
    """Parse and check one GeoJSON file; raise CommandError naming what is wrong and where."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"{path}: file not found.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CommandError(f"{path}: not valid GeoJSON ({error}).") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise CommandError(f"{path}: expected a GeoJSON FeatureCollection.")
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise CommandError(f"{path}: the FeatureCollection has no features.")

    rows = []
    for number, feature in enumerate(features, start=1):
        where = f"{path.name}, feature {number}"
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise CommandError(f"{where}: no properties.")
        code = str(properties.get("statcode") or "").strip()
        name = str(properties.get("statnaam") or "").strip()
        if not code or not name:
            raise CommandError(f"{where}: 'statcode' and 'statnaam' are required.")
        try:
            validate_cbs_code(code, kind)
        except ValidationError:
            raise CommandError(f"{where}: {code!r} is not a CBS code for a {kind}.") from None
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") not in {
            "Polygon",
            "MultiPolygon",
        }:
            raise CommandError(f"{where} ({code}): geometry must be a Polygon or MultiPolygon.")
        if kind == Place.Kind.WIJK:
            parent_code = str(properties.get("gemeentecode") or f"GM{code[2:6]}")
            if parent_code != f"GM{code[2:6]}":
                raise CommandError(f"{where}: {code} does not lie in gemeente {parent_code}.")
        else:
            parent_code = PROVINCE["code"]
        rows.append(PlaceRow(kind, code, name, parent_code, geometry, boundary_source))

    codes = [row.code for row in rows]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise CommandError(f"{path.name}: codes occur more than once: {', '.join(duplicates)}.")
    return rows


class Command(BaseCommand):
    help = (
        "Import every Limburg gemeente and wijk (CBS codes, names, boundaries) from the open data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=settings.SHARED_DATA_DIR,
            help="Folder with the GeoJSON files (default: SHARED_DATA_DIR, site/data).",
        )

    def handle(self, *args, data_dir: Path, verbosity: int = 1, **options):
        rows = []
        for filename, kind, boundary_source in SOURCES:
            rows.extend(read_features(data_dir / filename, kind, boundary_source))
        gemeente_codes = {row.code for row in rows if row.kind == Place.Kind.GEMEENTE}
        for row in rows:
            if row.kind == Place.Kind.WIJK and row.parent_code not in gemeente_codes:
                raise CommandError(
                    f"Wijk {row.code} ({row.name}) belongs to {row.parent_code}, "
                    "which is not among the gemeenten."
                )

        created = updated = 0
        with transaction.atomic():
            province, _ = Place.objects.update_or_create(
                code=PROVINCE["code"],
                defaults={"kind": Place.Kind.PROVINCIE, "name": PROVINCE["name"], "parent": None},
            )
            by_code = {PROVINCE["code"]: province}
            by_code.update(
                (place.code, place)
                for place in Place.objects.filter(code__in=[row.code for row in rows])
            )
            progress = tqdm(
                rows, desc="Places", unit="place", disable=verbosity < 1, file=self.stderr
            )
            for row in progress:
                place = by_code.get(row.code) or Place(code=row.code)
                is_new = place.pk is None
                place.kind = row.kind
                place.name = row.name
                place.parent = by_code[row.parent_code]
                place.boundary = row.boundary
                place.boundary_source = row.boundary_source
                place.full_clean()
                place.save()
                by_code[row.code] = place
                created += is_new
                updated += not is_new
        if verbosity < 1:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Places imported: {created} created, {updated} updated "
                f"({len(gemeente_codes)} gemeenten, {len(rows) - len(gemeente_codes)} wijken)."
            )
        )
