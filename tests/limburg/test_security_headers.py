"""Security headers on every kind of response, and production settings that pass
Django's deployment check with no warning."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "limburg.settings.production",
    "SECRET_KEY": "deploy-check-" + "k7Qz9pWv" * 8,
    "ALLOWED_HOSTS": "kennisplatform.limburg.example",
    "BASE_URL": "https://kennisplatform.limburg.example",
}
UNSET = {
    "DATABASE_URL",
    "REDIS_URL",
    "ELASTICSEARCH_URL",
    "HTTPS_ONLY",
    "DJANGO_SETTINGS_MODULE",
    # The browser tests set it in this process; a deployment never does.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def production(*args, code=None):
    env = {key: value for key, value in os.environ.items() if key not in UNSET}
    env.update(PRODUCTION_ENV)
    command = [sys.executable, "-c", code] if code else [sys.executable, "manage.py", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)


def policy(response):
    """The Content-Security-Policy header as {directive: [values]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_production_passes_the_deployment_check_without_warnings():
    result = production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_and_transport():
    probe = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({name: getattr(settings, name) for name in (
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE", "CSRF_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "TWO_FACTOR_REQUIRED",
)} | {"csp": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"].get("upgrade-insecure-requests")}))
"""
    result = production(code=probe)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["SESSION_COOKIE_SECURE"] and loaded["CSRF_COOKIE_SECURE"]
    assert loaded["SESSION_COOKIE_HTTPONLY"]
    assert loaded["SESSION_COOKIE_SAMESITE"] == loaded["CSRF_COOKIE_SAMESITE"] == "Lax"
    assert loaded["SECURE_SSL_REDIRECT"]
    assert loaded["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert loaded["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert loaded["TWO_FACTOR_REQUIRED"]
    assert loaded["csp"] is True


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    "url",
    ["/nl/", "/en/", "/nl/zoeken/?query=wijk", "/nl/praktijkvoorbeelden/", "/nl/bestaat-niet/"],
)
def test_public_pages_get_a_strict_policy(client, url):
    response = client.get(url)
    assert_common_headers(response)
    directives = policy(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/sitemap.xml", "/oai/?verb=Identify"])
def test_machine_outputs_get_the_strict_policy_too(client, url):
    response = client.get(url)
    assert_common_headers(response)
    assert policy(response)["script-src"] == ["'self'"]


def test_the_admin_gets_its_own_policy_on_its_paths_only(admin_client):
    response = admin_client.get("/admin/pages/")
    assert response.status_code == 200
    assert_common_headers(response)
    directives = policy(response)
    # Wagtail's admin uses inline scripts and styles (wagtail#1288); nothing else widens.
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'self'"]  # the preview frames the admin
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_documents_are_downloads_that_can_do_nothing(client):
    # Even a PDF, which browsers would show inline, is a download.
    document = get_document_model().objects.create(
        title="Jaarverslag",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="jaarverslag.pdf"),
        collection=Collection.get_first_root_node(),
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    # Wagtail's serve view sets a policy that lets the file load nothing and run nothing.
    assert policy(response) == {"default-src": ["'none'"]}
