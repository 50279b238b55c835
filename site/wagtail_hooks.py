"""Admin: the shared vocabulary as snippets, the partner set-up form, partner isolation."""

from django.db.models import Q
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from limburg import two_factor
from limburg.accessibility_checker import use_limburg_checker
from limburg.models import Organisation, Place, Theme
from limburg.rich_text import PublicPageLinkHandler
from limburg.views_admin import CREATE_PARTNER_PERMISSION, CreatePartnerView


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name", "slug", "accent", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class PlaceViewSet(SnippetViewSet):
    model = Place
    icon = "site"
    menu_label = _("Places")
    list_display = ["name", "kind", "code", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    list_per_page = 50

    def get_queryset(self, request):
        return Place.objects.select_related("parent")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]


class VocabularyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, PlaceViewSet, OrganisationViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Vocabulary")
    menu_name = "vocabulary"
    menu_order = 300


register_snippet(VocabularyViewSetGroup)


class PermittedMenuItem(MenuItem):
    """A menu item shown only to users with one model permission."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_partner_urls():
    return [path("partners/new/", CreatePartnerView.as_view(), name="limburg_create_partner")]


@hooks.register("register_settings_menu_item")
def register_create_partner_menu_item():
    return PermittedMenuItem(
        _("Add a partner"),
        reverse("limburg_create_partner"),
        icon_name="group",
        order=650,
        permission=CREATE_PARTNER_PERMISSION,
    )


@hooks.register("construct_page_chooser_queryset")
def hide_drafts_outside_own_sections(pages, request):
    """A partner may link to any live page, but sees no other partner's drafts in the chooser."""
    user = request.user
    if user.is_superuser:
        return pages
    own = Q(pk__in=[])
    for grant in PagePermissionPolicy().get_cached_permissions_for_user(user):
        own |= Q(path__startswith=grant.page.path)
    return pages.filter(Q(live=True) | own)


class ExplorableOnlyBulkActionMixin:
    """Wagtail's bulk actions list the pages one may not act on by title; a partner
    must not learn another partner's draft titles that way, so pages outside what
    the user may explore are left out altogether."""

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        denied = context["items_with_no_access"]
        explorable = set(
            PagePermissionPolicy()
            .explorable_instances(self.request.user)
            .filter(pk__in=[page.pk for page in denied])
            .values_list("pk", flat=True)
        )
        context["items_with_no_access"] = [page for page in denied if page.pk in explorable]
        return objects, context


def _explorable_only(action_class):
    return type(action_class.__name__, (ExplorableOnlyBulkActionMixin, action_class), {})


# Registered after Wagtail's own (a higher order), so these replace them.
for _action_class in (DeleteBulkAction, MoveBulkAction, PublishBulkAction, UnpublishBulkAction):
    hooks.register("register_bulk_action", _explorable_only(_action_class), order=100)


@hooks.register("after_edit_page")
def leave_a_reviewed_page_for_the_dashboard(request, page):
    """After a workflow action in the editor Wagtail goes to the page's section in the
    explorer. A reviewer who may only review (the NPHN academy) cannot open it and was
    met by "no permission" right after approving; send them to their dashboard."""
    if not request.POST.get("action-workflow-action") or request.GET.get("next"):
        return None
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    if explorable.filter(pk=page.get_parent().pk).exists():
        return None
    return redirect("wagtailadmin_home")


@hooks.register("register_rich_text_features", order=100)
def link_only_to_public_pages(features):
    # After Wagtail's own registration of the "page" link type, so this one replaces it.
    features.register_link_type(PublicPageLinkHandler)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/setup/", two_factor.setup, name=two_factor.SETUP_URL_NAME),
        path("two-factor/verify/", two_factor.verify, name=two_factor.VERIFY_URL_NAME),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse(two_factor.SETUP_URL_NAME),
        "label": _("Two-factor sign-in"),
        "help_text": _("Link an authenticator app to your account, or replace it."),
    }


# The userbar on the site and the page editor's checks panel both read their checks here.
hooks.register("construct_wagtail_userbar", use_limburg_checker)
