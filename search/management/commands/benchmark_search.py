"""Search benchmark: index N generated pages and time typical searches (`make bench`).

Refuses to run on a database that holds anything but benchmark pages: the
generated pages are benchmark data, never mixed with the demo or real content.
Prints indexing time and latency p50/p95 for 20 queries with and without facets.
"""

import logging
import random
import statistics
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings

from wagtail.models import Locale, Page

from limburg import page_cache
from limburg.models import ContentPage, HomePage, Place, Theme
from search.engines import SearchRequest, get_engine
from search.models import SynonymGroup
from search.query import parse_query

MARK = "[benchmark]"
WORDS = [
    "wijk",
    "dorp",
    "gemeente",
    "bewoners",
    "gezondheid",
    "veiligheid",
    "leren",
    "werken",
    "wonen",
    "armoede",
    "schulden",
    "jongeren",
    "ouders",
    "school",
    "sport",
    "buurthuis",
    "ontmoeting",
    "zorg",
    "welzijn",
    "woningcorporatie",
    "leefbaarheid",
    "samenwerking",
    "aanpak",
    "onderzoek",
    "evaluatie",
    "resultaten",
    "lessen",
    "partners",
    "financiering",
    "regio",
    "deal",
    "provincie",
    "limburg",
    "kinderen",
    "ouderen",
    "vrijwilligers",
    "initiatief",
    "groen",
    "openbare",
    "ruimte",
    "mobiliteit",
    "energie",
    "taal",
    "werk",
    "participatie",
    "preventie",
    "overgewicht",
    "bewegen",
    "voeding",
    "stress",
    "eenzaamheid",
    "inkomen",
    "huur",
    "koop",
]
QUERIES = [
    "gezondheid",
    "wijk",
    "armoede schulden",
    "jongeren school",
    "leefbaarheid dorp",
    "zorg welzijn",
    "aandachtswijk",
    '"openbare ruimte"',
    "woningcorporatie",
    "eenzaamheid ouderen",
    "sport bewegen",
    "regio deal",
    "onderzoek evaluatie",
    "taal werk",
    "groen energie",
    "vrijwilligers initiatief",
    "kinderen ouders",
    "huur koop",
    "preventie overgewicht",
    "samenwerking partners",
]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


class Command(BaseCommand):
    help = "Generate benchmark pages in an empty database, index them and time searches."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--repeat", type=int, default=5, help="Runs of each query.")

    def handle(self, *args, pages, repeat, **options):
        # Wagtail logs every page it creates; ten thousand lines are noise here.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        real = (
            Page.objects.filter(depth__gt=1)
            .exclude(title__startswith=MARK)
            .exclude(content_type__model="page")
        )
        if real.exclude(slug="benchmark-home").exists():
            raise CommandError(
                "This database holds real or demo pages. Run the benchmark on its own database "
                "(make bench uses bench.sqlite3)."
            )
        existing = ContentPage.objects.filter(title__startswith=MARK).count()
        if existing < pages:
            with override_settings(WAGTAILSEARCH_BACKENDS=self._without_auto_update()):
                started = time.perf_counter()
                self.generate(pages - existing)
                self.stdout.write(
                    f"Generated {pages - existing} pages in {time.perf_counter() - started:.1f} s"
                )
            started = time.perf_counter()
            call_command("update_index", verbosity=0)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Indexed {pages} pages in {time.perf_counter() - started:.1f} s"
                )
            )
            if connection.vendor == "postgresql":
                # Fresh statistics, as autovacuum keeps them in production: without
                # them the planner expects one page and picks nested loops.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        self.measure(repeat)

    @staticmethod
    def _without_auto_update():
        from django.conf import settings

        backends = {
            name: {**config, "AUTO_UPDATE": False}
            for name, config in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        return backends

    @transaction.atomic
    def generate(self, count):
        rng = random.Random(2026)
        locale = Locale.objects.get(language_code="nl")
        root = Page.get_first_root_node()
        home = HomePage.objects.filter(slug="benchmark-home").first()
        if home is None:
            root.get_children().filter(content_type__model="page", numchild=0).delete()
            home = root.add_child(
                instance=HomePage(
                    title=f"{MARK} home",
                    slug="benchmark-home",
                    introduction="Benchmark",
                    locale=locale,
                )
            )
        themes = list(Theme.objects.filter(locale=locale))
        places = list(Place.objects.gemeenten()) or [None]
        sections = [
            home.add_child(
                instance=ContentPage(title=f"{MARK} sectie {n}", slug=f"sectie-{n}", locale=locale)
            )
            for n in range(10)
        ]
        for number in range(count):
            words = rng.sample(WORDS, 12)
            page = ContentPage(
                title=f"{MARK} {' '.join(words[:4]).capitalize()} {number}",
                slug=f"pagina-{number}",
                locale=locale,
                summary=" ".join(words[4:12]),
                body=[
                    {
                        "type": "paragraph",
                        "value": "<p>" + " ".join(rng.choices(WORDS, k=80)) + "</p>",
                    }
                ],
                live=True,
            )
            sections[number % len(sections)].add_child(instance=page)
            page.themes.set(rng.sample(themes, k=min(2, len(themes))))
            if places[0] is not None:
                page.places.set([rng.choice(places)])
            if number and number % 1000 == 0:
                self.stdout.write(f"  {number} pages")

    def measure(self, repeat):
        engine = get_engine()
        locale = Locale.objects.get(language_code="nl")
        synonyms = [group.term_list for group in SynonymGroup.objects.filter(language="nl")]
        theme = Theme.objects.filter(locale=locale).first()
        for label, filters in (
            ("without facet filter", {}),
            ("with theme filter", {"theme": theme.slug} if theme else {}),
        ):
            timings = []
            for _ in range(repeat):
                for text in QUERIES:
                    request = SearchRequest(
                        parsed=parse_query(text, synonyms),
                        locale_id=locale.pk,
                        language="nl",
                        filters=filters,
                    )
                    # A new generation, as after a publication: the total and facet
                    # counts of the run before are not in the fragment cache.
                    page_cache.start_generation()
                    started = time.perf_counter()
                    engine.search(request)
                    timings.append((time.perf_counter() - started) * 1000)
            self.stdout.write(
                f"{engine.name} search {label} ({len(QUERIES)} queries × {repeat}): "
                f"p50 {statistics.median(timings):.0f} ms, p95 {percentile(timings, 0.95):.0f} ms, "
                f"max {max(timings):.0f} ms (facets counted on every search)"
            )
