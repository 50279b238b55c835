"""Seed the content locales and the five themes the policy names.

The policy ("Krachtige gemeenschappen in wijken en dorpen") names veiligheid,
gezondheid, leren, werken en wonen. They are the platform's controlled
vocabulary, not demo content, so every database starts with them; editors
can change them and add more. Reversing removes only what this created.
"""

import uuid

from django.conf import settings
from django.db import migrations

THEMES = [
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
        "Gezond opgroeien en gezond leven, lichamelijk en mentaal, en de gezondheidsachterstand inlopen.",
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


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Theme = apps.get_model("limburg", "Theme")
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }
    nl, en = locales.get("nl"), locales.get("en")
    for order, (slug_nl, name_nl, desc_nl, slug_en, name_en, desc_en, accent) in enumerate(
        THEMES, start=1
    ):
        if Theme.objects.filter(locale=nl, slug=slug_nl).exists():
            continue
        key = uuid.uuid4()
        Theme.objects.create(
            translation_key=key, locale=nl, name=name_nl, slug=slug_nl,
            description=desc_nl, accent=accent, sort_order=order * 10,
        )
        if en is not None:
            Theme.objects.create(
                translation_key=key, locale=en, name=name_en, slug=slug_en,
                description=desc_en, accent=accent, sort_order=order * 10,
            )


def unseed(apps, schema_editor):
    Theme = apps.get_model("limburg", "Theme")
    slugs = [row[0] for row in THEMES] + [row[3] for row in THEMES]
    Theme.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("limburg", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
