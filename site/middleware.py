"""Middleware of our own."""

from django.middleware.locale import LocaleMiddleware


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
