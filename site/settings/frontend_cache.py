"""Purging a CDN or caching proxy in front of the site, configured by the environment.

``FRONTEND_CACHE_BACKEND`` names one of Wagtail's frontend-cache backends:

- ``http``: a proxy that accepts PURGE requests (Varnish, nginx with a purge
  module) at ``FRONTEND_CACHE_LOCATION``;
- ``cloudflare``: ``CLOUDFLARE_BEARER_TOKEN`` and ``CLOUDFLARE_ZONEID``.

Unset, nothing is purged (there is nothing in front to purge).
"""

from django.core.exceptions import ImproperlyConfigured

from limburg.settings.env import env_str

BACKENDS = {
    "http": (
        "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        {"LOCATION": "FRONTEND_CACHE_LOCATION"},
    ),
    "cloudflare": (
        "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        {"BEARER_TOKEN": "CLOUDFLARE_BEARER_TOKEN", "ZONEID": "CLOUDFLARE_ZONEID"},
    ),
}


def frontend_cache_from_env():
    """The WAGTAILFRONTENDCACHE setting the environment asks for."""
    name = (env_str("FRONTEND_CACHE_BACKEND") or "").lower()
    if not name:
        return {}
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE_BACKEND must be one of {', '.join(BACKENDS)}, not {name!r}."
        )
    backend, variables = BACKENDS[name]
    options = {option: env_str(variable, required=True) for option, variable in variables.items()}
    return {name: {"BACKEND": backend, **options}}
