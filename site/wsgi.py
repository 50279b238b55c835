"""WSGI entry point; gunicorn serves ``limburg.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "limburg.settings.production")

application = get_wsgi_application()
