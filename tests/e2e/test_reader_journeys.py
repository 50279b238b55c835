"""Journeys of the platform's readers and writers in a real browser, each ending in what
they came for: a resident from the home page to their wijk and a case study there (and
the same pages in English), a municipality that filters case studies and takes the results
away as a spreadsheet (with the keyboard only, and without JavaScript), a visitor who
searches with a facet and an exact phrase, and a researcher whose publication passes the
academy's review and the province's editors onto the site and into the feed.

The readers only read: they share the demo server (a copy of the test database, served
once per run). The researcher writes, so that journey loads the demo again (demo_site).
"""

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import date

from django.utils import translation

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from knowledge.models import ResearchIndexPage, ResearchOutputPage
from limburg.models import in_gemeente
from tests.e2e.conftest import log_in_to_admin

pytestmark = pytest.mark.e2e

LISTING = "/nl/praktijkvoorbeelden/"
# The smallest file a PDF reader opens; the admin checks that a .pdf starts with %PDF-.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def translated(message, language="nl"):
    with translation.override(language):
        return translation.gettext(message)


def main_menu_link(page, name):
    return page.locator("nav.lp-main-nav").get_by_role("link", name=name, exact=True)


def switch_language(page, name, url_pattern):
    page.locator("header").get_by_role("link", name=name, exact=True).click()
    page.wait_for_url(url_pattern)


def open_gemeente(page, name):
    """On the areas overview, unfold a gemeente's list of wijken."""
    page.locator("details.lp-area-list > summary", has_text=re.compile(rf"^{name} \(")).click()


def h1(page):
    return page.locator("h1").inner_text()


def listed_titles(page):
    return sorted(page.locator(".lp-listing__results .lp-teaser__title a").all_inner_texts())


def matching_case_studies(theme, gemeente):
    """What the listing should show, asked of the database directly."""
    pages = (
        CaseStudyPage.objects.live()
        .public()
        .filter(locale__language_code="nl", themes__slug=theme)
        .filter(in_gemeente(gemeente))
        .distinct()
    )
    return sorted(pages.values_list("title", flat=True))


def downloaded_rows(download):
    text = download.path().read_bytes().decode("utf-8")
    assert text.startswith("\ufeff"), "a byte order mark, so Excel reads UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


def assert_rows_match(rows, titles, theme_name, gemeente_name, base_url):
    assert sorted(row["Titel"] for row in rows) == titles
    for row in rows:
        assert theme_name in row["Thema's"].split(", "), row
        assert gemeente_name in row[translated("Municipalities")].split(", "), row
        assert row["Webadres"].startswith(base_url + LISTING), row


# A resident, in Dutch and in English ---------------------------------------------------


def test_a_resident_finds_their_wijk_reads_on_in_english_and_searches(demo_server, page):
    base = demo_server.url
    # From the home page, by the main menu, to the wijken of Heerlen.
    page.goto(base + "/nl/")
    main_menu_link(page, "Wijken en dorpen in cijfers").click()
    page.wait_for_url("**/nl/gebieden/")
    open_gemeente(page, "Heerlen")
    page.get_by_role("link", name="Wijk 20 Vrieheide-De Stack").click()
    page.wait_for_url("**/nl/gebieden/WK091720-*/")
    assert h1(page) == "Wijk 20 Vrieheide-De Stack"
    # Heerlen's area approach is recorded for the gemeente, so the wijk's profile lists no
    # case study; its gemeente's profile, one link away, does.
    page.locator("main").get_by_role("link", name="Heerlen", exact=True).click()
    page.wait_for_url("**/nl/gebieden/GM0917-heerlen/")
    page.get_by_role("link", name="Gebiedsaanpak Heerlen-Noord").click()
    page.wait_for_url("**/nl/praktijkvoorbeelden/heerlen-noord/")
    assert h1(page) == "Gebiedsaanpak Heerlen-Noord"
    assert "Heerlen" in page.locator("main").inner_text()

    # The same case study in English, and back.
    switch_language(page, "English", "**/en/case-studies/heerlen-noord/")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert h1(page) == "Area-based approach Heerlen-Noord"
    switch_language(page, "Nederlands", "**/nl/praktijkvoorbeelden/heerlen-noord/")
    assert h1(page) == "Gebiedsaanpak Heerlen-Noord"

    # A wijk with an approach of its own links straight to it.
    main_menu_link(page, "Wijken en dorpen in cijfers").click()
    open_gemeente(page, "Kerkrade")
    page.get_by_role("link", name="Wijk 01 Kerkrade-Oost").click()
    page.wait_for_url("**/nl/gebieden/WK092801-*/")
    page.get_by_role("link", name="Gebiedsaanpak Kerkrade-Oost: (B)OOST").click()
    page.wait_for_url("**/nl/praktijkvoorbeelden/kerkrade-oost/")
    assert h1(page) == "Gebiedsaanpak Kerkrade-Oost: (B)OOST"

    # Research about Heerlen, from the gemeente's profile; in English and back.
    main_menu_link(page, "Wijken en dorpen in cijfers").click()
    open_gemeente(page, "Heerlen")
    page.get_by_role("link", name="Heerlen als geheel").click()
    page.get_by_role("link", name="Een eerlijke kans op gezond leven").click()
    page.wait_for_url("**/nl/kennisbank/onderzoek/een-eerlijke-kans-op-gezond-leven/")
    switch_language(page, "English", "**/en/knowledge/research/a-fair-chance-of-a-healthy-life/")
    assert page.evaluate("document.documentElement.lang") == "en"
    # A Dutch publication keeps its title, with the English one beside it.
    assert "A fair chance of a healthy life" in h1(page)
    switch_language(
        page, "Nederlands", "**/nl/kennisbank/onderzoek/een-eerlijke-kans-op-gezond-leven/"
    )
    assert h1(page) == "Een eerlijke kans op gezond leven"

    # Search: words, then a facet, then an exact phrase.
    main_menu_link(page, "Zoeken").click()
    page.wait_for_url("**/nl/zoeken/")
    results = page.locator(".lp-search-result")

    def found():
        """The number of results, from the heading ("20 resultaten voor …")."""
        return int(page.locator("#results-heading").inner_text().split()[0])

    def search(text):
        box = page.get_by_label("Waar zoekt u naar?")
        box.fill(text)
        with page.expect_navigation():
            box.press("Enter")
        return found()

    everything = search("gezondheid")
    assert everything > 1
    facet = page.locator("section.lp-facet", has=page.get_by_role("heading", name="Soort"))
    facet.get_by_role("link", name=re.compile(r"^Praktijkvoorbeelden \(\d+\)$")).click()
    page.wait_for_url("**type=casestudies.casestudypage**")
    assert 0 < found() < everything
    types = page.locator(".lp-search-result__type").all_inner_texts()
    assert all(kind.startswith("Praktijkvoorbeeld") for kind in types), types
    assert all(
        href.startswith("/nl/praktijkvoorbeelden/") or href.startswith("/nl/partners/")
        for href in page.locator(".lp-search-result__title a").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
    )

    phrase_results = search('"gezond en kansrijk"')
    titles = results.locator(".lp-search-result__title a").all_inner_texts()
    assert len(titles) == phrase_results and "Trendbreuk Zuid-Limburg" in titles
    # Every result has the words in this order, next to each other.
    for link in results.locator(".lp-search-result__title a").all():
        href = link.get_attribute("href")
        text = page.request.get(base + href).text()
        assert "gezond en kansrijk" in re.sub(r"\s+", " ", text).lower(), href
    # The same words in another order are another phrase; without quotes, just words.
    assert search('"kansrijk en gezond"') == 0
    assert search("kansrijk en gezond") >= phrase_results


def test_switching_language_on_an_area_profile_keeps_the_area(demo_server, page):
    page.goto(demo_server.url + "/nl/gebieden/GM0917-heerlen/")
    switch_language(page, "English", "**/en/areas/**")
    assert page.url.endswith("/en/areas/GM0917-heerlen/")
    assert h1(page) == "Heerlen"
    switch_language(page, "Nederlands", "**/nl/gebieden/**")
    assert page.url.endswith("/nl/gebieden/GM0917-heerlen/")


# A municipality: keyboard only, with the mouse, without JavaScript ----------------------

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), "
    "select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])"
)
# Computed styles that can show focus; an element shows it when one differs from unfocused.
FOCUS_STYLES = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor"]

REMEMBER_UNFOCUSED = """([selector, properties]) => {
    window.__unfocused = new Map();
    for (const element of document.querySelectorAll(selector)) {
        const style = getComputedStyle(element);
        window.__unfocused.set(element, Object.fromEntries(properties.map(p => [p, style[p]])));
    }
}"""

FOCUSED = """(properties) => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
        label: element.tagName + ' ' + (element.textContent || element.id).trim().slice(0, 40),
        region: element.closest('header') ? 'HEADER'
            : element.closest('nav.lp-main-nav') ? 'MENU'
            : element.closest('main') ? 'MAIN' : 'OTHER',
        focused: Object.fromEntries(properties.map(p => [p, style[p]])),
        unfocused: window.__unfocused.get(element) || null,
        x: rect.x, y: rect.y + window.scrollY, height: rect.height,
        inDomOrder: window.__order.indexOf(element),
    };
}"""


def shows_focus(step):
    focused, unfocused = step["focused"], step["unfocused"] or {}
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] not in ("0px", "")
    changed = {name for name in FOCUS_STYLES if focused[name] != unfocused.get(name)}
    return (outline and changed & {"outlineStyle", "outlineWidth", "outlineColor"}) or bool(
        changed & {"boxShadow", "backgroundColor"}
    )


def tab_until(page, predicate_js, key="Tab", limit=80):
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(predicate_js):
            return
    raise AssertionError(f"Tab never reached {predicate_js}")


def test_a_municipality_filters_and_downloads_by_keyboard_mouse_and_without_javascript(
    demo_server, page, browser, db
):
    # db: the expected case studies are asked of the test database, of which the
    # server's is a copy.
    base = demo_server.url
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base + "/nl/")
    page.evaluate(REMEMBER_UNFOCUSED, [FOCUSABLE, FOCUS_STYLES])
    page.evaluate(
        "(s) => { window.__order = Array.from(document.querySelectorAll(s)); }", FOCUSABLE
    )

    # The first Tab reaches the skip link, hidden until then and visible now.
    skip = page.locator(".utrecht-skip-link")
    assert skip.bounding_box()["y"] + skip.bounding_box()["height"] <= 0
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('utrecht-skip-link')")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 0 and box["width"] > 0
    steps = [page.evaluate(FOCUSED, FOCUS_STYLES)]
    # Every Tab after it, to the end of the page: in the order of the document, each with
    # a visible focus indicator.
    while True:
        page.keyboard.press("Tab")
        step = page.evaluate(FOCUSED, FOCUS_STYLES)
        if step is None or step["inDomOrder"] <= steps[-1]["inDomOrder"]:
            break
        steps.append(step)
    assert [step["inDomOrder"] for step in steps] == sorted(step["inDomOrder"] for step in steps)
    assert len(steps) > 20
    assert [step["label"] for step in steps if not shows_focus(step)] == []
    # In the header and the menu, the order on screen is that order too: left to right,
    # then the next row.
    header = [step for step in steps if step["region"] in ("HEADER", "MENU")]
    assert len(header) >= 12
    for before, after in zip(header, header[1:], strict=False):
        same_row = abs(before["y"] - after["y"]) < before["height"] / 2
        assert (same_row and after["x"] > before["x"]) or after["y"] > before["y"], after

    # Enter on the skip link moves the focus to the main content.
    page.goto(base + "/nl/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # Keyboard only: by the menu to the case studies, filters, the results as a file, and
    # a case study.
    tab_until(page, "document.activeElement.textContent.trim() === 'Praktijkvoorbeelden'")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + LISTING)
    tab_until(page, "document.activeElement.id === 'filter-theme'")
    page.keyboard.type("Wonen")
    tab_until(page, "document.activeElement.id === 'filter-gemeente'")
    page.keyboard.type("Roermond")
    tab_until(page, "document.activeElement.type === 'submit'")
    page.keyboard.press("Enter")
    page.wait_for_url("**theme=wonen**")
    assert "gemeente=GM0957" in page.url
    expected = matching_case_studies("wonen", "GM0957")
    assert listed_titles(page) == expected == ["Wijkontwikkeling Donderberg, Roermond"]
    tab_until(page, "document.activeElement.href?.includes('/praktijkvoorbeelden/csv/')")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert_rows_match(downloaded_rows(download.value), expected, "Wonen", "Roermond", base)
    tab_until(page, "document.activeElement.closest('.lp-teaser__title') !== null", "Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/nl/praktijkvoorbeelden/donderberg-roermond/")
    assert h1(page) == "Wijkontwikkeling Donderberg, Roermond"

    # With the mouse: theme and gemeente, only what matches, and the results as a file.
    main_menu_link(page, "Praktijkvoorbeelden").click()
    page.wait_for_url("**" + LISTING)
    page.get_by_label("Thema", exact=True).select_option("gezondheid")
    page.get_by_label("Gemeente", exact=True).select_option("GM0917")
    page.get_by_role("button", name="Toon resultaten").click()
    page.wait_for_url("**gemeente=GM0917**")
    expected = matching_case_studies("gezondheid", "GM0917")
    assert len(expected) >= 2
    assert listed_titles(page) == expected
    download_link = page.locator("a[href*='/praktijkvoorbeelden/csv/']")
    assert download_link.inner_text() == translated("Download these results (CSV)")
    with page.expect_download() as download:
        download_link.click()
    assert download.value.suggested_filename == "praktijkvoorbeelden.csv"
    assert_rows_match(downloaded_rows(download.value), expected, "Gezondheid", "Heerlen", base)

    # The same without JavaScript: a plain form and a plain link.
    context = browser.new_context(java_script_enabled=False, locale="nl-NL", bypass_csp=True)
    no_js = context.new_page()
    no_js.goto(base + LISTING)
    no_js.get_by_label("Thema", exact=True).select_option("wonen")
    no_js.get_by_label("Gemeente", exact=True).select_option("GM0928")
    no_js.get_by_role("button", name="Toon resultaten").click()
    no_js.wait_for_url("**gemeente=GM0928**")
    expected = matching_case_studies("wonen", "GM0928")
    assert expected and listed_titles(no_js) == expected
    with no_js.expect_download() as download:
        no_js.locator("a[href*='/praktijkvoorbeelden/csv/']").click()
    assert_rows_match(downloaded_rows(download.value), expected, "Wonen", "Kerkrade", base)
    context.close()


# A researcher's publication, from the admin to the feed --------------------------------


def open_for_review(browser, base, username, title):
    """Sign ``username`` in and open ``title`` from the dashboard's list of what awaits them."""
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in_to_admin(page, base, username)
    page.locator("main").get_by_role("link", name=title).first.click()
    page.wait_for_url("**/admin/pages/*/edit/")
    return context, page


def approve(page, button_name):
    page.locator("footer").get_by_role("button", name="Meer acties").click()
    page.locator("footer").get_by_role("button", name=button_name, exact=True).click()
    page.wait_for_url(lambda url: "/edit/" not in url)


def add_file(page):
    """Add a file row. The click can come to nothing while the editor autosaves the new
    page (seen on PostgreSQL, in about half the runs): the row is then added again."""
    choose = page.get_by_role("button", name="Kies een document")
    for _attempt in range(3):
        page.get_by_role("button", name="Voeg Bestand toe").click()
        try:
            choose.wait_for(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    choose.wait_for()


def test_a_researcher_publishes_through_review_into_the_listing_and_feed(demo_site, browser):
    base = demo_site.url
    title = "Buurtkracht in Heerlen-Noord: een verkenning"
    index = ResearchIndexPage.objects.get(locale__language_code="nl")

    # The researcher writes the publication with two authors and its PDF, and submits it.
    context = browser.new_context(locale="nl-NL", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in_to_admin(page, base, "onderzoeker")
    page.goto(base + f"/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Voeg onderliggende pagina toe").first.click()
    page.wait_for_url("**/admin/pages/add/knowledge/researchoutputpage/**")
    page.fill("#id_title", title)
    page.fill("#id_summary", "Wat bewoners van Heerlen-Noord zelf doen, en wat hen daarbij helpt.")
    page.get_by_role("button", name="Voeg Auteur toe").click()
    page.get_by_role("button", name="Voeg Auteur toe").click()
    page.fill("#id_authors-0-given_names", "Anna")
    page.fill("#id_authors-0-family_name", "de Vries")
    page.fill("#id_authors-1-given_names", "Bram")
    page.fill("#id_authors-1-family_name", "Janssen")
    page.select_option("#id_kind", "rapport")
    page.fill("#id_publication_date", date.today().isoformat())
    page.select_option("#id_themes", label="Gezondheid")
    page.select_option("#id_places", label="Heerlen")
    add_file(page)
    page.get_by_role("button", name="Kies een document").click()
    page.get_by_role("tab", name="Uploaden").click()
    page.fill("#id_document-chooser-upload-title", "Verkenning buurtkracht")
    page.set_input_files(
        "#id_document-chooser-upload-file",
        files=[{"name": "verkenning.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    page.locator(".modal").get_by_role("button", name="Uploaden").click()
    expect(page.locator("#id_files-0-document")).not_to_have_value("")
    page.fill("#id_files-0-description", "volledig rapport")
    page.locator("footer").get_by_role("button", name="Meer acties").click()
    page.locator("footer").get_by_role(
        "button", name=re.compile("Publicatie van onderzoek")
    ).click()
    page.wait_for_url(lambda url: "/edit/" not in url and "/add/" not in url)
    # "… aangemaakt en ingediend", or "… ingediend" when autosave created the page first.
    message = page.locator(".messages").inner_text()
    assert title in message and "ingediend" in message
    context.close()

    output = ResearchOutputPage.objects.get(title=title, locale=index.locale)
    assert not output.live
    assert [author.name for author in output.authors.all()] == ["Anna de Vries", "Bram Janssen"]
    document = output.files.get().document
    assert document.file_extension == "pdf"
    assert output.current_workflow_task.name == "Review door de NPHN-academie"

    # The academy's reviewer approves; then the province's editors approve and publish.
    context, page = open_for_review(browser, base, "reviewer", title)
    approve(page, "Goedkeuren")
    context.close()
    output.refresh_from_db()
    assert not output.live
    assert output.current_workflow_task.name == "Goedkeuring provinciale redactie"
    context, page = open_for_review(browser, base, "redactie", title)
    approve(page, "Goedkeuren en publiceren")
    context.close()
    output.refresh_from_db()
    assert output.live and output.current_workflow_state is None

    # Readers find it in the research listing, with its authors and its PDF.
    reader = browser.new_context(locale="nl-NL").new_page()
    reader.goto(base + "/nl/kennisbank/onderzoek/")
    reader.get_by_role("link", name=title).click()
    reader.wait_for_url("**" + output.url)
    authors = reader.locator(".lp-research__author").all_inner_texts()
    assert authors == ["Anna de Vries", "Bram Janssen"]
    pdf_link = reader.get_by_role("link", name="volledig rapport")
    pdf = reader.request.get(base + pdf_link.get_attribute("href"))
    assert pdf.ok and pdf.body().startswith(b"%PDF-")

    # And in the site's RSS feed.
    feed = ET.fromstring(reader.request.get(base + "/nl/feed/").body())
    items = {item.findtext("title"): item for item in feed.find("channel").findall("item")}
    assert title in items
    assert items[title].findtext("link").endswith(output.url)
    reader.context.close()
