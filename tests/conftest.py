"""Shared fixtures: the test database starts with the demo content, loaded once."""

import io

from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

import pytest

from limburg.models import HomePage
from tests.servers import copy_test_database, drop_database_copy


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request, tmp_path_factory):
    # Every test sees the real demo content (pages, places, organisations),
    # inside its own transaction that is rolled back afterwards.
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0, stdout=io.StringIO(), stderr=io.StringIO())
        # Copied now, before a transactional test empties the database: the
        # browser tests that only read are served from this copy (demo_server).
        if any(item.get_closest_marker("e2e") for item in request.session.items):
            request.config.demo_database_url = copy_test_database(
                tmp_path_factory.mktemp("demo"), "demo"
            )
    yield
    url = getattr(request.config, "demo_database_url", None)
    if url:
        with django_db_blocker.unblock():
            drop_database_copy(url)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: a rolled-back test leaves no menu or
    facet counts behind (no signal tells the cache of a rollback)."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def count_queries():
    """How many queries a call makes; pair with django_assert_max_num_queries to show
    that a listing's query count does not grow with its content."""

    def count(call):
        # Counted cold: a later request after a publication finds the fragment
        # cache (menu, footer, facet counts) emptied, and must compare like with like.
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as context:
            call()
        return len(context.captured_queries)

    return count


@pytest.fixture
def locale_nl(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_nl(locale_nl):
    return HomePage.objects.get(locale=locale_nl)


@pytest.fixture
def home_en(locale_en):
    return HomePage.objects.get(locale=locale_en)


@pytest.fixture
def page_by_slug():
    def find(slug, language="nl", model=None):
        pages = Page.objects.filter(slug=slug, locale__language_code=language)
        if model is not None:
            pages = pages.type(model)
        return pages.get().specific

    return find
