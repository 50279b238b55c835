"""Parties and milestones of a village deal become translatable (wagtail-localize):
each existing row takes its page's locale and a key of its own."""

from django.db import migrations

from limburg.migration_operations import make_rows_translatable


class Migration(migrations.Migration):
    atomic = False  # see make_rows_translatable

    dependencies = [
        ("knowledge", "0010_events_and_registrations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_rows_translatable("knowledge", ["VillageDealParty", "VillageDealMilestone"])
