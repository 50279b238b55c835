"""Servers of the tests' own: a copy of the test database, served by gunicorn.

The test database holds the demo content (loaded once per run). Browser tests that
only read, and the soak, get a copy of it served by a real gunicorn, instead of the
live server that must load the demo again for every transactional test.
"""

import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from limburg.bench import free_port

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def copy_test_database(folder, suffix):
    """A copy of the test database as it is now; its URL. SQLite: the online backup API
    into a file in ``folder``; PostgreSQL: a database made from it as a template."""
    if connection.vendor == "sqlite":
        path = Path(folder) / f"{suffix}.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as copy:
            connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{path}"
    from psycopg import sql

    source, name = connection.settings_dict["NAME"], f"{connection.settings_dict['NAME']}_{suffix}"
    # A template database must have no other sessions: ours included, and any a thread or
    # a server of an earlier test left open (each xdist worker has a test database of its
    # own, so every session on it is this process's).
    connections.close_all()
    with postgres_admin() as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> pg_backend_pid()",
            [source],
        )
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(source)
            )
        )
    server = postgres_server()
    credentials = server["user"] + (f":{server['password']}" if server["password"] else "")
    return f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"


def drop_database_copy(url):
    if not url.startswith("postgres"):
        return
    from psycopg import sql

    name = url.rsplit("/", 1)[1]
    with postgres_admin() as admin:
        drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        admin.execute(drop.format(sql.Identifier(name)))


def postgres_server():
    settings_dict = connection.settings_dict
    return {
        "host": settings_dict["HOST"] or "127.0.0.1",
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"],
    }


def postgres_admin():
    from psycopg import connect

    return connect(dbname="postgres", autocommit=True, **postgres_server())


def server_env(database_url, **extra):
    """The test settings in a process of their own, on the copy, with this run's media."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="limburg.settings.test",
        DATABASE_URL=database_url,
        TEST_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        TEST_PRIVATE_MEDIA_ROOT=str(settings.PRIVATE_MEDIA_ROOT),
        **extra,
    )
    return env


@contextmanager
def gunicorn(env, *, workers=2, threads=1, log=None):
    """gunicorn on a free loopback port, answering before this yields its base URL."""
    base = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "limburg.wsgi:application", "--bind", base[7:]]
        + ["--workers", str(workers), "--threads", str(threads), "--preload"]
        + ["--error-logfile", "-"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log if log is not None else subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(base + "/nl/", timeout=30):  # noqa: S310 - loopback
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)
