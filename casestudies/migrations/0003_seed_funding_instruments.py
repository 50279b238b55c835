"""Seed the funding instruments the programme names (editors manage them afterwards).

Regio Deal, Volkshuisvestingsfonds, Nationaal Programma Leefbaarheid en
Veiligheid, Leefbaarheidsfonds, provinciale Sociale Agenda, eigen middelen and
anders: a controlled vocabulary, not demo content. Reversing removes them.
"""

from django.db import migrations

from casestudies.vocabulary import FUNDING_INSTRUMENTS, seed_funding_instruments


def seed(apps, schema_editor):
    seed_funding_instruments(
        apps.get_model("wagtailcore", "Locale"), apps.get_model("casestudies", "FundingInstrument")
    )


def unseed(apps, schema_editor):
    slugs = [row[0] for row in FUNDING_INSTRUMENTS] + [row[2] for row in FUNDING_INSTRUMENTS]
    apps.get_model("casestudies", "FundingInstrument").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0002_case_study_pages_and_funding"),
        ("limburg", "0002_seed_locales_and_themes"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
