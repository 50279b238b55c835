"""Soak a running server (`make soak`): concurrent anonymous readers and searches while
an editor publishes a page every few seconds; afterwards every published page must
answer with its title and be found by a search for it.

Run it against a server on this machine that uses the same database as this command
(``DATABASE_URL``): the editor publishes through the ORM, here. Only loopback
addresses are accepted. Prints a table of requests per kind with errors and latency;
fails (exit status 1) on any 5xx answer, connection error, failed publication or page
that did not become visible. The pages stay, in a section "Duurtest" under the Dutch
home page: run it on a database of its own (`make soak` uses soak.sqlite3).
"""

import json
import logging
import random
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

from limburg.soak import (
    Editor,
    NotLoopback,
    Soak,
    Tally,
    discover,
    fetch,
    format_report,
    require_loopback,
    scan_server_log,
)


class Command(BaseCommand):
    help = (
        "Soak a server on this machine: readers and searches while an editor publishes; "
        "fails on any 5xx or a published page that is not visible afterwards."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", required=True, help="The server, e.g. http://127.0.0.1:8000")
        parser.add_argument("--duration", type=float, default=180, help="Seconds (default 180).")
        parser.add_argument("--readers", type=int, default=8, help="Reader threads (default 8).")
        parser.add_argument(
            "--interval", type=float, default=3, help="Seconds between publications (default 3)."
        )
        parser.add_argument(
            "--pause", type=float, default=0, help="A reader's pause between requests (default 0)."
        )
        parser.add_argument(
            "--settle",
            type=float,
            default=15,
            help="Seconds a published page may take to become visible afterwards (default 15).",
        )
        parser.add_argument(
            "--wait", type=float, default=60, help="Seconds to wait for the server to answer."
        )
        parser.add_argument("--seed", type=int, default=None, help="Seed for a repeatable mix.")
        parser.add_argument("--json", dest="json_path", help="Also write the report as JSON here.")
        parser.add_argument(
            "--server-log", help="The server's log: count tracebacks and locks written meanwhile."
        )

    def handle(self, *args, url, **options):
        # Every publication is logged by Wagtail; a few hundred lines are noise here.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        try:
            require_loopback(url)
        except NotLoopback as error:
            raise CommandError(str(error)) from None
        base_url = url.rstrip("/")
        self.wait_for(base_url, options["wait"])
        log_path = options["server_log"]
        log_offset = Path(log_path).stat().st_size if log_path else 0

        rng = random.Random(options["seed"])
        discovery = Tally()
        started = time.monotonic()
        targets = discover(base_url, discovery, rng)
        self.stdout.write(
            f"Found in {time.monotonic() - started:.1f} s: "
            + ", ".join(f"{kind} {len(paths)}" for kind, paths in sorted(targets.items()))
            + f" addresses. {options['readers']} readers for {options['duration']:.0f} s, "
            f"a page published every {options['interval']} s."
        )
        with translation.override("nl"):
            search_path = reverse("search")
        soak = Soak(
            base_url=base_url,
            targets=targets,
            duration=options["duration"],
            readers=options["readers"],
            interval=options["interval"],
            pause=options["pause"],
            settle=options["settle"],
            editor=Editor(rng),
            search_path=search_path,
            seed=rng.random(),
            discovery=discovery,
        )
        report = soak.run()
        if log_path:
            report["server_log"] = scan_server_log(log_path, log_offset)
        for line in format_report(report):
            self.stdout.write(line)
        if options["json_path"]:
            Path(options["json_path"]).write_text(json.dumps(report, indent=2, default=str))
        if not report["passed"]:
            raise CommandError("Soak failed: " + "; ".join(report["failures"]))

    def wait_for(self, base_url, seconds):
        deadline = time.monotonic() + seconds
        while True:
            response = fetch(base_url + "/nl/", timeout=10)
            if response.status is not None:
                return
            if time.monotonic() > deadline:
                raise CommandError(
                    f"No answer from {base_url} in {seconds:.0f} s ({response.error})."
                )
            time.sleep(0.5)
