"""The soak machinery (`make soak`): it counts every answer and error as the server gave
it, fails on what must fail, stays on loopback, and runs briefly against gunicorn."""

import json
import re
import subprocess
import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from limburg.soak import NotLoopback, PublishedPage, Soak, fetch, require_loopback
from tests.servers import copy_test_database, drop_database_copy, free_port, server_env

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


class ScriptedHandler(BaseHTTPRequestHandler):
    """Answers by path, and counts what it was asked; /drop hangs up without an answer."""

    answers = {"/ok": 200, "/moved": 301, "/missing": 404, "/broken": 500}

    def do_GET(self):
        with self.server.lock:
            self.server.served[self.path] += 1
        if self.path == "/drop":
            return  # the connection closes with no status line at all
        status = self.answers.get(self.path, 404)
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/ok")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


@pytest.fixture
def scripted_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), ScriptedHandler)
    server.daemon_threads = True
    server.served = Counter()
    server.lock = threading.Lock()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


def test_counts_each_answer_and_dropped_connection_as_the_server_gave_it(scripted_server):
    paths = {"ok": "/ok", "moved": "/moved", "missing": "/missing", "broken": "/broken"}
    paths["dropped"] = "/drop"
    soak = Soak(
        base_url=scripted_server.url,
        targets={kind: [path] for kind, path in paths.items()},
        duration=1,
        readers=2,
    )
    report = soak.run()
    served = scripted_server.served
    assert all(served[path] > 0 for path in paths.values()), served

    kinds = report["kinds"]
    assert {kind: row["requests"] for kind, row in kinds.items()} == {
        kind: served[path] for kind, path in paths.items()
    }
    assert report["requests"] == sum(served.values())
    assert kinds["ok"]["ok"] == served["/ok"]
    assert kinds["moved"]["3xx"] == served["/moved"]  # a redirect is counted, not followed
    assert kinds["missing"]["4xx"] == served["/missing"]
    assert kinds["broken"]["5xx"] == served["/broken"]
    assert kinds["dropped"]["connection_errors"] == served["/drop"]
    assert kinds["dropped"]["p50_ms"] is None  # no answer, no latency
    for row in kinds.values():
        assert row["requests"] == sum(
            row[key] for key in ("ok", "3xx", "4xx", "5xx", "connection_errors")
        )
    assert report["errors"]["5xx"] == {"500": served["/broken"]}
    assert report["errors"]["4xx"] == {"404": served["/missing"]}
    assert sum(report["errors"]["connection"].values()) == served["/drop"]
    assert report["requests_per_s"] > 0
    assert report["publishing"] is None  # no editor in this soak

    assert report["passed"] is False
    assert any("5xx" in failure for failure in report["failures"])
    assert any("connection" in failure for failure in report["failures"])


class GhostEditor:
    """Says it published a page that the server has never heard of."""

    def __init__(self):
        self.count = 0

    def section(self):
        return None

    def publish(self, parent):
        self.count += 1
        return PublishedPage(title=f"Spook {self.count}", word="spook", path="/missing")


def test_a_published_page_that_does_not_appear_fails_the_soak(scripted_server):
    editor = GhostEditor()
    soak = Soak(
        base_url=scripted_server.url,
        targets={"ok": ["/ok"]},
        duration=1,
        readers=1,
        interval=0.4,
        settle=0,
        editor=editor,
        search_path="/zoeken/",
    )
    report = soak.run()

    assert report["errors"]["5xx"] == {}
    assert report["publishing"]["published"] == editor.count >= 2
    visibility = report["visibility"]
    assert visibility["checked"] == editor.count
    assert visibility["page_answers_with_title"] == 0
    assert visibility["found_by_search"] == 0
    assert len(visibility["invisible"]) == editor.count
    assert visibility["invisible"][0]["page_last_answer"] == 404
    assert report["passed"] is False
    assert len(report["failures"]) == 1 and "not visible" in report["failures"][0]


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://[::1]:8000", "http://localhost"])
def test_accepts_loopback_addresses(url):
    require_loopback(url)


@pytest.mark.parametrize(
    "url", ["http://192.0.2.10:8000/", "http://10.1.2.3", "ftp://127.0.0.1/", "127.0.0.1:8000"]
)
def test_refuses_anything_but_loopback_http(url):
    with pytest.raises(NotLoopback):
        require_loopback(url)


def test_the_command_refuses_a_remote_target_before_sending_anything():
    with pytest.raises(CommandError, match="loopback"):
        call_command("soak", url="http://192.0.2.10:8000", duration=1)


# -- Against a real server ---------------------------------------------------------


@pytest.fixture(scope="module")
def soak_database_url(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of the test database (migrated, with the demo content), for a server and a
    soak that write to it from processes of their own."""
    with django_db_blocker.unblock():
        url = copy_test_database(tmp_path_factory.mktemp("soak"), "soak")
    yield url
    with django_db_blocker.unblock():
        drop_database_copy(url)


@pytest.mark.django_db  # before the transactional tests, which empty the test database
def test_soak_against_gunicorn_publishes_reads_and_finds_every_page(soak_database_url, tmp_path):
    env = server_env(soak_database_url)
    log = tmp_path / "gunicorn.log"
    base = f"http://127.0.0.1:{free_port()}"
    with log.open("w") as log_file:
        server = subprocess.Popen(
            [str(BIN / "gunicorn"), "limburg.wsgi:application", "--bind", base[7:]]
            + ["--workers", "2", "--preload", "--error-logfile", "-"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    report_path = tmp_path / "soak.json"
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", "soak", "--url", base, "--duration", "4"]
            + ["--readers", "2", "--interval", "1", "--settle", "10", "--seed", "7"]
            + ["--json", str(report_path), "--server-log", str(log)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        # Independently of the soak: the sitemap lists every page it published.
        sitemap = fetch(base + "/sitemap.xml").body
    finally:
        server.terminate()
        server.wait(timeout=20)

    report = json.loads(report_path.read_text())
    assert report["passed"] is True and report["failures"] == []
    assert report["errors"]["5xx"] == {} and report["errors"]["connection"] == {}
    assert report["discovery"]["requests"] > 0 and report["discovery"]["5xx"] == 0
    kinds = report["kinds"]
    assert set(kinds) <= {"page", "listing", "search", "home", "api", "autocomplete"} | {
        "feed",
        "fresh",
        "sitemap",
    }
    assert report["requests"] == sum(row["requests"] for row in kinds.values()) > 0
    assert report["latency_ms"]["p50"] <= report["latency_ms"]["p99"] <= report["latency_ms"]["max"]

    publishing = report["publishing"]
    assert publishing["failed"] == 0
    assert publishing["published"] >= 3
    assert len(re.findall(r"<loc>[^<]*/nl/duurtest/duurtest-", sitemap)) == publishing["published"]
    visibility = report["visibility"]
    assert visibility["checked"] == publishing["published"]
    assert visibility["page_answers_with_title"] == publishing["published"]
    assert visibility["found_by_search"] == publishing["published"]
    assert visibility["invisible"] == []
    assert report["server_log"]["tracebacks"] == 0
    assert "PASSED" in result.stdout
