"""Reading the open data into Indicator, IndicatorSource and IndicatorValue.

Everything is read and checked first; only a fully valid set of files is
written, in one transaction. A file with an unknown place code, a value that is
not a number or a missing column gives a message naming the file and line, and
nothing is imported. An empty cell is a missing value, not an error (the
sources leave cells empty where CBS publishes no figure).
"""

import csv
import json
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction

from knowledge.models import Indicator, IndicatorSource, IndicatorValue
from limburg.models import Place

SPEC = Path(__file__).with_name("sources.json")
REQUIRED_COLUMNS = ("code", "jaar")


class ImportFailed(Exception):
    def __init__(self, errors):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class ReadSource:
    spec: dict
    rows: list = field(default_factory=list)  # (place code, year, indicator code, Decimal)
    skipped: list = field(default_factory=list)  # (line, code, reason)


def load_spec(path=SPEC):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def parse_number(text):
    """'1510', '39.7' → Decimal; '' → None (missing); anything else raises ValueError."""
    text = text.strip()
    if text == "":
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return number


def read_source(data_dir, spec, known_codes, known_indicators):
    """One CSV file, checked; raises ImportFailed with every problem it found."""
    path = Path(data_dir) / spec["file"]
    read = ReadSource(spec)
    errors = []
    if not path.exists():
        raise ImportFailed([f"{spec['file']}: file not found in {data_dir}"])
    with open(path, encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        header = reader.fieldnames or []
        missing = [
            column
            for column in (
                *REQUIRED_COLUMNS,
                *spec["columns"],
                *([spec["skip"]["column"]] if "skip" in spec else []),
            )
            if column not in header
        ]
        if missing:
            raise ImportFailed([f"{spec['file']}: missing column(s) {', '.join(missing)}"])
        for indicator in spec["columns"].values():
            if indicator not in known_indicators:
                errors.append(f"{spec['file']}: unknown indicator {indicator!r} in the spec")
        for line, row in enumerate(reader, start=2):
            code = row["code"].strip()
            skip = spec.get("skip")
            if skip and row[skip["column"]].strip() == skip["value"]:
                read.skipped.append((line, code, skip["reason"]))
                continue
            if code not in known_codes:
                errors.append(f"{spec['file']}, line {line}: unknown place code {code!r}")
                continue
            try:
                year = int(row["jaar"])
            except ValueError:
                errors.append(f"{spec['file']}, line {line}: year {row['jaar']!r} is not a year")
                continue
            for column, indicator in spec["columns"].items():
                try:
                    value = parse_number(row[column] or "")
                except ValueError as error:
                    errors.append(
                        f"{spec['file']}, line {line}, column {column}: "
                        f"{str(error)!r} is not a number"
                    )
                    continue
                if value is not None:
                    read.rows.append((code, year, indicator, value))
    if errors:
        raise ImportFailed(errors)
    return read


@dataclass
class ImportResult:
    sources: int
    values: int
    skipped: list


def import_indicators(data_dir, spec=None, progress=None):
    """Read every source in the spec, then replace the stored values in one transaction."""
    spec = spec or load_spec()
    places = dict(Place.objects.exclude(code="").values_list("code", "pk"))
    indicator_codes = {item["code"] for item in spec["indicators"]}
    reads, errors = [], []
    for source_spec in spec["sources"]:
        try:
            reads.append(read_source(data_dir, source_spec, places, indicator_codes))
        except ImportFailed as failure:
            errors.extend(failure.errors)
    if errors:
        raise ImportFailed(errors)

    with transaction.atomic():
        indicators = {}
        for order, item in enumerate(spec["indicators"], start=1):
            indicators[item["code"]], _created = Indicator.objects.update_or_create(
                code=item["code"],
                defaults={
                    "name_nl": item["nl"],
                    "name_en": item["en"],
                    "unit": item["unit"],
                    "need": item["need"],
                    "definition_nl": item.get("definition_nl", ""),
                    "definition_en": item.get("definition_en", ""),
                    "sort_order": order * 10,
                },
            )
        total = 0
        for read in reads:
            source_spec = read.spec
            source, _created = IndicatorSource.objects.update_or_create(
                key=source_spec["key"],
                defaults={
                    name: source_spec[name]
                    for name in ("file", "publisher", "table", "title", "licence", "url")
                },
            )
            # Replacing a source's values makes a re-import idempotent and lets a
            # corrected file remove what it no longer says.
            source.values.all().delete()
            values = [
                IndicatorValue(
                    indicator=indicators[indicator],
                    place_id=places[code],
                    year=year,
                    value=value,
                    source=source,
                )
                for code, year, indicator, value in read.rows
            ]
            IndicatorValue.objects.bulk_create(values, batch_size=1000)
            total += len(values)
            if progress is not None:
                progress(source_spec["file"], len(values))
    return ImportResult(
        sources=len(reads),
        values=total,
        skipped=[(read.spec["file"], *item) for read in reads for item in read.skipped],
    )
