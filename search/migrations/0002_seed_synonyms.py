"""Seed the synonyms the programme uses (editors manage them afterwards).

aandachtswijk / kwetsbare wijk / focusgebied / krachtwijk, and dorpsdeal /
dorpendeal: words people search with for the same thing. Reversing removes them.
"""

from django.db import migrations

SEED = [
    ("nl", "aandachtswijk, kwetsbare wijk, focusgebied, krachtwijk"),
    ("nl", "dorpsdeal, dorpendeal"),
    ("en", "priority neighbourhood, deprived neighbourhood, focus area"),
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language, terms in SEED:
        SynonymGroup.objects.get_or_create(language=language, terms=terms)


def unseed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for language, terms in SEED:
        SynonymGroup.objects.filter(language=language, terms=terms).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms_and_unanswered_queries")]

    operations = [migrations.RunPython(seed, unseed)]
