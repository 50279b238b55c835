"""Migration operations shared by the apps: making existing child rows translatable.

Used by migrations, so what it builds must stay stable: change it only by adding.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def make_rows_translatable(app_label, model_names):
    """Operations that give existing rows of ``model_names`` wagtail-localize's locale and
    translation key: added nullable, filled from each row's page (a key of its own), then
    required and unique together. The migration using them must set ``atomic = False``:
    PostgreSQL refuses ALTER TABLE after row updates in one transaction.
    """

    def fill(apps, schema_editor):
        for name in model_names:
            model = apps.get_model(app_label, name)
            for row in model.objects.select_related("page"):
                row.locale_id = row.page.locale_id
                row.translation_key = uuid.uuid4()
                row.save(update_fields=["locale", "translation_key"])

    def locale_field(**options):
        return models.ForeignKey(
            editable=False,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="wagtailcore.locale",
            verbose_name="locale",
            **options,
        )

    names = [name.lower() for name in model_names]
    return [
        *[
            operation
            for name in names
            for operation in (
                migrations.AddField(name, "locale", locale_field(null=True)),
                migrations.AddField(
                    name, "translation_key", models.UUIDField(editable=False, null=True)
                ),
            )
        ],
        migrations.RunPython(fill, migrations.RunPython.noop, atomic=True),
        *[
            operation
            for name in names
            for operation in (
                migrations.AlterField(name, "locale", locale_field()),
                migrations.AlterField(
                    name, "translation_key", models.UUIDField(default=uuid.uuid4, editable=False)
                ),
                migrations.AlterUniqueTogether(name, {("translation_key", "locale")}),
            )
        ],
    ]
