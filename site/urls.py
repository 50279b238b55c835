from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from knowledge.oai.views import oai_pmh
from limburg import opendata, sitemap, views, views_admin
from search import views as search_views
from search import views_follow as follow_views
from search.api import api_router
from search.feeds import NewContentAtomFeed, NewContentFeed

urlpatterns = [
    path("", views.root_redirect, name="root"),
    # Before Wagtail's admin, so these paths take its report's place (see views_admin).
    path(
        "admin/reports/page-types-usage/",
        views_admin.EditorsPageTypesUsageReportView.as_view(),
    ),
    path(
        "admin/reports/page-types-usage/results/",
        views_admin.EditorsPageTypesUsageReportView.as_view(results_only=True),
    ),
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        views_admin.upload_pofile,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Harvesters expect one base URL for every language.
    path("oai/", oai_pmh, name="oai_pmh"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("robots.txt", sitemap.robots_txt, name="robots_txt"),
    path("open-data/catalogus.jsonld", opendata.catalogue, name="opendata_catalogue"),
    path("open-data/<slug:slug>.csv", opendata.dataset_csv, name="opendata_csv"),
    path("open-data/<slug:slug>.json", opendata.dataset_json, name="opendata_json"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under a language prefix: /nl/… and /en/….
urlpatterns += i18n_patterns(
    # Translators: the web address of the search page, ending in a slash.
    path(_("search/"), search_views.search, name="search"),
    path(_("search/suggestions/"), search_views.autocomplete, name="search_autocomplete"),
    path(_("feed/"), NewContentFeed(), name="feed"),
    path(_("feed/atom/"), NewContentAtomFeed(), name="feed_atom"),
    path(_("open-data/"), opendata.open_data_page, name="opendata"),
    path(_("follow/"), follow_views.subscribe, name="follow"),
    path(_("follow/confirm/"), follow_views.confirm, name="follow_confirm"),
    path(_("follow/manage/"), follow_views.manage, name="follow_manage"),
    path(_("follow/unsubscribe/"), follow_views.unsubscribe, name="follow_unsubscribe"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "limburg.views.page_not_found"
