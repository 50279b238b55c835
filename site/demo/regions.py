"""Regions the demo content names, read from the bundled open data (never typed in)."""

import csv

from django.conf import settings


def corop_gemeente_codes(corop):
    """The CBS codes of the gemeenten in a COROP region, e.g. CR39 (Zuid-Limburg)."""
    with open(
        settings.SHARED_DATA_DIR / "limburg_kwb_2024_gemeenten_wijken.csv", encoding="utf-8"
    ) as file:
        return [
            row["code"]
            for row in csv.DictReader(file)
            if row["niveau"] == "gemeente" and row["corop_code"] == corop
        ]
