"""Journeys in a real browser with JavaScript off: registering for an event, following a
theme, and a partner editor who works in its own section and cannot reach another's."""

from django.core import mail

import pytest

from knowledge.models import EventRegistration
from limburg.models import PartnerPage
from search.models import Subscription
from tests.e2e.conftest import log_in_to_admin, run_axe

pytestmark = pytest.mark.e2e

EXAMPLE_EVENT = "/nl/kennisbank/bijeenkomsten/voorbeeld-bijeenkomst-lerend-netwerk/"


@pytest.fixture
def no_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="nl-NL", bypass_csp=True)
    yield context.new_page()
    context.close()


def test_registration_errors_are_accessible(demo_site, page):
    page.goto(demo_site.url + EXAMPLE_EVENT)
    page.get_by_role("button", name="Aanmelden").click()
    # Nothing filled in: the errors are on the fields, announced and accessible.
    assert page.locator("#id_name-error").is_visible()
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert run_axe(page) == []
    assert not EventRegistration.objects.exists()


def test_registering_for_an_event_without_javascript(demo_site, no_js):
    page = no_js
    page.goto(demo_site.url + EXAMPLE_EVENT)
    page.get_by_label("Naam", exact=True).fill("Anna de Vries")
    page.get_by_label("E-mailadres", exact=True).fill("anna@example.org")
    page.get_by_label("Ik ga ermee akkoord", exact=False).check()
    page.get_by_role("button", name="Aanmelden").click()
    assert page.locator("h1").inner_text() == "Aanmelding ontvangen"
    assert EventRegistration.objects.get().email == "anna@example.org"
    assert mail.outbox[-1].to == ["anna@example.org"]


def test_following_a_theme_without_javascript(demo_site, no_js):
    page = no_js
    page.goto(demo_site.url + "/nl/themas/wonen/")
    page.get_by_role("link", name="Volg dit thema per e-mail").click()
    assert page.get_by_label("Wonen").is_checked()
    page.get_by_label("E-mailadres", exact=True).fill("lezer@example.org")
    page.get_by_label("Ik ga ermee akkoord", exact=False).check()
    page.get_by_role("button", name="Volgen").click()
    assert page.locator("h1").inner_text() == "Kijk in uw e-mail"
    assert Subscription.objects.get().confirmed_at is None
    assert "/nl/volgen/bevestigen/?token=" in mail.outbox[-1].body


def test_a_partner_editor_works_in_its_own_section_only(demo_site, browser):
    own = PartnerPage.objects.get(
        locale__language_code="nl", organisation__name="Gemeente Kerkrade"
    )
    other = PartnerPage.objects.get(
        locale__language_code="nl", organisation__name="GGD Zuid Limburg"
    )
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    log_in_to_admin(page, demo_site.url, "partner-kerkrade")
    page.goto(demo_site.url + f"/admin/pages/{own.pk}/edit/")
    assert page.locator("#id_title").input_value() == "Gemeente Kerkrade"
    page.goto(demo_site.url + f"/admin/pages/{other.pk}/edit/")
    assert f"/pages/{other.pk}/edit/" not in page.url
    assert "Positieve gezondheid in Limburg" not in page.content()
    context.close()
