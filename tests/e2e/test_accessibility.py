"""Public pages in a real browser: axe finds nothing, keyboard and small screens work."""

import pytest

from tests.e2e.conftest import run_axe

pytestmark = pytest.mark.e2e

PAGES = [
    "/nl/",
    "/en/",
    "/nl/over-het-programma/",
    "/en/about/",
    "/nl/over-het-programma/toegankelijkheid/",
    "/nl/kennisbank/",
    "/nl/kennisbank/limburg-factor/",
    "/en/knowledge/limburg-factor/",
    "/nl/partners/",
    "/nl/kennisbank/bijeenkomsten/",
    "/nl/kennisbank/bijeenkomsten/voorbeeld-bijeenkomst-lerend-netwerk/",
    "/en/knowledge/events/wij-groeien/",
    "/nl/volgen/?themes=wonen",
    "/nl/partners/gemeente-kerkrade/",
    "/en/partners/ggd-zuid-limburg/",
    "/nl/praktijkvoorbeelden/",
    "/nl/praktijkvoorbeelden/?theme=gezondheid&sort=title",
    "/nl/praktijkvoorbeelden/?theme=bestaat-niet",
    "/nl/praktijkvoorbeelden/donderberg-roermond/",
    "/nl/praktijkvoorbeelden/vastenavondkamp-venlo/",
    "/nl/praktijkvoorbeelden/trendbreuk-zuid-limburg/",
    "/en/case-studies/",
    "/en/case-studies/positive-health/",
    "/nl/kennisbank/onderzoek/",
    "/nl/kennisbank/onderzoek/?kind=rapport&year=2015",
    "/nl/kennisbank/onderzoek/?year=nooit",
    "/nl/kennisbank/onderzoek/op-zoek-naar-de-limburg-factor/",
    "/en/knowledge/research/a-fair-chance-of-a-healthy-life/",
    "/nl/themas/gezondheid/",
    "/en/themes/housing/",
    "/nl/kennisbank/deals/",
    "/nl/kennisbank/deals/regio-deal-midden-limburg/",
    "/nl/kennisbank/interventies/?recognition_level=effectief",
    "/nl/kennisbank/interventies/gezonde-basisschool-van-de-toekomst/",
    "/nl/gebieden/",
    "/nl/gebieden/GM0917-heerlen/",
    "/nl/gebieden/WK091710-wijk-10-maria-gewanden-en-terschuren/",
    "/nl/gebieden/rangorde/?indicator=laagste_inkomen_pct&gemeente=GM0935",
    "/nl/gebieden/kaart/?indicator=koopwoningen_pct&gemeente=GM0917",
    "/nl/open-data/",
    "/nl/kennisbank/initiatieven/",
    "/nl/kennisbank/initiatieven/indienen/",
    "/en/knowledge/initiatives/submit/",
    "/nl/zoeken/?query=limburg",
    "/nl/zoeken/?query=gezondheid&theme=leren",
    "/nl/zoeken/?theme=wonen&type=casestudies.casestudypage",
    "/en/search/?query=zzzqqq",
    "/nl/bestaat-niet/",
]


def test_axe_finds_nothing_on_public_pages(demo_server, page):
    failures = {}
    for width in (1280, 320):
        page.set_viewport_size({"width": width, "height": 900})
        for path in PAGES:
            page.goto(demo_server.url + path)
            violations = run_axe(page)
            if violations:
                failures[f"{path} @ {width}px"] = violations
    assert failures == {}


def test_pages_reflow_at_320_pixels(demo_server, page):
    page.set_viewport_size({"width": 320, "height": 640})
    for path in PAGES:
        page.goto(demo_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px"


def test_stylesheet_and_fonts_are_self_hosted(demo_server, page):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_server.url + "/nl/")
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/static/limburg/css/main.css") for url in requests)
    assert all(url.startswith(demo_server.url) for url in requests), requests
    # The theme is applied: the Limburg theme class and its tokens.
    token = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--utrecht-document-color')"
    )
    assert token.strip()


def test_skip_link_is_first_and_moves_focus_to_main(demo_server, page):
    page.goto(demo_server.url + "/nl/over-het-programma/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "utrecht-skip-link" in focused
    assert page.evaluate("document.activeElement.getBoundingClientRect().height") > 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switch_in_the_browser(demo_server, page):
    page.goto(demo_server.url + "/nl/over-het-programma/toegankelijkheid/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/about/accessibility/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("h1").inner_text() == "Accessibility statement"


def test_search_works_without_javascript(demo_server, browser):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    page.goto(demo_server.url + "/nl/zoeken/?query=gezondheid")
    assert page.locator("h1").inner_text() == "Zoeken"
    assert page.locator(".lp-search-result").count() >= 1
    context.close()


def test_initiative_form_with_errors_without_javascript(demo_server, browser):
    """Sent empty without JavaScript: errors at the fields, still accessible, nothing saved."""
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    page.goto(demo_server.url + "/nl/kennisbank/initiatieven/indienen/")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    assert page.locator(".utrecht-form-field-error-message").count() >= 5
    assert page.locator("#id_title").get_attribute("aria-invalid") == "true"
    context.close()
    page = browser.new_page(bypass_csp=True)
    page.goto(demo_server.url + "/nl/kennisbank/initiatieven/indienen/")
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()
    assert run_axe(page) == []
    page.close()


def test_axe_harness_reports_violations(page):
    # The check above can fail: a page with an unlabelled image and no lang is reported.
    page.set_content(
        "<html><body><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></body></html>"
    )
    violations = run_axe(page)
    assert any(line.startswith("image-alt") for line in violations)
    assert any(line.startswith("html-has-lang") for line in violations)


def test_case_study_filters_work_without_javascript(demo_server, browser):
    context = browser.new_context(java_script_enabled=False, bypass_csp=True)
    page = context.new_page()
    page.goto(demo_server.url + "/nl/praktijkvoorbeelden/")
    page.select_option("#filter-theme", "gezondheid")
    page.check("#filter-lessons")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**theme=gezondheid**")
    assert page.locator(".lp-listing__results .lp-teaser").count() == 1
    assert "Trendbreuk" in page.locator(".lp-listing__results .lp-teaser__title").inner_text()
    context.close()


def test_case_study_prints_as_a_handout(demo_server, page):
    page.goto(demo_server.url + "/nl/praktijkvoorbeelden/donderberg-roermond/")
    page.emulate_media(media="print")
    assert not page.locator("nav.lp-main-nav").is_visible()
    assert not page.locator(".lp-header__tools").is_visible()
    assert page.locator("h1").is_visible()
    assert page.locator(".lp-timeline").is_visible()
