"""Seed the content locales and the five themes the policy names.

The policy ("Krachtige gemeenschappen in wijken en dorpen") names veiligheid,
gezondheid, leren, werken en wonen. They are the platform's controlled
vocabulary, not demo content, so every database starts with them; editors
can change them and add more. Reversing removes only what this created.
"""

from django.db import migrations

from limburg.vocabulary import POLICY_THEMES as THEMES
from limburg.vocabulary import seed_locales_and_themes


def seed(apps, schema_editor):
    seed_locales_and_themes(apps.get_model("wagtailcore", "Locale"), apps.get_model("limburg", "Theme"))


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
