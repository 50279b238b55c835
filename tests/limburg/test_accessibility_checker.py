"""Editors see Wagtail's accessibility checker with our rules: on the live page, in the
editor's preview and in the editor's checks panel."""

import json
import re

from django.contrib.auth.models import User

from wagtail.users.models import UserProfile

import pytest

from limburg.accessibility_checker import ALT_TEXT_PATTERN, LimburgContentCheckerItem
from limburg.models import ContentPage
from tests.limburg.conftest import page_form

pytestmark = pytest.mark.django_db

# What editors are checked on: the rules are written out here, so a change to them is a
# change to this test too.
EXPECTED_RULES = {
    "heading-order",
    "empty-heading",
    "p-as-heading",
    "image-alt",
    "alt-text-quality",
    "image-redundant-alt",
    "link-name",
    "button-name",
    "input-button-name",
    "label",
    "select-name",
    "frame-title",
    "empty-table-header",
    "empty-meta-description",
}

CONFIGURATION = re.compile(
    r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>', re.S
)


@pytest.fixture
def editor(client):
    client.force_login(User.objects.get(username="redactie"))
    return client


@pytest.fixture
def about_page(page_by_slug):
    return page_by_slug("over-het-programma", model=ContentPage)


def checker_configuration(response):
    """The axe configuration Wagtail's checker reads from the page, parsed."""
    assert response.status_code == 200
    # Read as text: on a page the userbar sits inside a <template>, which html.parser
    # does not look into. json_script escapes "<", so the script cannot end early.
    scripts = CONFIGURATION.findall(response.content.decode())
    assert len(scripts) == 1, "no (or more than one) content checker configuration"
    return json.loads(scripts[0])


def assert_our_rules(config):
    assert set(config["options"]["runOnly"]) == EXPECTED_RULES
    assert config["options"]["runOnly"] == LimburgContentCheckerItem.axe_run_only
    # Only the content editors write: not the header, menu and footer.
    assert config["context"]["include"] == ["main"]
    checks = {check["id"]: check for check in config["spec"]["checks"]}
    assert checks["check-image-alt-text"]["options"]["pattern"] == ALT_TEXT_PATTERN
    rules = {rule["id"] for rule in config["spec"]["rules"]}
    assert {"alt-text-quality", "empty-meta-description"} <= rules
    # Every rule has a message written for editors, not axe's developer English.
    for rule in EXPECTED_RULES:
        assert config["messages"][rule]["error_name"], rule
        assert config["messages"][rule]["help_text"], rule


def test_live_page_shows_the_checker_to_an_editor(editor, about_page):
    config = checker_configuration(editor.get(about_page.url))
    assert_our_rules(config)


def test_checker_speaks_the_editors_language(editor, about_page):
    # Wagtail renders the userbar in the editor's admin language (Dutch by default).
    dutch = checker_configuration(editor.get(about_page.url))["messages"]
    assert dutch["heading-order"]["error_name"] != "Incorrect heading hierarchy"
    profile = UserProfile.get_for_user(User.objects.get(username="redactie"))
    profile.preferred_language = "en"
    profile.save()
    english = checker_configuration(editor.get(about_page.url))["messages"]
    assert english["heading-order"]["error_name"] == "Incorrect heading hierarchy"
    assert english["image-redundant-alt"]["error_name"] == (
        "Image alt text repeats the text beside it"
    )


def test_visitors_get_no_checker(client, about_page):
    response = client.get(about_page.url)
    assert response.status_code == 200
    assert b"checker-axe-configuration" not in response.content
    assert b"wagtail-userbar" not in response.content


def test_page_editor_checks_panel_uses_our_rules(editor, about_page):
    config = checker_configuration(editor.get(f"/admin/pages/{about_page.pk}/edit/"))
    assert_our_rules(config)


def test_new_page_checks_panel_uses_our_rules(editor, about_page):
    parent = about_page.get_parent()
    response = editor.get(f"/admin/pages/add/limburg/contentpage/{parent.pk}/")
    assert_our_rules(checker_configuration(response))


def test_preview_in_the_editor_runs_our_checker(editor, about_page):
    preview = f"/admin/pages/{about_page.pk}/edit/preview/"
    response = editor.post(preview, page_form("Over het programma", about_page.slug))
    assert response.json()["is_valid"], response.json()
    config = checker_configuration(editor.get(preview, {"in_preview_panel": "true"}))
    assert_our_rules(config)


def test_draft_view_shows_our_checker(editor, about_page):
    config = checker_configuration(editor.get(f"/admin/pages/{about_page.pk}/view_draft/"))
    assert_our_rules(config)


@pytest.mark.parametrize(
    "alt, flagged",
    [
        ("IMG_0042.jpg", True),
        ("wijk-kaart.png", True),
        ("Foto", True),
        ("afbeelding", True),
        (" Image ", True),
        ("Rijtjeshuizen langs een straat in Heerlen-Noord", False),
        ("Foto van bewoners bij de opening van het buurthuis", False),
    ],
)
def test_alt_text_quality_pattern(alt, flagged):
    # Wagtail's check flags alt text that matches the pattern (case-insensitive, as here).
    assert bool(re.search(ALT_TEXT_PATTERN, alt, re.IGNORECASE)) is flagged
