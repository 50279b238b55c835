"""Middleware of our own."""

import logging

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import OperationalError
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse

import django_otp
from csp.middleware import CSPMiddleware
from django_otp.middleware import OTPMiddleware

from limburg import two_factor

logger = logging.getLogger(__name__)


class LanguagePrefixLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of a 404 outside the language prefixes.

    The machine interfaces (API, OAI-PMH, open data, documents) live outside
    /nl/ and /en/; a missing API object must answer 404, not redirect to
    /nl/api/… where the page tree would answer instead.
    """

    UNPREFIXED = ("/api/", "/oai/", "/open-data/", "/documents/", "/admin/")

    def process_response(self, request, response):
        if request.path.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with a policy per part of the site.

    Public pages get the strict ``CONTENT_SECURITY_POLICY``. Wagtail's admin needs
    inline scripts and styles, so only its paths get ``ADMIN_CONTENT_SECURITY_POLICY``.
    (A served document keeps Wagtail's own ``default-src 'none'``.)
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


class TwoFactorMiddleware(OTPMiddleware):
    """django-otp's middleware (``request.user.is_verified()``), and a code asked of
    everyone who must give one (``two_factor.is_required``) before any admin page.

    Only the sign-in, sign-out and two-factor pages themselves are open before it.
    Public pages never ask: an editor reading the site is a reader there.
    """

    OPEN_URL_NAMES = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        two_factor.SETUP_URL_NAME,
        two_factor.VERIFY_URL_NAME,
    }

    sync_capable = True
    async_capable = False

    def __call__(self, request):
        self._install_lazy_accessors(request)
        if self.must_give_code(request):
            has_device = django_otp.user_has_device(request.user, confirmed=True)
            url_name = two_factor.VERIFY_URL_NAME if has_device else two_factor.SETUP_URL_NAME
            return redirect_to_login(request.get_full_path(), login_url=reverse(url_name))
        return self.get_response(request)

    def must_give_code(self, request):
        if not (settings.TWO_FACTOR_REQUIRED and request.path_info.startswith("/admin/")):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return False
        if url_name in self.OPEN_URL_NAMES:
            return False
        return two_factor.is_required(user)


class DatabaseBusyMiddleware:
    """A database that stays locked (SQLite under a long write) is a moment's wait for
    the reader, not an error page: answer 503 with Retry-After. The transaction that
    met the lock was rolled back whole, so nothing is left half-saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (isinstance(exception, OperationalError) and is_busy_error(exception)):
            return None
        logger.warning("Database busy on %s %s: %s", request.method, request.path, exception)
        response = render(request, "limburg/busy.html", status=503)
        response["Retry-After"] = "5"
        return response


def is_busy_error(exception):
    message = str(exception).lower()
    return "database is locked" in message or "database table is locked" in message
