"""Views that belong to the site as a whole: the root redirect and error pages."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache


def root_redirect(request):
    """``/`` leads to the Dutch site: Dutch is the original (the switcher offers English)."""
    return HttpResponseRedirect(f"/{settings.LANGUAGE_CODE}/")


@never_cache
def page_not_found(request, exception=None):
    # LocaleMiddleware has activated the language of the URL's prefix (or the
    # visitor's preference for an address without one), so the page is in it.
    response = TemplateResponse(request, "404.html", {"is_error_page": True}, status=404)
    response.render()
    return response
