"""The page benchmark's machinery (`make bench`): wrk's figures are read as wrk gave them.

Timings are printed by the benchmark, never asserted; this checks the counting.
"""

import shutil
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from limburg.bench import Varying, measure, table

pytestmark = pytest.mark.skipif(
    not shutil.which("wrk"), reason="wrk is not installed (apt-get install wrk; .ci/run does)"
)


class Answers(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    served = 0
    paths = []

    def do_GET(self):  # noqa: N802 (the HTTP method's name)
        type(self).served += 1
        type(self).paths.append(self.path)
        status = 500 if self.path == "/broken" else 200
        body = b"<p>ok</p>"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Answers)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Answers.served = 0
    Answers.paths = []
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


def test_counts_requests_and_latency_as_wrk_measured_them(server):
    [result] = measure(server, [("ok", "/ok")], "on", seconds=1, connections=2)
    # wrk counts what completed in time: the server also saw the request made before
    # timing, and at most one unfinished request per connection when time ran out.
    assert Answers.served - 1 - 2 <= result.requests <= Answers.served - 1
    assert result.requests > 0 and result.per_second > 0
    assert 0 < result.p50_ms <= result.p95_ms <= result.p99_ms
    assert result.failed == 0
    assert "| ok | on | 2 |" in table([result])


def test_error_answers_are_counted_as_failed(server):
    with pytest.raises(Exception, match="500"):
        # The request before timing already refuses a broken page.
        measure(server, [("broken", "/broken")], "off", seconds=1, connections=1)


def test_a_varying_search_asks_a_new_pair_of_words_each_time(server):
    words = ("wijk", "dorp", "zorg", "sport")
    measure(server, [("varying", Varying("/zoeken/", words))], "off", seconds=1, connections=2)
    asked = Answers.paths[1:]  # after the request made before timing
    pairs = [path.removeprefix("/zoeken/?query=").split("+") for path in asked]
    assert len(asked) > len(words) ** 2  # enough to go round all pairs at least once
    assert all(len(pair) == 2 and set(pair) <= set(words) for pair in pairs)
    # The connections take turns through the 16 pairs: every pair is asked, and none
    # comes round again much before the others (each connection keeps its own count).
    times_asked = Counter(asked)
    assert len(times_asked) == len(words) ** 2
    assert max(times_asked.values()) - min(times_asked.values()) <= 2
