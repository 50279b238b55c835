"""Interface strings are translatable and complete in every catalogue; a third language
is a setting."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import polib
import pytest
from bs4 import BeautifulSoup

CATALOGUES = {
    code: settings.LOCALE_PATHS[0] / code / "LC_MESSAGES" / "django.po"
    for code, _ in settings.LANGUAGES
}


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_every_language_has_a_compiled_catalogue(language):
    assert CATALOGUES[language].exists()
    assert CATALOGUES[language].with_suffix(".mo").exists(), "run `make messages`"


def test_dutch_catalogue_is_complete():
    catalogue = polib.pofile(str(CATALOGUES["nl"]))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue) > 100


def test_search_url_is_translated():
    with translation.override("nl"):
        assert reverse("search") == "/nl/zoeken/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"


GERMAN = [*settings.LANGUAGES, ("de", "Deutsch")]


@pytest.fixture
def german(settings, db):
    """German enabled the documented way: a setting and a locale, no code."""
    from wagtail.models import Locale

    settings.LANGUAGES = GERMAN
    settings.WAGTAIL_CONTENT_LANGUAGES = GERMAN
    settings.WAGTAILADMIN_PERMITTED_LANGUAGES = GERMAN
    return Locale.objects.create(language_code="de")


def test_a_third_language_is_a_setting_and_falls_back_to_dutch(client, german):
    response = client.get("/de/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "de"
    # No German home yet: the Dutch one, marked as Dutch and said to be untranslated.
    main = soup.select_one("main")
    assert main["lang"] == "nl"
    assert "Krachtige gemeenschappen in wijken en dorpen" in main.get_text()
    assert main.select_one(".utrecht-alert")["lang"] == "de"
    # The switcher names German as the current language and leads to the real translations.
    nav = soup.select_one("nav.utrecht-alternate-lang-nav")
    links = {link["hreflang"]: link for link in nav.select("a")}
    assert set(links) == {"nl", "en", "de"}
    assert links["de"]["aria-current"] == "page"
    assert links["de"].get_text(strip=True) == "Deutsch"
    assert links["nl"]["href"] == "/nl/" and links["en"]["href"] == "/en/"
    # hreflang names only real translations.
    alternates = {link["hreflang"] for link in soup.select("link[hreflang]")}
    assert alternates == {"nl", "en", "x-default"}


def test_a_third_language_serves_deep_dutch_pages_under_its_prefix(client, german):
    response = client.get("/de/praktijkvoorbeelden/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("main")["lang"] == "nl"
    links = {
        link["hreflang"]: link["href"] for link in soup.select("nav.utrecht-alternate-lang-nav a")
    }
    # From here the switcher leads to the same content in the other languages.
    assert links["en"] == "/en/case-studies/"
    assert links["nl"] == "/nl/praktijkvoorbeelden/"
    assert client.get("/de/bestaat-niet/").status_code == 404


def test_every_catalogue_translates_every_message():
    """A new interface string without an English (or Dutch) text fails here.

    Message ids are English; the English catalogue still states each text, so
    a translator sees one complete file per language.
    """
    for code, _name in settings.LANGUAGES:
        catalogue = polib.pofile(str(CATALOGUES[code]))
        missing = [entry.msgid for entry in catalogue.untranslated_entries()]
        assert missing == [], f"{code}: {missing[:5]}"
        assert catalogue.fuzzy_entries() == [], code
