"""Admin reports for editors: the most popular searches (Wagtail has one for superusers only)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import permission_denied
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

REPORT_PERMISSION = "search.view_unansweredquery"


class PopularSearchesView(SearchTermsReportView):
    page_title = _("Popular searches")
    index_url_name = "popular_searches"
    index_results_url_name = "popular_searches_results"

    def dispatch(self, request, *args, **kwargs):
        # The same report as Wagtail's "Search terms", for everyone who may read
        # the search reports rather than for superusers only.
        if not request.user.has_perm(REPORT_PERMISSION):
            return permission_denied(request)
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)
