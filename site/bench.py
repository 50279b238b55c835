"""The page benchmark (`make bench`): the production setup under load from wrk.

gunicorn with the production settings serves the benchmark database on a free
loopback port, once with the page cache on and once with it off; wrk drives each
page for a few seconds and reports requests per second and latency percentiles
(a Lua ``done`` hook prints them as JSON). Nothing here asserts a timing: the
figures are printed for the README and for people tuning a deployment.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Percentiles in microseconds, and the totals wrk counted.
WRK_REPORT = """
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %f, "p50": %d, "p95": %d, "p99": %d, '
    .. '"non_2xx": %d, "socket_errors": %d}\\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
"""


# Each request asks for ``{path}?query=<two words>``, a pair no connection asked before
# (until the pairs run out): wrk's threads take turns through the pairs.
VARYING_QUERY = """
local words = {{{words}}}
local threads = 0
setup = function(thread)
  thread:set("turn", threads)
  threads = threads + 1
end
local asked = 0
request = function()
  local k = asked * {threads} + turn
  asked = asked + 1
  local first = words[(k % #words) + 1]
  local second = words[(math.floor(k / #words) % #words) + 1]
  return wrk.format("GET", "{path}?query=" .. first .. "+" .. second)
end
"""


@dataclass
class Varying:
    """A page asked with a new search query each time (the words must be URL-safe)."""

    path: str
    words: tuple

    def script(self, threads):
        words = ", ".join(f'"{word}"' for word in self.words)
        return VARYING_QUERY.format(words=words, threads=threads, path=self.path)


@dataclass
class Result:
    name: str
    mode: str
    connections: int
    requests: int
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    failed: int


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - loopback only
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer at {url} within {timeout} s")


@contextmanager
def gunicorn(env, workers=2):
    """gunicorn with the production settings on a free loopback port; stopped however it ends."""
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "limburg.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(workers), "--error-logfile", "-", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/nl/")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def run_wrk(url, *, seconds, connections, threads=2, requests=""):
    """wrk's figures for ``url``; ``requests`` is Lua that makes each request (Varying)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_REPORT + requests)
    try:
        output = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        os.unlink(script.name)
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    return json.loads(line.removeprefix("BENCH "))


def measure(base, pages, mode, *, seconds, connections):
    results = []
    for name, path in pages:
        varying = path if isinstance(path, Varying) else None
        url = base + (varying.path if varying else path)
        # Once before timing: the cached run measures hits, the uncached one a warm process.
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - loopback only
            response.read()
        threads = min(2, connections)
        report = run_wrk(
            url,
            seconds=seconds,
            connections=connections,
            threads=threads,
            requests=varying.script(threads) if varying else "",
        )
        results.append(
            Result(
                name=name,
                mode=mode,
                connections=connections,
                requests=report["requests"],
                per_second=report["requests"] / report["seconds"],
                p50_ms=report["p50"] / 1000,
                p95_ms=report["p95"] / 1000,
                p99_ms=report["p99"] / 1000,
                failed=report["non_2xx"] + report["socket_errors"],
            )
        )
    return results


def table(results):
    lines = [
        "| page | page cache | connections | requests/s | p50 ms | p95 ms | p99 ms | failed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        lines.append(
            f"| {result.name} | {result.mode} | {result.connections} "
            f"| {result.per_second:,.0f} | {result.p50_ms:.1f} "
            f"| {result.p95_ms:.1f} | {result.p99_ms:.1f} | {result.failed} |"
        )
    return "\n".join(lines)
