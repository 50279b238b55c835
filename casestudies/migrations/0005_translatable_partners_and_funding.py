"""Partners and funding rows of a case study become translatable (wagtail-localize):
each existing row takes its page's locale and a key of its own."""

from django.db import migrations

from limburg.migration_operations import make_rows_translatable


class Migration(migrations.Migration):
    atomic = False  # see make_rows_translatable

    dependencies = [
        ("casestudies", "0004_page_pinned_flag"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = make_rows_translatable("casestudies", ["CaseStudyPartner", "CaseStudyFunding"])
