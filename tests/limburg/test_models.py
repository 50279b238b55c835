"""The shared vocabulary: themes, places, organisations, images."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from wagtail.images.forms import get_image_form

import pytest

from casestudies.models import CaseStudyIndexPage
from knowledge.models import KnowledgeIndexPage
from limburg.models import (
    Accent,
    ContentPage,
    HomePage,
    LimburgImage,
    Organisation,
    Place,
    Theme,
)

pytestmark = pytest.mark.django_db


def test_the_five_policy_themes_are_seeded_in_both_languages(locale_nl, locale_en):
    dutch = list(Theme.objects.filter(locale=locale_nl).values_list("slug", flat=True))
    assert dutch == ["veiligheid", "gezondheid", "leren", "werken", "wonen"]
    for theme in Theme.objects.filter(locale=locale_nl):
        english = theme.get_translation(locale_en)
        assert english.accent == theme.accent
        assert english.name != theme.name


def test_theme_slug_is_unique_per_locale(locale_nl, locale_en):
    Theme.objects.create(
        locale=locale_en, name="Veiligheid", slug="veiligheid"
    )  # other locale: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        Theme.objects.create(locale=locale_nl, name="Nog eens", slug="veiligheid")


def test_editors_can_add_a_theme(locale_nl):
    theme = Theme(locale=locale_nl, name="Energie", slug="energie", accent="turkoois")
    theme.full_clean()
    theme.save()
    assert Theme.objects.filter(locale=locale_nl).count() == 6


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        ("gemeente", "GM917"),
        ("gemeente", "WK091710"),
        ("wijk", "WK0917"),
        ("buurt", "BU091701"),
        ("provincie", "PV3"),
        ("gemeente", "gm0917"),
    ],
)
def test_place_rejects_a_malformed_cbs_code(kind, code):
    place = Place(kind=kind, name="Ergens", code=code)
    with pytest.raises(ValidationError) as error:
        place.full_clean()
    assert "code" in error.value.message_dict


def test_place_needs_a_code_except_a_kern():
    with pytest.raises(ValidationError):
        Place(kind="wijk", name="Zonder code").full_clean()
    heerlen = Place.objects.get(code="GM0917")
    Place(kind="kern", name="Hoensbroek", parent=heerlen).full_clean()


def test_wijk_must_lie_in_its_gemeente():
    maastricht = Place.objects.get(code="GM0935")
    with pytest.raises(ValidationError) as error:
        Place(kind="wijk", name="Verkeerd", code="WK091799", parent=maastricht).full_clean()
    assert "parent" in error.value.message_dict


def test_place_hierarchy_follows_cbs():
    wijk = Place.objects.get(code="WK091710")
    with pytest.raises(ValidationError):
        Place(
            kind="buurt", name="Buurt", code="BU09171001", parent=Place.objects.get(code="GM0917")
        ).full_clean()
    Place(kind="buurt", name="Buurt", code="BU09171001", parent=wijk).full_clean()


def test_cbs_codes_are_unique():
    with pytest.raises(ValidationError):
        Place(kind="gemeente", name="Dubbel", code="GM0917").full_clean()


def test_real_organisations_are_loaded_and_translatable(locale_nl, locale_en):
    kerkrade = Organisation.objects.get(locale=locale_nl, name="Gemeente Kerkrade")
    assert kerkrade.kind == Organisation.Kind.GEMEENTE
    english = kerkrade.get_translation(locale_en)
    assert english.name == "Gemeente Kerkrade"  # names stay Dutch
    assert "Kerkrade-Oost" in english.description and english.description != kerkrade.description


def test_image_alt_text_is_required():
    form_class = get_image_form(LimburgImage)
    assert "alt_text" in form_class.base_fields
    assert form_class.base_fields["alt_text"].required
    assert "credit" in form_class.base_fields
    assert "description" not in form_class.base_fields


def test_accent_choices_match_the_contrast_checked_palette():
    # Editors pick from exactly the accents the front-end build checks for contrast.
    tokens = json.loads(
        (settings.BASE_DIR / "site/static_src/tokens/limburg.tokens.json").read_text()
    )
    palette = {name for name in tokens["accents"] if not name.startswith("$")}
    assert palette == set(Accent.values)


def test_page_tree_rules(home_nl, page_by_slug):
    allowed_under_home = set(HomePage.allowed_subpage_models())
    assert {ContentPage, CaseStudyIndexPage, KnowledgeIndexPage} <= allowed_under_home
    assert HomePage not in allowed_under_home
    assert ContentPage.can_create_at(page_by_slug("kennisbank"))
    assert ContentPage.can_create_at(page_by_slug("over-het-programma"))
    # One case-study section per home page (that is: per language).
    assert not CaseStudyIndexPage.can_create_at(home_nl)
    assert not ContentPage.can_create_at(page_by_slug("praktijkvoorbeelden"))
