"""The permission matrix: each role, through the real admin over HTTP, against its own
partner section and another's.

A cell is (role, action, target) → allowed or denied. Allowed means the action took
effect (or, for a view, showed the target); denied means the database did not change
and the response holds nothing of the target partner.
"""

from django.contrib.auth.models import Group

from wagtail.models import Page, Site

import pytest

from limburg.models import Organisation, Theme

from .conftest import page_form

pytestmark = pytest.mark.django_db

EDITOR = "redactie"
PARTNER = "partner-kerkrade"  # the Kerkrade section is its own, the GGD's is another's
RESEARCHER = "onderzoeker"
OWN, OTHER = "kerkrade", "ggd"


def latest_title(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title


# Page and media actions: each returns (response, took effect or showed the target).


def edit(client, world, target):
    page = world[target].draft
    response = client.post(f"/admin/pages/{page.pk}/edit/", page_form("Nieuwe titel", page.slug))
    return response, latest_title(page) == "Nieuwe titel"


def add_child(client, world, target):
    section = world[target].section
    url = f"/admin/pages/add/limburg/contentpage/{section.pk}/"
    response = client.post(url, page_form("Nieuwe pagina", "nieuwe-pagina"))
    return response, Page.objects.child_of(section).filter(slug="nieuwe-pagina").exists()


def publish(client, world, target):
    page = world[target].draft
    data = {**page_form(page.title, page.slug), "action-publish": "action-publish"}
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    return response, Page.objects.get(pk=page.pk).live


def unpublish(client, world, target):
    page = world[target].live
    response = client.post(f"/admin/pages/{page.pk}/unpublish/")
    return response, not Page.objects.get(pk=page.pk).live


def delete(client, world, target):
    page = world[target].draft
    response = client.post(f"/admin/pages/{page.pk}/delete/")
    return response, not Page.objects.filter(pk=page.pk).exists()


def move(client, world, target):
    """Move the draft under the section's live page: inside the same section."""
    page, destination = world[target].draft, world[target].live
    response = client.post(f"/admin/pages/{page.pk}/move/{destination.pk}/confirm/")
    return response, Page.objects.get(pk=page.pk).get_parent().pk == destination.pk


def copy_into_another_section(client, world, target):
    page = world[target].draft
    destination = world[OTHER if target == OWN else OWN].section
    data = {
        "new_title": "Kopie",
        "new_slug": "kopie",
        "new_parent_page": destination.pk,
        "copy_subpages": "",
        "publish_copies": "",
        "alias": "",
    }
    response = client.post(f"/admin/pages/{page.pk}/copy/", data)
    return response, Page.objects.child_of(destination).filter(slug="kopie").exists()


def shows(path):
    def view(client, world, target):
        response = client.get(path(world[target]))
        return response, response.status_code == 200 and world[target].secret in response.text

    view.__name__ = "view"
    return view


view_revisions = shows(lambda w: f"/admin/pages/{w.draft.pk}/history/")
preview_draft = shows(lambda w: f"/admin/pages/{w.draft.pk}/view_draft/")
explore_section = shows(lambda w: f"/admin/pages/{w.section.pk}/")
list_images = shows(lambda w: "/admin/images/")
choose_images = shows(lambda w: "/admin/images/chooser/")
edit_image = shows(lambda w: f"/admin/images/{w.image.pk}/")
list_documents = shows(lambda w: "/admin/documents/")
choose_documents = shows(lambda w: "/admin/documents/chooser/")
edit_document = shows(lambda w: f"/admin/documents/edit/{w.document.pk}/")

PAGE_ACTIONS = {
    "edit": edit,
    "add child": add_child,
    "publish": publish,
    "unpublish": unpublish,
    "delete": delete,
    "move": move,
    "copy into another section": copy_into_another_section,
    "view revisions": view_revisions,
    "preview draft": preview_draft,
    "explore section": explore_section,
    "list images": list_images,
    "choose images": choose_images,
    "edit image": edit_image,
    "list documents": list_documents,
    "choose documents": choose_documents,
    "edit document": edit_document,
}
# What a partner may do in its own section: write, not publish.
PARTNER_OWN = set(PAGE_ACTIONS) - {"publish", "unpublish", "copy into another section"}


def expected(role, action, target):
    if role == EDITOR:
        return True
    if role == PARTNER and target == OWN:
        return action in PARTNER_OWN
    return False


def secrets_not_of(role, world):
    """The words of every partner whose work ``role`` may not see."""
    if role == EDITOR:
        return []
    return [w.secret for key, w in world.items() if not (role == PARTNER and key == OWN)]


PAGE_CELLS = [
    pytest.param(
        role, action, target, expected(role, action, target), id=f"{role}-{action}-{target}"
    )
    for role in (EDITOR, PARTNER, RESEARCHER)
    for action in PAGE_ACTIONS
    for target in (OWN, OTHER)
]


@pytest.mark.parametrize(("role", "action", "target", "allowed"), PAGE_CELLS)
def test_page_and_media_cell(login, partner_world, role, action, target, allowed):
    client = login(role)
    response, took_effect = PAGE_ACTIONS[action](client, partner_world, target)
    assert took_effect == allowed, (role, action, target, response.status_code)
    assert response.status_code < 500
    if not allowed:
        for secret in secrets_not_of(role, partner_world):
            assert secret not in response.text


# Site-wide admin areas and shared vocabulary.


def organisation_edit_url():
    organisation = Organisation.objects.get(locale__language_code="nl", name="Gemeente Kerkrade")
    return f"/admin/snippets/limburg/organisation/edit/{organisation.pk}/"


def theme_edit_url():
    theme = Theme.objects.get(locale__language_code="nl", slug="wonen")
    return f"/admin/snippets/limburg/theme/edit/{theme.pk}/"


SITE_AREAS = {
    "users": lambda: "/admin/users/",
    "groups": lambda: "/admin/groups/",
    "workflows": lambda: "/admin/workflows/list/",
    "settings": lambda: f"/admin/settings/limburg/sitesettings/{Site.objects.get().pk}/",
    "redirects": lambda: "/admin/redirects/",
    "edit organisations": organisation_edit_url,
    "edit themes": theme_edit_url,
    "set up partners": lambda: "/admin/partners/new/",
    "page types report": lambda: "/admin/reports/page-types-usage/",
}
EDITOR_AREAS = {
    "settings",
    "redirects",
    "edit organisations",
    "edit themes",
    "set up partners",
    "page types report",
}

SITE_CELLS = [
    pytest.param(role, area, role == EDITOR and area in EDITOR_AREAS, id=f"{role}-{area}")
    for role in (EDITOR, PARTNER, RESEARCHER)
    for area in SITE_AREAS
]


@pytest.mark.parametrize(("role", "area", "allowed"), SITE_CELLS)
def test_site_area_cell(login, partner_world, role, area, allowed):
    response = login(role).get(SITE_AREAS[area]())
    assert (response.status_code == 200) == allowed, (role, area, response.status_code)
    if not allowed:
        for secret in secrets_not_of(role, partner_world):
            assert secret not in response.text


def test_a_denied_snippet_edit_changes_nothing(login):
    url = organisation_edit_url()
    response = login(PARTNER).post(url, {"name": "Overgenomen", "kind": "anders"})
    assert response.status_code in (302, 403)
    assert not Organisation.objects.filter(name="Overgenomen").exists()


def test_the_matrix_is_large_enough():
    assert len(PAGE_CELLS) + len(SITE_CELLS) >= 40


def test_partner_groups_hold_nothing_beyond_their_section(partner_world):
    group = Group.objects.get(name="Gemeente Kerkrade redacteuren")
    pages = {grant.page_id for grant in group.page_permissions.all()}
    assert pages == {partner_world[OWN].section.pk}
    codenames = {grant.permission.codename for grant in group.page_permissions.all()}
    assert codenames == {"add_page", "change_page"}
    collections = {grant.collection.name for grant in group.collection_permissions.all()}
    assert collections == {"Gemeente Kerkrade"}
    assert list(group.permissions.values_list("codename", flat=True)) == ["access_admin"]
