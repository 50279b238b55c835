"""Seed the kinds of deal (editors manage them afterwards).

Dorpsdeal, Town Deal, Regio Deal, Regio Deal-project and bewonersinitiatief: a
controlled vocabulary, not demo content. Reversing removes them.
"""

from django.db import migrations

from knowledge.vocabulary import DEAL_KINDS, seed_deal_kinds


def seed(apps, schema_editor):
    seed_deal_kinds(apps.get_model("wagtailcore", "Locale"), apps.get_model("knowledge", "DealKind"))


def unseed(apps, schema_editor):
    slugs = [row[0] for row in DEAL_KINDS] + [row[2] for row in DEAL_KINDS]
    apps.get_model("knowledge", "DealKind").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0006_practice_deals_interventions_and_dossiers"),
        ("limburg", "0002_seed_locales_and_themes"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
