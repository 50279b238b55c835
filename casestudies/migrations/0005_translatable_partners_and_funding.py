"""Partners and funding rows of a case study become translatable (wagtail-localize).

Each existing row takes its page's locale and a key of its own; the nullable
step lets existing rows be filled before the fields become required.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_locale_and_key(apps, schema_editor):
    for name in ("CaseStudyPartner", "CaseStudyFunding"):
        model = apps.get_model("casestudies", name)
        for row in model.objects.select_related("page"):
            row.locale_id = row.page.locale_id
            row.translation_key = uuid.uuid4()
            row.save(update_fields=["locale", "translation_key"])


def translatable(model_name):
    return [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
    ]


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name=model_name, unique_together={("translation_key", "locale")}
        ),
    ]


class Migration(migrations.Migration):
    # PostgreSQL refuses ALTER TABLE after row updates in one transaction (pending
    # trigger events), so each step commits on its own; the data step stays atomic.
    atomic = False

    dependencies = [
        ("casestudies", "0004_page_pinned_flag"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *translatable("casestudypartner"),
        *translatable("casestudyfunding"),
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop, atomic=True),
        *required("casestudypartner"),
        *required("casestudyfunding"),
    ]
