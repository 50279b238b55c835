"""Settings shared by every environment.

Environment variables are read only through ``limburg.settings.env``; the README
lists each one. Environment modules (dev, test, production) import this module
and change only what differs.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from limburg.settings.env import env_bool, env_int, env_list, env_str
from limburg.settings.frontend_cache import frontend_cache_from_env

SITE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SITE_DIR.parent
# Real open data (CBS, Kadaster): a verbatim copy of the programme's shared/data,
# with its provenance README, kept in the repository so every checkout has it.
SHARED_DATA_DIR = Path(env_str("SHARED_DATA_DIR", str(SITE_DIR / "data")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first, so their templates and translations win.
    "limburg",
    "casestudies",
    "knowledge",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers If-None-Match with 304 from the page cache's ETag too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions and the rest: a cached page costs one cache round trip.
    "limburg.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "limburg.middleware.LanguagePrefixLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "limburg.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "limburg.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "limburg.middleware.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out address or user is refused before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "limburg.urls"
WSGI_APPLICATION = "limburg.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "limburg.page_cache.generation_context",
            ],
        },
    },
]

# Database: a SQLite file in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Readers and a writer at once: write-ahead logging lets readers go on during a
    # write, a write takes its lock when it begins (no deadlock on upgrade), and a
    # busy database is waited for before the request gets a "try again" page.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches: Redis when REDIS_URL is set. Otherwise a local in-process cache, and
# for whole pages and fragments a folder every worker of this machine shares
# (an editor's change must empty what every worker serves).
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "limburg",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "limburg-pages",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "page-cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }

# The full-page cache (limburg.page_cache): how long a page is kept at most (any
# change to the public site empties it sooner); 0 turns it off.
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 3600)
PAGE_CACHE_FRAGMENT_TIMEOUT = 3600
# Never from the page cache: the admin, documents (private collections) and the API.
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/api/"]
# For a CDN in front: how long it may keep a page, and serve it stale while it
# fetches a new one. Browsers always ask again (max-age=0, with an ETag).
CACHE_CONTROL_S_MAXAGE = env_int("CACHE_CONTROL_S_MAXAGE", 60)
CACHE_CONTROL_STALE_WHILE_REVALIDATE = env_int("CACHE_CONTROL_STALE_WHILE_REVALIDATE", 30)
# Purged on publish: the page, its sections up to the home page, the feeds (both languages).
WAGTAILFRONTENDCACHE = frontend_cache_from_env()

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Dutch first, English beside it. Adding German or French is a matter
# of adding it here and providing translations (README, "Languages").
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
# A new translation starts as a draft: readers never get Dutch text under an English
# address unmarked. It goes live when its translator publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files: built by `make frontend` into site/static, collected for production.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [SITE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Files with personal data (initiatives' attachments): outside MEDIA_ROOT, never served
# by URL, only through the admin's permission-checked view.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private-media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Django sets a maximum of 1000 fields per form; Wagtail's page editor can exceed it.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "Krachtige Gemeenschappen Limburg"
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "limburg.LimburgImage"
# No SVG: it can carry scripts. Raster formats only, with size and pixel limits
# so a decompression bomb is refused with a form error.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Checked by content, not only by extension (limburg.document_forms).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "limburg.document_forms.CheckedDocumentForm"
# Every document is a download (Content-Disposition: attachment, nosniff, and a CSP
# that allows nothing): none is ever shown as a page of this site.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no calls home from the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no editor's e-mail hash sent to a third party
WAGTAIL_ALLOW_UNICODE_SLUGS = False
TAGGIT_CASE_INSENSITIVE = True

# Named rich text feature sets; every RichTextField and RichTextBlock picks one.
# Headings stop at h2-h4, so the template keeps the page's single h1.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "link",
                "document-link",
                "blockquote",
            ]
        },
    },
    "minimal": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "document-link"]},
    },
}

# Search: the database backend (SQLite FTS5, or PostgreSQL with its Dutch
# configuration) unless ELASTICSEARCH_URL points at a cluster.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "limburg_"),
            "TIMEOUT": 5,
            "ATOMIC_REBUILD": True,
            "OPTIONS": {},
            # Dutch first: every text field is analysed with Dutch stop words and
            # stemming (so "wijken" finds "wijk"). Synonyms are applied when the
            # query is built (search.query), the same way as on the database backend.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": "standard",
                                "filter": [
                                    "lowercase",
                                    "asciifolding",
                                    "dutch_stop",
                                    "dutch_stemmer",
                                ],
                            }
                        },
                        "filter": {
                            "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                            "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                        },
                    }
                }
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            **({"SEARCH_CONFIG": "dutch"} if DATABASE_IS_POSTGRES else {}),
        }
    }

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kennisplatform@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10

# OAI-PMH (knowledge.oai): record identifiers are oai:<OAI_REPOSITORY_IDENTIFIER>:<id>,
# so set it once to the site's domain and never change it afterwards.
OAI_REPOSITORY_IDENTIFIER = env_str("OAI_REPOSITORY_IDENTIFIER", "kennisplatform.limburg.example")
OAI_REPOSITORY_NAME = "Kennisplatform Krachtige gemeenschappen in wijken en dorpen (Limburg)"
OAI_ADMIN_EMAIL = env_str("OAI_ADMIN_EMAIL", DEFAULT_FROM_EMAIL)
OAI_PAGE_SIZE = 100

# Initiatives (knowledge.initiatives): contact details of a declined or completed
# initiative are removed this many days after it closed (`purge_initiatives`).
INITIATIVE_RETENTION_DAYS = env_int("INITIATIVE_RETENTION_DAYS", 365)
# At most this many initiatives per hour from one address (spam defence).
INITIATIVE_RATE_LIMIT = env_int("INITIATIVE_RATE_LIMIT", 5)

# The public API (search/api.py): absolute URLs on the public address, pages of up to 100.
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

# Only behind a proxy that sets it (see README, "Running at scale").
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Security headers (README, "Security"). Public pages get a strict policy: our own
# scripts, styles, fonts and images only, and frames only for the video block's hosts.
VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": VIDEO_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin is not CSP-strict (wagtail#1288): it needs inline scripts and
# styles. It gets its own policy, on its own paths only; it may frame itself (previews).
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *VIDEO_FRAME_SOURCES],
    "frame-ancestors": ["'self'"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Accounts. Failed logins are counted per user name and address: five wrong
# passwords lock that pair out for half an hour (django-axes). The address is the
# one our proxy saw (limburg.http.client_address), never one a client wrote itself.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "limburg.http.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "limburg/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False  # no banner on every command
# Everyone who can publish signs in with a second factor (a TOTP app); see
# limburg.two_factor. The test settings turn it off
# except in the tests of it.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Background task runs (search indexing, reference index) are routine.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}
