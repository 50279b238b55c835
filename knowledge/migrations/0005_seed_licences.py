"""Seed the licences research outputs choose from (editors manage them afterwards).

CC BY 4.0 first, then the other Creative Commons 4.0 licences, CC0 and "all
rights reserved": a controlled vocabulary, not demo content. Reversing removes them.
"""

from django.db import migrations

from knowledge.vocabulary import LICENCES, seed_licences


def seed(apps, schema_editor):
    seed_licences(apps.get_model("wagtailcore", "Locale"), apps.get_model("knowledge", "Licence"))


def unseed(apps, schema_editor):
    names = [row[2] for row in LICENCES] + [row[3] for row in LICENCES]
    apps.get_model("knowledge", "Licence").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0004_research_outputs_and_licences"),
        ("limburg", "0002_seed_locales_and_themes"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
