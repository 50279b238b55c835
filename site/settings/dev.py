"""Local development: DEBUG on, an insecure key, mail to the console."""

from limburg.settings.base import *  # noqa: F403
from limburg.settings.env import env_bool, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the finders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Trying the demo locally needs no authenticator app; TWO_FACTOR_REQUIRED=true to try it.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
