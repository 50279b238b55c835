"""Bring a backup made by ``backup`` back into an empty installation.

Everything is checked before anything changes: the archive (a tar with a manifest of this format
version, no member outside its folder, the configured database engine) and the installation
(empty unless ``--force``). Then the database is replaced, the media are put back, and
``migrate`` brings the schema up to this code.
"""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

import wagtail

from limburg.backup import (
    BackupError,
    count_rows,
    installation_contents,
    open_backup,
    restore_backup,
    unknown_migrations,
)


class Command(BaseCommand):
    help = "Restore a backup archive into an empty installation, then run migrate."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="A .tar.gz written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore even into an installation with content: its database is replaced.",
        )

    def handle(self, *args, archive: Path, force: bool, verbosity: int = 1, **options):
        log = self.stdout.write if verbosity > 0 else (lambda message: None)
        try:
            backup = open_backup(archive)
            found = installation_contents()
            if found and not force:
                raise BackupError(
                    f"This installation is not empty: {', '.join(found)}. Restore into an "
                    "empty one (a new database, or one with only `migrate` applied, and empty "
                    "MEDIA_ROOT and PRIVATE_MEDIA_ROOT), or add --force to replace its database."
                )
            if found:
                self.stderr.write(
                    self.style.WARNING(f"Replacing {', '.join(found)}, as --force asks.")
                )
            manifest = backup.manifest
            log(
                f"Restoring {archive}, made {manifest['created']} "
                f"(Django {manifest['django']}, Wagtail {manifest['wagtail']})."
            )
            restore_backup(backup, log=log)
        except BackupError as error:
            raise CommandError(str(error)) from error

        unknown = unknown_migrations()
        if unknown:
            self.stderr.write(
                self.style.WARNING(
                    "The backup comes from newer code: this code does not have the migrations "
                    f"{', '.join(unknown)}. Deploy that version (or a newer one) before use."
                )
            )
        elif manifest["wagtail"] != wagtail.__version__:
            log(f"The backup was made with Wagtail {manifest['wagtail']}; migrating.")
        call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)

        with connection.cursor() as cursor:
            counts = count_rows(cursor)
        log("Restored: " + ", ".join(f"{count} {name}" for name, count in counts.items()) + ".")
        if settings.ELASTICSEARCH_URL:
            log(
                "Search runs on Elasticsearch, whose index is not in the backup: rebuild it "
                "with `python manage.py update_index`."
            )
        if verbosity > 0:
            self.stdout.write(self.style.SUCCESS("Restore complete."))
