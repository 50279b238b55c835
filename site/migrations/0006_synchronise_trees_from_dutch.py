"""Every other content language synchronises its page tree from Dutch.

wagtail-localize then keeps the trees in step: a Dutch page made in the admin
gets an alias in each other language (shown there as "only in Dutch") until it
is translated. Configuration, not content: editors can change it under
Settings → Locales. Reversing removes only what this created.
"""

from django.conf import settings
from django.db import migrations


def synchronise(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return
    for locale in Locale.objects.exclude(pk=source.pk):
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})


def unsynchronise(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.filter(
        sync_from__language_code=settings.LANGUAGE_CODE
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("limburg", "0005_partner_sections_and_curation"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(synchronise, unsynchronise)]
