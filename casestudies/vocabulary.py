"""Funding instruments the case studies name: an editor-managed vocabulary, seeded once."""

import uuid

from django.conf import settings

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
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl, en = locales.get("nl"), locales.get("en")
    if nl is None:
        return
    for order, (slug_nl, name_nl, slug_en, name_en) in enumerate(FUNDING_INSTRUMENTS, start=1):
        if FundingInstrument.objects.filter(locale=nl, slug=slug_nl).exists():
            continue
        key = uuid.uuid4()
        FundingInstrument.objects.create(
            translation_key=key, locale=nl, name=name_nl, slug=slug_nl, sort_order=order * 10
        )
        if en is not None and "en" in dict(settings.LANGUAGES):
            FundingInstrument.objects.create(
                translation_key=key, locale=en, name=name_en, slug=slug_en, sort_order=order * 10
            )
