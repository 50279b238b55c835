"""The policy's controlled vocabulary, shared by the seeding migration and load_demo.

The policy ("Krachtige gemeenschappen in wijken en dorpen") names five themes:
veiligheid, gezondheid, leren, werken en wonen.
"""

import uuid

from django.conf import settings

POLICY_THEMES = [
    # slug nl, name nl, description nl, slug en, name en, description en, accent
    (
        "veiligheid",
        "Veiligheid",
        "Je veilig voelen op straat en thuis: minder overlast, criminaliteit en ondermijning.",
        "safety",
        "Safety",
        "Feeling safe in the street and at home: less nuisance, crime and subversion.",
        "blauw",
    ),
    (
        "gezondheid",
        "Gezondheid",
        "Gezond opgroeien en gezond leven, lichamelijk en mentaal, "
        "en de gezondheidsachterstand inlopen.",
        "health",
        "Health",
        "Growing up and living healthily, in body and mind, and closing the health gap.",
        "groen",
    ),
    (
        "leren",
        "Leren",
        "Goed onderwijs en kansen om te leren, van de vroegste jaren tot en met volwassenen.",
        "learning",
        "Learning",
        "Good education and chances to learn, from the earliest years through adulthood.",
        "paars",
    ),
    (
        "werken",
        "Werken",
        "Werk, inkomen en bestaanszekerheid: meedoen op de arbeidsmarkt en schulden voorkomen.",
        "work",
        "Work",
        "Work, income and livelihood security: taking part in the labour market and avoiding debt.",
        "oranje",
    ),
    (
        "wonen",
        "Wonen",
        "Goede, betaalbare woningen en een prettige, groene en levendige woonomgeving.",
        "housing",
        "Housing",
        "Good, affordable homes and a pleasant, green and lively neighbourhood.",
        "rood",
    ),
]


def seed_locales_and_themes(Locale, Theme):
    """Create the content locales and any missing policy theme, with its translations.

    Takes the model classes so a migration can pass its historical models.
    Existing themes are left as editors made them.
    """
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }
    nl, en = locales["nl"], locales.get("en")
    for order, (slug_nl, name_nl, desc_nl, slug_en, name_en, desc_en, accent) in enumerate(
        POLICY_THEMES, start=1
    ):
        if Theme.objects.filter(locale=nl, slug=slug_nl).exists():
            continue
        shared = {"translation_key": uuid.uuid4(), "accent": accent, "sort_order": order * 10}
        Theme.objects.create(locale=nl, name=name_nl, slug=slug_nl, description=desc_nl, **shared)
        if en is not None:
            Theme.objects.create(
                locale=en, name=name_en, slug=slug_en, description=desc_en, **shared
            )


def seed_translated(Locale, model, rows, lookup="slug"):
    """Create any missing entry of an editor-managed vocabulary in Dutch and English.

    ``rows`` are (Dutch fields, English fields, shared fields) triples, in order;
    an entry whose Dutch ``lookup`` value exists is left as editors made it. Takes
    the model classes so a migration can pass its historical models.
    """
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    nl, en = locales.get("nl"), locales.get("en")
    if nl is None:
        return
    for order, (dutch, english, shared) in enumerate(rows, start=1):
        if model.objects.filter(locale=nl, **{lookup: dutch[lookup]}).exists():
            continue
        common = {"translation_key": uuid.uuid4(), "sort_order": order * 10, **shared}
        model.objects.create(locale=nl, **dutch, **common)
        if en is not None and "en" in dict(settings.LANGUAGES):
            model.objects.create(locale=en, **english, **common)
