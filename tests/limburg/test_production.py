"""The production setup (`make serve`): gunicorn, DEBUG off, whitenoise with hashed static files."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - local server
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("production")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="limburg.settings.production",
        SECRET_KEY="production-test-" + "x" * 40,
        HTTPS_ONLY="false",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp / 'db.sqlite3'}",
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
    )
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_demo", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    port = free_port()
    server = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "limburg.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            fetch(base + "/nl/")
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_serves_the_home_pages_with_debug_off(production_server):
    status, _headers, html = fetch(production_server + "/nl/")
    assert status == 200
    assert '<html lang="nl"' in html
    status, _headers, html = fetch(production_server + "/en/")
    assert status == 200 and '<html lang="en"' in html


def test_static_files_are_hashed_and_cached_for_long(production_server):
    _status, _headers, html = fetch(production_server + "/nl/")
    stylesheet = re.search(r'href="(/static/limburg/css/main\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the stylesheet URL carries its content hash"
    status, headers, css = fetch(production_server + stylesheet.group(1))
    assert status == 200
    assert ".limburg-theme" in css
    assert "immutable" in headers["Cache-Control"]


def test_errors_show_the_sites_own_page_not_a_debug_page(production_server):
    status, _headers, html = fetch(production_server + "/en/does-not-exist/")
    assert status == 404
    assert "Page not found" in html
    assert "Traceback" not in html and "DEBUG" not in html
