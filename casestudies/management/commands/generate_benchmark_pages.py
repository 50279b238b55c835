"""Add generated case studies to a benchmark database (`make bench`): the listing,
its facets, search and the area profiles then work on 10,000 more pages.

Every generated page is marked "[benchmark]" and belongs only in the benchmark's
own database: the command asks for ``--i-know-this-is-a-benchmark-database``, so
it is never run on a real site by mistake.
"""

import logging
import random
import time
from datetime import date

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings

from wagtail.models import Locale

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from limburg.models import Place, Theme

MARK = "[benchmark]"
WORDS = [
    *("wijk", "dorp", "gemeente", "bewoners", "gezondheid", "veiligheid", "leren", "werken"),
    *("wonen", "armoede", "schulden", "jongeren", "ouders", "school", "buurtkamer"),
    *("vrijwilligers", "zorg", "sport", "cultuur", "samen"),
]


class Command(BaseCommand):
    help = "Add N generated case studies (marked [benchmark]) to this benchmark database."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument(
            "--i-know-this-is-a-benchmark-database",
            action="store_true",
            dest="confirmed",
            help="Required: the pages are generated text, never for a real site.",
        )

    def handle(self, *args, pages, confirmed, **options):
        if not confirmed:
            raise CommandError(
                "Generated pages are for a benchmark database only (make bench makes one); "
                "pass --i-know-this-is-a-benchmark-database."
            )
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        existing = CaseStudyPage.objects.filter(title__startswith=MARK).count()
        if existing >= pages:
            self.stdout.write(f"{existing} benchmark pages are there already.")
            return
        backends = {
            name: {**config, "AUTO_UPDATE": False}
            for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        started = time.perf_counter()
        with override_settings(WAGTAILSEARCH_BACKENDS=backends):
            self.generate(existing, pages)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Generated {pages - existing} pages in {elapsed:.0f} s")
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        self.stdout.write(f"Indexed them in {time.perf_counter() - started:.0f} s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    @transaction.atomic
    def generate(self, start, stop):
        rng = random.Random(2026)
        locale = Locale.objects.get(language_code="nl")
        index = CaseStudyIndexPage.objects.get(locale=locale)
        themes = list(Theme.objects.filter(locale=locale))
        places = list(Place.objects.gemeenten())
        for number in range(start, stop):
            words = rng.sample(WORDS, 12)
            page = CaseStudyPage(
                locale=locale,
                title=f"{MARK} {' '.join(words[:4]).capitalize()} {number}",
                slug=f"benchmark-{number}",
                kind=rng.choice(CaseStudyPage.Kind.values),
                status=rng.choice(CaseStudyPage.Status.values),
                start_year=rng.randint(2015, 2025),
                summary=" ".join(words[4:12]),
                introduction="<p>" + " ".join(rng.choices(WORDS, k=60)) + "</p>",
                last_checked=date(2026, 11, 30),
                live=True,
                # Parental relations: saved with the page by add_child.
                themes=rng.sample(themes, k=min(2, len(themes))),
                places=[rng.choice(places)],
            )
            index.add_child(instance=page)
            if number and number % 1000 == 0:
                self.stdout.write(f"  {number} pages")
