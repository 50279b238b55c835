"""`make bench`: requests/s and latency of the main pages under gunicorn, cached and not."""

import json
import os
import tempfile

from django.core.management.base import BaseCommand

from casestudies.management.commands.generate_benchmark_pages import WORDS
from limburg.bench import Varying, gunicorn, measure, table

PAGES = [
    ("home", "/nl/"),
    ("case studies, theme + gemeente", "/nl/praktijkvoorbeelden/?theme=gezondheid&gemeente=GM0917"),
    ("case study", "/nl/praktijkvoorbeelden/donderberg-roermond/"),
    ("area profile", "/nl/gebieden/GM0917-heerlen/"),
    # The same query again: its total and facet counts come from the fragment cache.
    ("search", "/nl/zoeken/?query=gezondheid+wijk"),
    # Two of the generated pages' words, a pair not asked before: all of it is computed.
    ("search, a new query each time", Varying("/nl/zoeken/", tuple(WORDS))),
]


class Command(BaseCommand):
    help = (
        "Serve this database with gunicorn (production settings), page cache on and off, "
        "and drive the main pages with wrk. Prints a table; asserts nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="wrk's run per page")
        parser.add_argument(
            "--connections",
            type=int,
            default=8,
            help="with the page cache on (throughput); off, one per worker (latency, no queue)",
        )
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--json", dest="json_path", help="also write the results here")

    def handle(self, *args, seconds, connections, workers, json_path=None, **options):
        results = []
        for mode, timeout in (("on", "3600"), ("off", "0")):
            # A cache of its own per run: the second would find the first's fragments
            # (the new search queries would be old ones).
            with tempfile.TemporaryDirectory(prefix="limburg-bench-") as cache_dir:
                env = {
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "limburg.settings.production",
                    "SECRET_KEY": os.environ.get("SECRET_KEY") or "bench-" + "x" * 50,
                    "HTTPS_ONLY": "false",
                    "ALLOWED_HOSTS": "127.0.0.1",
                    "PAGE_CACHE_TIMEOUT": timeout,
                    "PAGE_CACHE_DIR": cache_dir,
                }
                self.stdout.write(f"gunicorn, {workers} workers, page cache {mode}…")
                with gunicorn(env, workers=workers) as base:
                    # Uncached, more connections than workers would only measure the queue.
                    clients = connections if mode == "on" else workers
                    results += measure(base, PAGES, mode, seconds=seconds, connections=clients)
        self.stdout.write(table(results))
        if json_path:
            with open(json_path, "w") as out:
                json.dump([result.__dict__ for result in results], out, indent=2)
