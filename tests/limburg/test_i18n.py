"""Interface strings are translatable, and the Dutch catalogue is complete."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

import polib
import pytest

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
