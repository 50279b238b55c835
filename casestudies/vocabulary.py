"""Funding instruments the case studies name: an editor-managed vocabulary, seeded once."""

from limburg.vocabulary import seed_translated

# slug nl, name nl, slug en, name en
FUNDING_INSTRUMENTS = [
    ("regio-deal", "Regio Deal", "region-deal", "Region Deal"),
    (
        "volkshuisvestingsfonds",
        "Volkshuisvestingsfonds",
        "housing-fund",
        "Housing Fund (Volkshuisvestingsfonds)",
    ),
    (
        "nplv",
        "Nationaal Programma Leefbaarheid en Veiligheid",
        "nplv",
        "National Programme for Liveability and Safety",
    ),
    (
        "leefbaarheidsfonds",
        "Leefbaarheidsfonds",
        "liveability-fund",
        "Liveability Fund (Leefbaarheidsfonds)",
    ),
    ("sociale-agenda", "Provinciale Sociale Agenda", "social-agenda", "Provincial Social Agenda"),
    ("eigen-middelen", "Eigen middelen", "own-funds", "Own funds"),
    ("anders", "Anders", "other", "Other"),
]


def seed_funding_instruments(Locale, FundingInstrument):
    """Create any missing instrument in each content locale; editors keep what they changed."""
    rows = [
        ({"slug": slug_nl, "name": name_nl}, {"slug": slug_en, "name": name_en}, {})
        for slug_nl, name_nl, slug_en, name_en in FUNDING_INSTRUMENTS
    ]
    seed_translated(Locale, FundingInstrument, rows)
