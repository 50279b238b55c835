"""import_places and load_demo: real counts, idempotency, and all-or-nothing on bad input."""

import io
import json
import shutil

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import GroupPagePermission, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

import pytest

from casestudies.models import CaseStudyPage
from knowledge.models import Initiative, ThemeDossierPage
from limburg.models import HomePage, Organisation, Place, Theme

pytestmark = pytest.mark.django_db

GEMEENTEN = "limburg_gemeenten_2023.geojson"
WIJKEN = "limburg_wijken_2024.geojson"


def run(command, *args, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err, **kwargs)
    return out.getvalue(), err.getvalue()


def delete_all_places():
    # Initiatives protect their place from deletion (demo examples among them).
    Initiative.objects.all().delete()
    for kind in ("buurt", "kern", "wijk", "gemeente", "provincie"):
        Place.objects.filter(kind=kind).delete()


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the real data files, for tests that break one of them."""
    for name in (GEMEENTEN, WIJKEN):
        shutil.copy(settings.SHARED_DATA_DIR / name, tmp_path / name)
    return tmp_path


def test_import_places_gives_the_real_counts():
    delete_all_places()
    out, err = run("import_places")
    assert Place.objects.filter(kind="provincie").count() == 1
    assert Place.objects.gemeenten().count() == 31
    assert Place.objects.wijken().count() == 252
    assert "283 created" in out
    assert "Places" in err  # the progress bar
    heerlen = Place.objects.get(code="GM0917")
    assert heerlen.name == "Heerlen"
    assert heerlen.parent.code == "PV31"
    assert heerlen.boundary["type"] in {"Polygon", "MultiPolygon"}
    assert heerlen.boundary_source == "Kadaster / CBS, 2023"
    for wijk in Place.objects.wijken().select_related("parent"):
        assert wijk.parent.kind == "gemeente"
        assert wijk.code[2:6] == wijk.parent.code[2:]


def test_import_places_twice_changes_nothing():
    before = list(Place.objects.order_by("code").values_list("pk", "code", "name", "parent_id"))
    out, _err = run("import_places")
    assert "0 created" in out
    after = list(Place.objects.order_by("code").values_list("pk", "code", "name", "parent_id"))
    assert after == before


def break_feature(path, index, change):
    data = json.loads(path.read_text())
    change(data["features"][index])
    path.write_text(json.dumps(data))


@pytest.mark.parametrize(
    ("filename", "breakage", "message"),
    [
        (WIJKEN, lambda f: f["properties"].update(statcode="WK12"), "feature 201"),
        (
            WIJKEN,
            lambda f: f["properties"].update(statcode="WK999901", gemeentecode="GM9999"),
            "GM9999",
        ),
        (GEMEENTEN, lambda f: f["properties"].pop("statnaam"), "statnaam"),
        (GEMEENTEN, lambda f: f.update(geometry=None), "geometry"),
    ],
)
def test_a_bad_file_imports_nothing(data_dir, filename, breakage, message):
    delete_all_places()
    break_feature(data_dir / filename, 200 if filename == WIJKEN else 3, breakage)
    with pytest.raises(CommandError) as error:
        run("import_places", data_dir=data_dir)
    assert message in str(error.value)
    assert filename in str(error.value) or "GM9999" in str(error.value)
    assert Place.objects.count() == 0


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b'{"type": "Feature"}', b""])
def test_a_corrupt_file_is_a_clear_error(data_dir, content):
    delete_all_places()
    (data_dir / WIJKEN).write_bytes(content)
    with pytest.raises(CommandError) as error:
        run("import_places", data_dir=data_dir)
    assert WIJKEN in str(error.value)
    assert Place.objects.count() == 0


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="file not found"):
        run("import_places", data_dir=tmp_path)


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "themes": Theme.objects.count(),
        "places": Place.objects.count(),
        "organisations": Organisation.objects.count(),
        "users": User.objects.count(),
        "groups": Group.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
    }


def test_load_demo_twice_gives_identical_counts():
    # The session fixture has loaded the demo once already.
    first = counts()
    out, _err = run("load_demo")
    assert counts() == first
    assert "Demo users" not in out  # passwords are printed once, on creation only
    assert first["organisations"] >= 2 * 30
    assert first["places"] == 284


def test_load_demo_builds_the_tree_in_both_languages():
    for language, paths in {
        "nl": [
            "/nl/",
            "/nl/praktijkvoorbeelden/",
            "/nl/kennisbank/",
            "/nl/over-het-programma/toegankelijkheid/",
        ],
        "en": ["/en/", "/en/case-studies/", "/en/knowledge/", "/en/about/accessibility/"],
    }.items():
        urls = {page.url for page in Page.objects.live().filter(locale__language_code=language)}
        assert set(paths) <= urls


def test_demo_english_is_translated_through_wagtail_localize(client, page_by_slug):
    """The home page, the five dossiers, about, accessibility and every case study are
    wagtail-localize translations with every string translated, in real English."""
    dutch = [
        HomePage.objects.get(locale__language_code="nl"),
        *ThemeDossierPage.objects.filter(locale__language_code="nl"),
        page_by_slug("over-het-programma"),
        page_by_slug("toegankelijkheid"),
        *CaseStudyPage.objects.filter(locale__language_code="nl", alias_of__isnull=True),
    ]
    assert len(dutch) >= 1 + 5 + 2 + 12
    for page in dutch:
        translation = Translation.objects.get(
            source__object_id=page.translation_key, target_locale__language_code="en"
        )
        total, translated = translation.get_progress()
        assert total > 0 and translated == total, page.title
        english = page.get_translation(translation.target_locale)
        assert english.live and english.alias_of_id is None
        # Not a copy of the Dutch (programme names stay Dutch, the text does not).
        if page.summary:
            assert english.summary != page.summary, page.title
    # Every demo translation is complete, deals and events included.
    incomplete = [
        str(translation.source.get_source_instance())
        for translation in Translation.objects.select_related("source")
        if len(set(translation.get_progress())) != 1
    ]
    assert incomplete == []
    # An editor opening an English page gets the wagtail-localize editor.
    client.force_login(User.objects.get(username="redactie"))
    english = page_by_slug("accessibility", "en")
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [
        template.name for template in response.templates
    ]


def test_the_demo_site_has_the_address_of_base_url():
    # Wagtail's full links (sitemap, OAI-PMH, API) then point where the demo is served.
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def test_load_demo_creates_one_user_per_role():
    roles = {user.username: [g.name for g in user.groups.all()] for user in User.objects.all()}
    assert roles["redactie"] == ["Provinciale redactie"]
    assert roles["onderzoeker"] == ["Onderzoeker"]
    assert roles["reviewer"] == ["Reviewer NPHN-academie"]
    assert roles["partner-kerkrade"] == ["Gemeente Kerkrade redacteuren"]


def test_load_demo_prints_passwords_of_new_users_only():
    User.objects.filter(username="partner-ggd").delete()
    out, _err = run("load_demo")
    assert "partner-ggd" in out and "redactie" not in out
    password = out.split("partner-ggd", 1)[1].split()[0]
    assert User.objects.get(username="partner-ggd").check_password(password)
