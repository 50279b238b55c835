"""Write the database and the media (public and private) to one archive.

The database is dumped in its own format from one consistent snapshot while the site keeps
running; the archive appears only when it is complete. See ``limburg.backup`` for what it holds.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from limburg.backup import BackupError, create_backup, default_backup_path


class Command(BaseCommand):
    help = (
        "Back up the database and the media to one .tar.gz archive "
        "(default: backups/limburg-<UTC time>.tar.gz). Prints the archive's path."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            metavar="PATH",
            help="Where to write the archive (must not exist yet).",
        )

    def handle(self, *args, output: Path | None, verbosity: int = 1, **options):
        log = self.stdout.write if verbosity > 1 else (lambda message: None)
        output = (output or default_backup_path()).absolute()
        try:
            manifest = create_backup(output, log=log)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if verbosity > 0:
            counts = ", ".join(f"{count} {name}" for name, count in manifest["counts"].items())
            files = ", ".join(
                f"{count} in {folder}/" for folder, count in manifest["media_files"].items()
            )
            size = output.stat().st_size / 1024 / 1024
            self.stdout.write(f"Database: {counts}.")
            self.stdout.write(f"Files: {files}.")
            self.stdout.write(self.style.SUCCESS(f"Backup written ({size:.1f} MB):"))
        # Last, on its own line, for scripts.
        self.stdout.write(str(output))
