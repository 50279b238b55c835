"""A bounded soak test (``manage.py soak``, ``make soak``): anonymous readers and searches
against a running server while an editor publishes pages, then a check that every
published page can be read and found.

Readers are threads that speak HTTP (``urllib``) to the server; the editor publishes
through the ORM the way the admin does, in this process, against the database the
server uses. Only loopback addresses are accepted: this is load, and it stays on
this machine.
"""

import html
import http.client
import ipaddress
import random
import socket
import string
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlencode, urljoin, urlsplit

from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from limburg.models import ContentPage, HomePage, Place, Theme

# How often each kind of request comes up in a reader's mix (relative weights).
WEIGHTS = {
    "page": 30,
    "listing": 15,
    "search": 15,
    "home": 10,
    "api": 10,
    "autocomplete": 8,
    "feed": 5,
    "fresh": 5,
    "sitemap": 2,
}
# Words residents type, Dutch first; a few English ones for the English search page.
SEARCH_WORDS = {
    "nl": [
        "gezondheid",
        "wijk",
        "armoede",
        "jongeren",
        "leefbaarheid",
        "eenzaamheid",
        "samenwerking",
        "bewoners",
        "veiligheid",
        "wonen",
        "onderwijs",
        "buurthuis",
        "schulden",
        "vrijwilligers",
        "dorp",
    ],
    "en": ["health", "neighbourhood", "poverty", "young people"],
}
TEXT_WORDS = SEARCH_WORDS["nl"] + ["aanpak", "partners", "ontmoeting", "regio", "resultaten"]
SECTION_SLUG = "duurtest"
MARK = "Duurtest"
TIMEOUT = 60  # seconds; longer than gunicorn's worker timeout, so the server decides
SERVER_LOG_SIGNS = {
    "tracebacks": "Traceback (most recent call last)",
    "database_locked": "database is locked",
    "worker_timeouts": "WORKER TIMEOUT",
}


class NotLoopback(ValueError):
    pass


def require_loopback(url):
    """The URL's host must resolve to loopback addresses only; anything else is refused."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise NotLoopback(f"{url!r} is not an http(s) URL.")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise NotLoopback(f"{parts.hostname!r} does not resolve: {error}") from None
    addresses = {info[4][0].split("%")[0] for info in infos}
    outside = sorted(a for a in addresses if not ipaddress.ip_address(a).is_loopback)
    if outside:
        raise NotLoopback(
            f"{parts.hostname} resolves to {', '.join(outside)}: the soak runs against "
            "loopback addresses only (127.0.0.1, ::1)."
        )


# -- HTTP --------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer of its own: counted as 3xx, never followed."""

    def redirect_request(self, *args, **kwargs):
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


@dataclass
class Response:
    status: int | None  # None: no HTTP answer at all
    body: str
    seconds: float
    error: str = ""  # the connection error's kind, when there was no answer


def fetch(url, timeout=TIMEOUT):
    """GET ``url``; every outcome is a Response, a refused or dropped connection included."""
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"User-Agent": "limburg-soak"})
    try:
        with _OPENER.open(request, timeout=timeout) as answer:
            status, body = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    except urllib.error.URLError as error:
        reason = error.reason
        kind = type(reason).__name__ if isinstance(reason, BaseException) else str(reason)
        return Response(None, "", time.perf_counter() - started, kind)
    except (OSError, http.client.HTTPException) as error:
        # The connection dropped before or during the answer (RemoteDisconnected,
        # ConnectionResetError, IncompleteRead, a timeout while reading).
        return Response(None, "", time.perf_counter() - started, type(error).__name__)
    return Response(status, body.decode("utf-8", "replace"), time.perf_counter() - started)


def percentile(values, fraction):
    """Nearest-rank percentile (as in ``benchmark_search``); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


class Tally:
    """Every request's outcome, by kind; safe to share between reader threads."""

    def __init__(self):
        self._lock = threading.Lock()
        self._statuses = defaultdict(Counter)  # kind -> status -> count
        self._connection_errors = defaultdict(Counter)  # kind -> error kind -> count
        self._seconds = defaultdict(list)  # kind -> latencies of answered requests
        self.examples = {}  # (kind, status or error) -> the first path that gave it

    def record(self, kind, path, response):
        with self._lock:
            if response.status is None:
                self._connection_errors[kind][response.error] += 1
                self.examples.setdefault((kind, response.error), path)
                return
            self._statuses[kind][response.status] += 1
            self._seconds[kind].append(response.seconds)
            if response.status >= 400:
                self.examples.setdefault((kind, response.status), path)

    def summary(self, elapsed):
        with self._lock:
            kinds = {}
            for kind in sorted(set(self._statuses) | set(self._connection_errors)):
                statuses = self._statuses[kind]
                seconds = self._seconds[kind]
                answered = sum(statuses.values())
                connection_errors = sum(self._connection_errors[kind].values())
                kinds[kind] = {
                    "requests": answered + connection_errors,
                    "ok": sum(n for status, n in statuses.items() if status < 300),
                    "3xx": sum(n for status, n in statuses.items() if 300 <= status < 400),
                    "4xx": sum(n for status, n in statuses.items() if 400 <= status < 500),
                    "5xx": sum(n for status, n in statuses.items() if status >= 500),
                    "connection_errors": connection_errors,
                    "p50_ms": _ms(percentile(seconds, 0.50)),
                    "p99_ms": _ms(percentile(seconds, 0.99)),
                }
            every = [s for seconds in self._seconds.values() for s in seconds]
            total = sum(kind["requests"] for kind in kinds.values())
            by_status = Counter()
            for statuses in self._statuses.values():
                by_status.update(statuses)
            connection_errors = Counter()
            for errors in self._connection_errors.values():
                connection_errors.update(errors)
            return {
                "requests": total,
                "requests_per_s": round(total / elapsed, 1) if elapsed else 0.0,
                "latency_ms": {
                    "p50": _ms(percentile(every, 0.50)),
                    "p99": _ms(percentile(every, 0.99)),
                    "max": _ms(max(every, default=None)),
                },
                "kinds": kinds,
                "errors": {
                    "4xx": {str(s): n for s, n in sorted(by_status.items()) if 400 <= s < 500},
                    "5xx": {str(s): n for s, n in sorted(by_status.items()) if s >= 500},
                    "connection": dict(sorted(connection_errors.items())),
                },
                "error_examples": [
                    {"kind": kind, "error": str(error), "path": path}
                    for (kind, error), path in sorted(
                        self.examples.items(), key=lambda item: str(item[0])
                    )
                ],
            }


# -- Discovery ---------------------------------------------------------------------


class _LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []  # hrefs of <a>
        self.feeds = []  # hrefs of <link rel="alternate" type="application/…+xml">

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        href = attrs.get("href")
        if not href:
            return
        if tag == "a":
            self.links.append(href)
        elif tag == "link" and attrs.get("type", "").endswith(("rss+xml", "atom+xml")):
            self.feeds.append(href)


def _links(page_path, body):
    parser = _LinkParser()
    parser.feed(body)
    resolve = lambda href: urljoin(page_path, href)  # noqa: E731 - a local shorthand
    return [resolve(href) for href in parser.links], [resolve(href) for href in parser.feeds]


def _local_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def discover(base_url, tally, rng, max_per_kind=40):
    """What readers ask for, found from the site itself: the sitemap's pages, the section
    fronts' filter links and feeds, searches (and the facet links of two of them per
    language), the autocomplete, the site-wide feeds and the API. Every request made
    here is tallied in ``tally``; nothing is left out for what it answered."""
    targets = defaultdict(list)

    def get(path):
        response = fetch(base_url + path)
        tally.record("discovery", path, response)
        return response

    def links_to(path, body, base_path):
        """The links on a page back to ``base_path`` with a query string (its filters)."""
        links, _feeds = _links(path, body)
        return [
            _local_path(link)
            for link in links
            if urlsplit(link).path == base_path and urlsplit(link).query
        ]

    sitemap_path = reverse("sitemap")
    targets["sitemap"].append(sitemap_path)
    sitemap = get(sitemap_path)
    pages = []
    if sitemap.status == 200:
        namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
        tree = ElementTree.fromstring(sitemap.body)
        pages = [_local_path(loc.text.strip()) for loc in tree.iter(f"{namespace}loc")]
    languages = [
        code for code in ("nl", "en") if Locale.objects.filter(language_code=code).exists()
    ]
    homes = [f"/{code}/" for code in languages]
    targets["home"] = homes
    targets["page"] = [path for path in pages if path not in homes]

    # Section fronts (/nl/<section>/): those with filter links are listings.
    sections = [path for path in pages if path.count("/") == 3]
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(get, sections))
    for section, response in zip(sections, answers, strict=True):
        if response.status != 200:
            continue
        filters = links_to(section, response.body, section)
        if filters:
            targets["listing"].append(section)
            targets["listing"].extend(rng.sample(filters, min(len(filters), 8)))
        targets["feed"].extend(_local_path(feed) for feed in _links(section, response.body)[1])

    searches = []  # (search page, a search on it), whose facet links join the mix
    for code in languages:
        with translation.override(code):
            search_path = reverse("search")
            autocomplete_path = reverse("search_autocomplete")
            targets["feed"] += [reverse("feed"), reverse("feed_atom")]
        for number, word in enumerate(SEARCH_WORDS[code]):
            path = f"{search_path}?{urlencode({'query': word})}"
            targets["search"].append(path)
            if number < 2:
                searches.append((search_path, path))
            for length in (3, 5):
                query = urlencode({"query": word[:length]})
                targets["autocomplete"].append(f"{autocomplete_path}?{query}")
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(get, [path for _search_path, path in searches]))
    for (search_path, path), response in zip(searches, answers, strict=True):
        if response.status == 200:
            facets = [link for link in links_to(path, response.body, search_path) if "&" in link]
            targets["search"].extend(rng.sample(facets, min(len(facets), 3)))

    api = reverse("wagtailapi:pages:listing")
    theme_slugs = Theme.objects.filter(locale__language_code="nl").values_list("slug", flat=True)
    place_codes = Place.objects.gemeenten().values_list("code", flat=True)
    api_queries = [
        {"limit": 20},
        {"locale": "nl", "limit": 20, "offset": 20},
        {"type": "limburg.ContentPage", "fields": "summary,themes,places"},
        {"search": "wijk", "locale": "nl"},
        *({"theme": slug, "locale": "nl"} for slug in theme_slugs[:3]),
        *({"place": code} for code in place_codes[:3]),
    ]
    targets["api"] = [f"{api}?{urlencode(query)}" for query in api_queries]

    for kind, paths in targets.items():
        unique = list(dict.fromkeys(paths))
        targets[kind] = unique if len(unique) <= max_per_kind else rng.sample(unique, max_per_kind)
    return dict(targets)


# -- The editor --------------------------------------------------------------------


@dataclass
class PublishedPage:
    title: str
    word: str  # found in nothing but this page: its search key
    path: str


def _letters(number, width):
    """``number`` written in lowercase letters only (a search word without digits)."""
    out = ""
    for _ in range(width):
        number, digit = divmod(number, 26)
        out = string.ascii_lowercase[digit] + out
    return out


class Editor:
    """Publishes a new content page under one section the way the admin does: add it
    as a draft, save a revision, publish the revision."""

    def __init__(self, rng, language="nl"):
        self.rng = rng
        self.locale = Locale.objects.get(language_code=language)
        self.run = "".join(rng.choices(string.ascii_lowercase, k=5))
        self.count = 0
        self.themes = list(Theme.objects.filter(locale=self.locale))
        self.places = list(Place.objects.gemeenten()[:40])

    def section(self):
        """The section the soak publishes under (created once, beside the demo content)."""
        home = HomePage.objects.get(locale=self.locale)
        section = ContentPage.objects.child_of(home).filter(slug=SECTION_SLUG).first()
        if section is None:
            section = ContentPage(
                title=MARK,
                slug=SECTION_SLUG,
                summary="Pagina's die de duurtest (manage.py soak) publiceert.",
                live=False,
            )
            home.add_child(instance=section)
        if not section.live:
            section.save_revision(log_action=True).publish()
        return section

    def publish(self, parent):
        self.count += 1
        word = f"zq{self.run}{_letters(self.count, 3)}"
        words = self.rng.sample(TEXT_WORDS, 6)
        title = f"{MARK} {self.count} {word} {words[0]} {words[1]}"
        page = ContentPage(
            title=title,
            slug=f"{SECTION_SLUG}-{self.run}-{self.count}",
            summary=" ".join(words[2:]),
            body=[
                {
                    "type": "paragraph",
                    "value": "<p>" + " ".join(self.rng.choices(TEXT_WORDS, k=60)) + "</p>",
                }
            ],
            live=False,
        )
        if self.themes:
            page.themes = self.rng.sample(self.themes, min(2, len(self.themes)))
        if self.places:
            page.places = [self.rng.choice(self.places)]
        parent.add_child(instance=page)
        page.save_revision(log_action=True).publish()
        return PublishedPage(title=title, word=word, path=_local_path(page.get_url()))


# -- The soak ----------------------------------------------------------------------


@dataclass
class Soak:
    base_url: str
    targets: dict  # kind -> [path]
    duration: float = 180.0
    readers: int = 8
    interval: float = 3.0  # seconds between publications
    pause: float = 0.0  # each reader's pause between requests
    settle: float = 15.0  # how long a published page may take to become visible
    editor: Editor | None = None
    search_path: str = ""
    seed: int | None = None
    tally: Tally = field(default_factory=Tally)
    discovery: Tally | None = None  # the requests ``discover`` made, reported apart

    def __post_init__(self):
        self.base_url = self.base_url.rstrip("/")
        self.published = []
        self.publish_seconds = []
        self.publish_failures = Counter()
        self._fresh = []  # paths of pages published during the run, newest last
        self._stop = threading.Event()
        self._rng = random.Random(self.seed)

    def run(self):
        parent = self.editor.section() if self.editor is not None else None
        started = time.monotonic()
        threads = [
            threading.Thread(
                target=self._read, args=(random.Random(self._rng.random()),), daemon=True
            )
            for _ in range(self.readers)
        ]
        for thread in threads:
            thread.start()
        try:
            self._edit(parent, started + self.duration)
        finally:
            self._stop.set()
            for thread in threads:
                thread.join()
        elapsed = time.monotonic() - started
        visibility = self._check_visibility()
        return self._report(elapsed, visibility)

    def _read(self, rng):
        kinds = [kind for kind in WEIGHTS if self.targets.get(kind)] + [
            kind for kind in self.targets if kind not in WEIGHTS and self.targets[kind]
        ]
        if self.editor is not None:
            kinds.append("fresh")  # the pages published last, read as soon as they are live
        weights = [WEIGHTS.get(kind, 1) for kind in kinds]
        while not self._stop.is_set():
            kind = rng.choices(kinds, weights)[0]
            if kind == "fresh":
                if not self._fresh:
                    continue
                path = rng.choice(self._fresh[-5:])
            else:
                path = rng.choice(self.targets[kind])
            self.tally.record(kind, path, fetch(self.base_url + path))
            if self.pause:
                self._stop.wait(self.pause)

    def _edit(self, parent, deadline):
        """Publish every ``interval`` seconds until the deadline (without an editor: wait)."""
        if self.editor is None:
            self._stop.wait(max(0.0, deadline - time.monotonic()))
            return
        tick = time.monotonic()
        while tick < deadline:
            self._stop.wait(max(0.0, tick - time.monotonic()))
            started = time.perf_counter()
            try:
                page = self.editor.publish(parent)
            except DatabaseError as error:
                # What an editor would meet as an error page; reported, never retried.
                self.publish_failures[f"{type(error).__name__}: {error}"] += 1
            else:
                self.publish_seconds.append(time.perf_counter() - started)
                self.published.append(page)
                self._fresh.append(page.path)
            tick = max(tick + self.interval, time.monotonic())

    def _check_visibility(self):
        """Every published page answers 200 with its title, and searching its word finds it
        (a link to it among the results). Each may take up to ``settle`` seconds."""
        checks = [
            {"page": False, "search": not self.search_path, "answers": {}} for _ in self.published
        ]
        deadline = time.monotonic() + self.settle
        while True:
            for page, check in zip(self.published, checks, strict=True):
                if not check["page"]:
                    response = fetch(self.base_url + page.path)
                    check["answers"]["page"] = response.status or response.error
                    check["page"] = (
                        response.status == 200 and html.escape(page.title) in response.body
                    )
                if not check["search"]:
                    query = urlencode({"query": page.word})
                    response = fetch(f"{self.base_url}{self.search_path}?{query}")
                    check["answers"]["search"] = response.status or response.error
                    check["search"] = response.status == 200 and page.path in response.body
            if all(c["page"] and c["search"] for c in checks) or time.monotonic() > deadline:
                break
            time.sleep(1)
        return {
            "checked": len(checks),
            "page_answers_with_title": sum(check["page"] for check in checks),
            "found_by_search": sum(check["search"] for check in checks)
            if self.search_path
            else None,
            "invisible": [
                {
                    "path": page.path,
                    "title": page.title,
                    "page": check["page"],
                    "page_last_answer": check["answers"].get("page"),
                    "search": check["search"],
                    "search_last_answer": check["answers"].get("search"),
                }
                for page, check in zip(self.published, checks, strict=True)
                if not (check["page"] and check["search"])
            ],
        }

    def _report(self, elapsed, visibility):
        summary = self.tally.summary(elapsed)
        discovery = self.discovery.summary(0) if self.discovery is not None else None
        rows = [*summary["kinds"].values(), *(discovery["kinds"].values() if discovery else [])]
        server_errors = sum(row["5xx"] for row in rows)
        connection_errors = sum(row["connection_errors"] for row in rows)
        failures = []
        if server_errors:
            failures.append(f"{server_errors} server errors (5xx)")
        if connection_errors:
            failures.append(f"{connection_errors} connection errors")
        if self.publish_failures:
            failures.append(f"{sum(self.publish_failures.values())} publications failed")
        if visibility["invisible"]:
            failures.append(f"{len(visibility['invisible'])} published pages not visible")
        return {
            "target": self.base_url,
            "database": connection.vendor,
            "duration_s": round(elapsed, 1),
            "readers": self.readers,
            **summary,
            "discovery": {
                key: sum(row[key] for row in discovery["kinds"].values())
                for key in ("requests", "ok", "3xx", "4xx", "5xx", "connection_errors")
            }
            if discovery
            else None,
            "publishing": {
                "interval_s": self.interval,
                "published": len(self.published),
                "failed": sum(self.publish_failures.values()),
                "failures": dict(self.publish_failures),
                "p50_ms": _ms(percentile(self.publish_seconds, 0.50)),
                "max_ms": _ms(max(self.publish_seconds, default=None)),
            }
            if self.editor is not None
            else None,
            "visibility": visibility,
            "failures": failures,
            "passed": not failures,
        }


def scan_server_log(path, offset):
    """Counts of the signs of trouble the server wrote to its log after ``offset``."""
    with open(path, encoding="utf-8", errors="replace") as log:
        log.seek(offset)
        text = log.read()
    return {name: text.count(sign) for name, sign in SERVER_LOG_SIGNS.items()}


def format_report(report):
    """The report as the lines a person reads."""
    lines = [
        f"Soak of {report['target']}: {report['duration_s']} s, {report['readers']} readers, "
        f"database {report['database']}",
        "",
        f"{'kind':<14}{'requests':>9}{'ok':>8}{'3xx':>6}{'4xx':>6}{'5xx':>6}{'conn':>6}"
        f"{'p50 ms':>9}{'p99 ms':>9}",
    ]
    for kind, row in report["kinds"].items():
        lines.append(
            f"{kind:<14}{row['requests']:>9}{row['ok']:>8}{row['3xx']:>6}{row['4xx']:>6}"
            f"{row['5xx']:>6}{row['connection_errors']:>6}"
            f"{_fmt(row['p50_ms']):>9}{_fmt(row['p99_ms']):>9}"
        )
    latency = report["latency_ms"]
    lines += [
        f"{'all':<14}{report['requests']:>9}{'':>38}{_fmt(latency['p50']):>9}"
        f"{_fmt(latency['p99']):>9}",
        "",
        f"Requests/s: {report['requests_per_s']} (max latency {_fmt(latency['max'])} ms)",
        "Errors: "
        + "; ".join(f"{group} {errors or 'none'}" for group, errors in report["errors"].items()),
    ]
    lines += [
        f"  first {example['error']} on {example['kind']}: {example['path']}"
        for example in report["error_examples"]
    ]
    if report["discovery"] is not None:
        found = report["discovery"]
        lines.append(
            f"Discovery before the run: {found['requests']} requests, {found['4xx']} 4xx, "
            f"{found['5xx']} 5xx, {found['connection_errors']} connection errors"
        )
    publishing = report["publishing"]
    if publishing is not None:
        lines.append(
            f"Published: {publishing['published']} pages every {publishing['interval_s']} s, "
            f"{publishing['failed']} failed; publish p50 {_fmt(publishing['p50_ms'])} ms, "
            f"max {_fmt(publishing['max_ms'])} ms"
        )
        lines += [f"  {n} × {failure}" for failure, n in publishing["failures"].items()]
        visibility = report["visibility"]
        checked = visibility["checked"]
        lines.append(
            f"Visible afterwards: {visibility['page_answers_with_title']}/{checked} answer 200 "
            f"with their title, {visibility['found_by_search']}/{checked} found by searching it"
        )
        lines += [
            f"  NOT VISIBLE {page['path']}: page {page['page_last_answer']}, "
            f"search {'found' if page['search'] else page['search_last_answer']}"
            for page in visibility["invisible"]
        ]
    if "server_log" in report:
        log = report["server_log"]
        lines.append(
            f"Server log: {log['tracebacks']} tracebacks, {log['database_locked']} "
            f"'database is locked', {log['worker_timeouts']} worker timeouts"
        )
    lines.append("PASSED" if report["passed"] else "FAILED: " + "; ".join(report["failures"]))
    return lines


def _fmt(value):
    return "-" if value is None else f"{value:.0f}"
