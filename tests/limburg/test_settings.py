"""Each settings module loads from the environment alone; production fails fast."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "debug": settings.DEBUG,
    "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": str(settings.DATABASES["default"]["NAME"]),
    "conn_max_age": settings.DATABASES["default"]["CONN_MAX_AGE"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "search_config": settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG"),
    "search_urls": settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS"),
    "search_prefix": settings.WAGTAILSEARCH_BACKENDS["default"].get("INDEX_PREFIX"),
    "media_root": str(settings.MEDIA_ROOT),
    "allowed_hosts": settings.ALLOWED_HOSTS,
    "static_storage": settings.STORAGES["staticfiles"]["BACKEND"],
    "language": settings.LANGUAGE_CODE,
    "i18n": settings.WAGTAIL_I18N_ENABLED,
}))
"""
CONFIG_VARIABLES = [
    "DATABASE_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "MEDIA_ROOT",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "HTTPS_ONLY",
    "DATABASE_CONN_MAX_AGE",
]


def load_settings(module, **env):
    clean_env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    clean_env.update(DJANGO_SETTINGS_MODULE=f"limburg.settings.{module}", **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean_env, capture_output=True, text=True
    )


@pytest.mark.parametrize("module", ["dev", "test"])
def test_settings_load_without_any_variables(module):
    result = load_settings(module)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["engine"] == "django.db.backends.sqlite3"
    assert loaded["search"] == "wagtail.search.backends.database"
    assert loaded["cache"].endswith("LocMemCache")
    assert loaded["language"] == "nl"
    assert loaded["i18n"] is True


def test_dev_defaults_to_a_sqlite_file_in_the_project():
    loaded = json.loads(load_settings("dev").stdout)
    assert loaded["debug"] is True
    assert loaded["db_name"] == str(ROOT / "db.sqlite3")


def test_production_refuses_to_start_without_secret_key():
    result = load_settings("production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_loads_with_its_variables():
    result = load_settings(
        "production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="kennis.example.org,www.kennis.example.org",
        DATABASE_URL="postgres://limburg@db.example.org:5432/limburg",
        REDIS_URL="redis://127.0.0.1:6379/1",
        ELASTICSEARCH_URL="http://search.example.org:9200",
        MEDIA_ROOT="/srv/limburg/media",
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["debug"] is False
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["db_name"] == "limburg"
    assert loaded["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert loaded["search"] == "wagtail.search.backends.elasticsearch8"
    assert loaded["search_urls"] == ["http://search.example.org:9200"]
    assert loaded["search_prefix"] == "limburg_"
    assert loaded["media_root"] == "/srv/limburg/media"
    assert loaded["allowed_hosts"] == ["kennis.example.org", "www.kennis.example.org"]
    assert loaded["static_storage"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.mark.parametrize(
    ("module", "url", "variable", "kept"),
    [
        ("production", "postgres://u@localhost/db", None, 60),
        ("production", "postgres://u@localhost/db", "0", 0),
        ("production", "sqlite:////tmp/limburg.sqlite3", None, 0),
        ("dev", "postgres://u@localhost/db", None, 0),
    ],
)
def test_production_workers_keep_their_postgres_connection(module, url, variable, kept):
    env = {"SECRET_KEY": "x" * 50, "DATABASE_URL": url}
    if variable is not None:
        env["DATABASE_CONN_MAX_AGE"] = variable
    result = load_settings(module, **env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["conn_max_age"] == kept


def test_postgres_database_search_uses_the_dutch_configuration():
    loaded = json.loads(load_settings("dev", DATABASE_URL="postgres://u@localhost/db").stdout)
    assert loaded["search"] == "wagtail.search.backends.database"
    assert loaded["search_config"] == "dutch"


def test_a_malformed_boolean_is_a_clear_error():
    result = load_settings("production", SECRET_KEY="x" * 50, HTTPS_ONLY="perhaps")
    assert result.returncode != 0
    assert "HTTPS_ONLY must be a boolean" in result.stderr
