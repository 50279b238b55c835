"""Import the indicator values of the bundled open data (see SHARED_DATA_DIR/README.md)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from knowledge.monitor.importer import ImportFailed, import_indicators, load_spec


class Command(BaseCommand):
    help = "Import indicators from the open data into the neighbourhood monitor (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir", default=str(settings.SHARED_DATA_DIR), help="Folder with the CSV files."
        )
        parser.add_argument(
            "--spec", help="Sources spec (JSON); default: knowledge/monitor/sources.json"
        )

    def handle(self, *args, data_dir, spec, verbosity, **options):
        sources = load_spec(spec) if spec else load_spec()
        bar = tqdm(
            total=len(sources["sources"]),
            unit="file",
            desc="Indicators",
            disable=verbosity < 1,
            file=self.stderr,
        )

        def progress(name, count):
            bar.set_postfix_str(f"{name}: {count}")
            bar.update(1)

        try:
            result = import_indicators(data_dir, sources, progress=progress)
        except ImportFailed as failure:
            bar.close()
            raise CommandError(
                "Nothing was imported:\n" + "\n".join(f"  {error}" for error in failure.errors)
            ) from None
        bar.close()
        if verbosity >= 1:
            self.stdout.write(
                f"Indicators imported: {result.values} values from {result.sources} files."
            )
            for file, line, code, reason in result.skipped:
                self.stdout.write(f"  Not imported: {file}, line {line} ({code}): {reason}.")
