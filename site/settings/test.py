"""The test suite: fast hashing, mail kept in memory, media in a temporary folder."""

import os
import tempfile

from limburg.settings.base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A server the tests start in a process of their own (tests/servers.py) shares the
# run's folders, so it finds the images the demo made.
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT") or tempfile.mkdtemp(prefix="limburg-test-media-")
PRIVATE_MEDIA_ROOT = os.environ.get("TEST_PRIVATE_MEDIA_ROOT") or tempfile.mkdtemp(
    prefix="limburg-test-private-media-"
)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off, so a test that changes the database without a signal sees its change; the
# page cache's own tests (tests/limburg/test_page_cache.py) turn it on.
PAGE_CACHE_TIMEOUT = 0
# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Two-factor sign-in is on in every other environment; its own tests turn it on
# (tests/limburg/test_accounts.py), so the rest of the suite can log in with force_login.
TWO_FACTOR_REQUIRED = False
