"""Translating a Dutch case study into English through the Wagtail admin, as an editor does.

Every step goes over HTTP with the test client, logged in as a member of the province's
editors: submit the page for translation (wagtail-localize's "Translate this page"), fill
in strings through the translation editor's API, publish from the editor, sync after the
Dutch page changes, and hand a PO file to an outside translator and back. The URLs come
from the admin itself where an editor would follow a link (the editor's props, the page
header), so a change in wagtail-localize's routes shows up here.

wagtail-localize publishes translated pages in ``transaction.on_commit``; a test's
transaction never commits, so every request that publishes runs inside ``committed()``.

Fields that carry codes, dates and amounts must follow the Dutch page rather than be
offered for translation; the last tests check how wagtail-localize classifies them.
"""

import json
import uuid
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

import polib
import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyIndexPage, CaseStudyPage, FundingInstrument
from casestudies.models.pages import CaseStudyFunding, CaseStudyPartner
from knowledge.models import EventPage, InterventionPage, ResearchOutputPage, VillageDealPage
from limburg.models import Organisation, PartnerPage, Place
from limburg.roles import PROVINCE_EDITORS, ensure_roles
from tests.factories import add_classified_page

DUTCH = {
    "title": "Buurtkracht Vaals",
    "slug": "buurtkracht-vaals",
    "summary": "Bewoners van Vaals werken samen aan een veilige en gezonde buurt.",
    "introduction": "<p>Een wijkaanpak met bewoners, gemeente en GGD.</p>",
}
ENGLISH = {
    "title": "Community strength Vaals",
    "slug": "community-strength-vaals",
    "summary": "Residents of Vaals work together on a safe and healthy neighbourhood.",
    "introduction": "An area-based approach with residents, the municipality and the GGD.",
}
NEW_DUTCH_SUMMARY = "Bewoners van Vaals openen samen een nieuw buurthuis."
NEW_ENGLISH_SUMMARY = "Residents of Vaals open a new community centre together."
AMOUNT = Decimal("125000.00")
FUNDING_PURPOSE = "Voor de verbouwing van het buurthuis"
ENGLISH_FUNDING_PURPOSE = "For the renovation of the community centre"

# The API the translation editor's JavaScript calls: a form-encoded PUT.
FORM = "application/x-www-form-urlencoded"


# Fixtures ------------------------------------------------------------------


@pytest.fixture
def translator(db):
    """A member of the province's editors: they may submit, translate and publish pages."""
    groups = ensure_roles()
    user = User.objects.create_user(username="vertaalredactie", email="vertaalredactie@example.org")
    user.groups.add(groups[PROVINCE_EDITORS])
    return user


@pytest.fixture
def editor(login, translator):
    """The test client, logged in to the admin as the translating editor."""
    return login(translator.username)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what wagtail-localize defers to ``transaction.on_commit`` (publishing the target)."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run


@pytest.fixture
def index_en(locale_nl, locale_en):
    return CaseStudyIndexPage.objects.get(locale=locale_nl).get_translation(locale_en)


@pytest.fixture
def case_study(locale_nl):
    """A published Dutch case study in Vaals, about health, with a funded amount."""
    page = CaseStudyPage(
        locale=locale_nl,
        kind=CaseStudyPage.Kind.PROJECT,
        status=CaseStudyPage.Status.LOPEND,
        start_year=2023,
        **DUTCH,
    )
    page.funding.add(
        page.funding.model(
            instrument=FundingInstrument.objects.get(locale=locale_nl, slug="regio-deal"),
            amount=AMOUNT,
            start_year=2023,
            description=FUNDING_PURPOSE,
            source_name="Raadsbesluit gemeente Vaals",
        )
    )
    return add_classified_page(
        CaseStudyIndexPage.objects.get(locale=locale_nl),
        page,
        themes=("gezondheid",),
        places=("GM0981",),
    )


@pytest.fixture
def submitted(editor, case_study, locale_en, committed):
    """The case study submitted for translation into English; its English page."""
    with committed():
        response = editor.post(submit_url(case_study), {"locales": [locale_en.pk]})
    assert response.status_code == 302, response.content
    return case_study.get_translation(locale_en).specific


@pytest.fixture
def published(editor, submitted, committed):
    """The English page with every string translated in the editor and published."""
    fill_in(editor, submitted, everything_in_english(editor, submitted))
    publish_translation(editor, submitted, committed)
    return CaseStudyPage.objects.get(pk=submitted.pk)


# Helpers -------------------------------------------------------------------


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def snippet_edit_url(instance):
    return AdminURLFinder().get_edit_url(instance)


def translation_of(page, locale):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale, enabled=True
    )


def parse(response):
    return BeautifulSoup(response.content, "html.parser")


def admin_messages(soup, level):
    """The admin's flash messages of one level (success, warning, error) as text."""
    return [item.get_text(" ", strip=True) for item in soup.select(f".messages li.{level}")]


def editor_props(client, page):
    """What the translation editor on the page's edit view is given to work with."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    editor_element = parse(response).select_one(".js-translation-editor")
    assert editor_element is not None, "the edit view is not wagtail-localize's translation editor"
    return json.loads(editor_element["data-props"])


def string_segments(props):
    """{content path: segment} for the editor's translatable strings."""
    return {
        segment["contentPath"]: segment
        for segment in props["segments"]
        if segment["type"] == "string"
    }


def fill_in(client, page, values):
    """Type ``values`` ({content path: text}) into the translation editor, as its fields do."""
    segments = string_segments(editor_props(client, page))
    for path, value in values.items():
        response = client.put(
            segments[path]["editUrl"], urlencode({"value": value}), content_type=FORM
        )
        assert response.status_code in (200, 201), response.content
        assert response.json()["data"] == value


def everything_in_english(client, page):
    """ENGLISH plus what the funding row is for, at the path the editor gives it."""
    segments = string_segments(editor_props(client, page))
    funding = [path for path, segment in segments.items() if segment["source"] == FUNDING_PURPOSE]
    assert len(funding) == 1
    return {**ENGLISH, funding[0]: ENGLISH_FUNDING_PURPOSE}


def publish_translation(client, page, committed):
    """Press "Publish" in the translation editor; the admin page that follows."""
    with committed():
        response = client.post(edit_url(page), {"action": "publish"}, follow=True)
    assert response.redirect_chain[0] == (edit_url(page), 302)
    return parse(response)


def english_alias(page, locale_en):
    """The English alias the synchronised tree gives a Dutch page made in the admin."""
    page.copy_for_translation(locale_en, copy_parents=True, alias=True)
    return Page.objects.get(alias_of=page, locale=locale_en)


def public(url):
    """The public page as an anonymous visitor sees it."""
    return Client().get(url)


def lead(response):
    return parse(response).select_one("main .utrecht-paragraph--lead").get_text(strip=True)


# 1. Submitting ---------------------------------------------------------------


def test_editor_submits_case_study_and_gets_english_page_under_english_index(
    editor, case_study, locale_nl, locale_en, index_en, committed
):
    # The Dutch page's header offers "Translate this page".
    header = parse(editor.get(edit_url(case_study)))
    assert header.select_one(f'a[href="{submit_url(case_study)}"]') is not None

    # The form offers English, not the page's own language.
    form = parse(editor.get(submit_url(case_study)))
    offered = {int(box["value"]) for box in form.select('input[name="locales"]')}
    assert offered == {locale_en.pk}

    with committed():
        response = editor.post(submit_url(case_study), {"locales": [locale_en.pk]})

    english = case_study.get_translation(locale_en).specific
    assert response.status_code == 302
    assert response["Location"] == edit_url(english)
    # Synchronised tree: the English page hangs under the English case study index.
    assert english.get_parent().pk == index_en.pk
    assert english.url_path.startswith(index_en.url_path)
    source = TranslationSource.objects.get(object_id=case_study.translation_key)
    assert source.locale == locale_nl
    assert translation_of(case_study, locale_en).source == source
    # Nothing translated yet: the copy carries the Dutch text, the same places and amounts.
    assert english.title == DUTCH["title"]
    assert [place.code for place in english.places.all()] == ["GM0981"]
    assert [item.amount for item in english.funding.all()] == [AMOUNT]

    # Its edit view is the translation editor, with the Dutch strings to translate.
    segments = string_segments(editor_props(editor, english))
    sources = {path: segment["source"] for path, segment in segments.items()}
    assert (
        sources.items()
        >= {
            "title": DUTCH["title"],
            "slug": DUTCH["slug"],
            "summary": DUTCH["summary"],
            "introduction": "Een wijkaanpak met bewoners, gemeente en GGD.",
        }.items()
    )


def test_submitting_turns_the_synchronised_alias_into_the_translation(
    editor, case_study, locale_en, committed
):
    alias = english_alias(case_study, locale_en)

    # An alias is not a translation: the form still offers English.
    form = parse(editor.get(submit_url(case_study)))
    assert {int(box["value"]) for box in form.select('input[name="locales"]')} == {locale_en.pk}

    with committed():
        response = editor.post(submit_url(case_study), {"locales": [locale_en.pk]})

    assert response["Location"] == edit_url(alias)
    english = Page.objects.get(pk=alias.pk)
    assert english.alias_of_id is None
    assert translation_of(case_study, locale_en).get_target_instance().pk == alias.pk
    assert string_segments(editor_props(editor, english))["title"]["source"] == DUTCH["title"]


@pytest.mark.parametrize("synchronised_tree", [False, True], ids=["no-alias", "from-alias"])
def test_untranslated_english_copy_is_not_passed_off_as_english(
    editor, case_study, locale_en, committed, synchronised_tree
):
    """Until its translation is published, the English page is a draft: readers get no Dutch
    text under /en/ passed off as English. A new copy starts as a draft
    (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False); a converted alias, which would
    keep serving the Dutch text without its alias marking, is taken offline."""
    if synchronised_tree:
        english_alias(case_study, locale_en)

    with committed():
        editor.post(submit_url(case_study), {"locales": [locale_en.pk]})

    english = case_study.get_translation(locale_en)
    assert not english.live
    assert public(english.url).status_code == 404
    # Once translated and published, it is there.
    fill_in(editor, english, everything_in_english(editor, english))
    publish_translation(editor, english, committed)
    response = public(english.specific_class.objects.get(pk=english.pk).url)
    assert response.status_code == 200
    assert lead(response) == ENGLISH["summary"]


def test_submitting_creates_the_missing_english_parent(
    editor, case_study, locale_en, home_en, index_en, committed
):
    index_en.delete()

    with committed():
        response = editor.post(submit_url(case_study), {"locales": [locale_en.pk]})

    assert response.status_code == 302
    english = case_study.get_translation(locale_en)
    parent = english.get_parent()
    assert parent.locale == locale_en
    assert parent.translation_key == case_study.get_parent().translation_key
    assert parent.get_parent().pk == home_en.pk


def test_partner_without_translate_permission_cannot_submit(login, case_study, locale_en):
    partner = login("partner-kerkrade")

    # The admin turns the refusal into a redirect home with a message.
    for response in (
        partner.get(submit_url(case_study)),
        partner.post(submit_url(case_study), {"locales": [locale_en.pk]}),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert not case_study.has_translation(locale_en)


# 2. Translating and publishing -------------------------------------------------


def test_editor_translates_strings_and_publishes_the_english_page(
    editor, submitted, locale_en, committed
):
    values = everything_in_english(editor, submitted)
    fill_in(editor, submitted, values)

    stored = StringTranslation.objects.filter(
        locale=locale_en, context__object_id=submitted.translation_key
    )
    assert {item.context.path: item.data for item in stored} == values

    admin = publish_translation(editor, submitted, committed)
    assert admin_messages(admin, "warning") == []
    assert any(ENGLISH["title"] in message for message in admin_messages(admin, "success"))

    english = CaseStudyPage.objects.get(pk=submitted.pk)
    assert english.live
    assert english.title == ENGLISH["title"]
    assert english.slug == ENGLISH["slug"]
    assert english.url == f"/en/case-studies/{ENGLISH['slug']}/"

    response = public(english.url)
    assert response.status_code == 200
    page = parse(response)
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == ENGLISH["title"]
    assert lead(response) == ENGLISH["summary"]
    assert ENGLISH["introduction"] in page.get_text()
    assert DUTCH["summary"] not in page.get_text()


def test_publishing_with_untranslated_strings_warns_and_falls_back_to_dutch(
    editor, submitted, committed
):
    fill_in(editor, submitted, {"title": ENGLISH["title"], "slug": ENGLISH["slug"]})

    admin = publish_translation(editor, submitted, committed)

    assert admin_messages(admin, "warning"), "no warning about the missing translations"
    english = CaseStudyPage.objects.get(pk=submitted.pk)
    assert english.title == ENGLISH["title"]
    assert english.summary == DUTCH["summary"]


def test_english_translation_is_classified_with_the_english_themes(published, locale_en):
    """A translated page links to the themes of its own language (wagtail-localize copies the
    Dutch ones; ThemesMixin swaps them), so the English theme filter finds it."""
    assert {theme.locale_id for theme in published.themes.all()} == {locale_en.pk}

    response = public(published.url)
    assert "Health" in parse(response).select_one(".lp-badge-list").get_text()
    listing = public(f"{published.get_parent().url}?theme=health")
    assert ENGLISH["title"] in listing.content.decode()


def test_english_translation_names_the_english_funding_instrument(published, locale_en):
    """The English page's funding rows (translatable child rows) name the English funding
    instrument and say in English what the money is for."""
    assert {item.instrument.locale_id for item in published.funding.all()} == {locale_en.pk}
    text = parse(public(published.url)).get_text()
    assert published.funding.get().instrument.name in text
    assert ENGLISH_FUNDING_PURPOSE in text
    assert FUNDING_PURPOSE not in text


def test_what_funding_is_for_is_offered_for_translation(editor, submitted):
    """The English page shows what each funding row is for, so the translator gets that text."""
    segments = string_segments(editor_props(editor, submitted))
    assert FUNDING_PURPOSE in [segment["source"] for segment in segments.values()]


# 3. The Dutch page changes -------------------------------------------------------


def change_dutch(case_study, **fields):
    page = CaseStudyPage.objects.get(pk=case_study.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_changed_dutch_page_is_synced_and_the_new_string_translated(
    editor, case_study, published, locale_en, committed
):
    change_dutch(case_study, summary=NEW_DUTCH_SUMMARY)
    source = TranslationSource.objects.get(object_id=case_study.translation_key)
    update_url = reverse("wagtail_localize:update_translations", args=[source.pk])

    # The admin offers "Sync translated pages" on the Dutch page and in its listing.
    assert parse(editor.get(edit_url(case_study))).select_one(f'a[href^="{update_url}?"]')
    listing = parse(editor.get(reverse("wagtailadmin_explore", args=[case_study.get_parent().pk])))
    assert listing.select_one(f'a[href^="{update_url}?"]')

    # The sync view lists the English translation, linked to its editor.
    sync = parse(editor.get(update_url))
    item = sync.select_one(f'main li:has(a[href="{edit_url(published)}"])')
    assert item is not None
    assert "English" in item.get_text() and ENGLISH["title"] in item.get_text()

    # Until then the English page is out of date: the old text, and the editor still
    # offers the old Dutch string.
    assert lead(public(published.url)) == ENGLISH["summary"]
    assert string_segments(editor_props(editor, published))["summary"]["source"] == DUTCH["summary"]

    with committed():
        response = editor.post(update_url, {"publish_translations": "on"}, follow=True)
    assert admin_messages(parse(response), "success")

    # Synced and published: the new string is offered untranslated and, until it is
    # translated, shown in Dutch; the strings already translated stay English.
    props = editor_props(editor, published)
    segments = string_segments(props)
    translated = {item["segment_id"] for item in props["initialStringTranslations"]}
    assert segments["summary"]["source"] == NEW_DUTCH_SUMMARY
    assert segments["summary"]["id"] not in translated
    assert segments["title"]["id"] in translated
    response = public(published.url)
    assert lead(response) == NEW_DUTCH_SUMMARY
    assert parse(response).h1.get_text(strip=True) == ENGLISH["title"]

    fill_in(editor, published, {"summary": NEW_ENGLISH_SUMMARY})
    publish_translation(editor, published, committed)

    assert lead(public(published.url)) == NEW_ENGLISH_SUMMARY


def sync_and_publish(client, dutch, committed):
    """Press "Sync translated pages" on the Dutch page, publishing the translations."""
    source = TranslationSource.objects.get(object_id=dutch.translation_key)
    with committed():
        client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )


def test_sync_carries_changed_amounts_and_years_to_the_english_page(
    editor, case_study, published, committed
):
    dutch = CaseStudyPage.objects.get(pk=case_study.pk)
    dutch.funding.update(amount=Decimal("250000.00"))
    dutch.end_year = 2027
    dutch.save_revision().publish()
    sync_and_publish(editor, case_study, committed)

    english = CaseStudyPage.objects.get(pk=published.pk)
    assert [item.amount for item in english.funding.all()] == [Decimal("250000.00")]
    assert english.end_year == 2027
    assert english.title == ENGLISH["title"]


def test_sync_carries_changed_places_to_the_english_page(editor, case_study, published, committed):
    """The places (CBS-coded, shared by both languages) follow the Dutch page: wagtail-localize
    skips many-to-many fields unless the model lists them as synchronised, as ours do."""
    dutch = CaseStudyPage.objects.get(pk=case_study.pk)
    dutch.places.set(Place.objects.filter(code__in=["GM0917", "GM0981"]))
    dutch.save_revision().publish()
    sync_and_publish(editor, case_study, committed)

    english = CaseStudyPage.objects.get(pk=published.pk)
    assert sorted(place.code for place in english.places.all()) == ["GM0917", "GM0981"]


# 4. PO files for outside translators ----------------------------------------------


def test_po_file_round_trip_through_the_admin(editor, submitted, locale_en, committed):
    links = editor_props(editor, submitted)["links"]
    translation = translation_of(submitted, locale_en)

    response = editor.get(links["downloadPofile"])
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    assert response["Content-Disposition"] == "attachment; filename=buurtkracht-vaals-en.po"
    po = polib.pofile(response.content.decode())
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    by_context = {entry.msgctxt: entry for entry in po}
    assert by_context["title"].msgid == DUTCH["title"]
    assert by_context["summary"].msgid == DUTCH["summary"]
    assert by_context["introduction"].msgid == "Een wijkaanpak met bewoners, gemeente en GGD."
    assert all(entry.msgstr == "" for entry in po)

    # The outside translator fills in two strings and sends the file back.
    by_context["title"].msgstr = ENGLISH["title"]
    by_context["summary"].msgstr = ENGLISH["summary"]
    upload = SimpleUploadedFile("buurtkracht-vaals-en.po", str(po).encode(), "text/x-gettext")
    response = editor.post(
        links["uploadPofile"], {"file": upload, "next": edit_url(submitted)}, follow=True
    )

    assert response.redirect_chain == [(edit_url(submitted), 302)]
    assert admin_messages(parse(response), "success")
    stored = StringTranslation.objects.get(
        locale=locale_en, context__object_id=submitted.translation_key, context__path="summary"
    )
    assert stored.data == ENGLISH["summary"]
    assert stored.tool_name == "PO File"

    publish_translation(editor, submitted, committed)

    response = public(CaseStudyPage.objects.get(pk=submitted.pk).url)
    assert response.status_code == 200
    assert parse(response).h1.get_text(strip=True) == ENGLISH["title"]
    assert lead(response) == ENGLISH["summary"]


def foreign_po():
    """A well-formed PO file, but not one wagtail-localize wrote for this translation."""
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=utf-8"}
    po.append(polib.POEntry(msgctxt="summary", msgid=DUTCH["summary"], msgstr="Hijacked"))
    return str(po).encode()


def other_translations_po():
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=utf-8",
        "X-WagtailLocalize-TranslationID": str(uuid.uuid4()),
    }
    po.append(polib.POEntry(msgctxt="summary", msgid=DUTCH["summary"], msgstr="Hijacked"))
    return str(po).encode()


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", id="binary"),
        pytest.param(b"Beste redactie, hierbij de vertaling.\n", id="prose"),
        pytest.param(other_translations_po(), id="po-of-another-translation"),
        # wagtail-localize 1.14.5 answers these with a KeyError (a 500); views_admin's
        # guard gives the same clear error as for the others.
        pytest.param(b"", id="empty"),
        pytest.param(foreign_po(), id="po-without-translation-id"),
    ],
)
def test_garbage_po_upload_is_refused_with_a_message_and_changes_nothing(
    editor, submitted, locale_en, content
):
    fill_in(editor, submitted, {"summary": ENGLISH["summary"]})
    upload_url = editor_props(editor, submitted)["links"]["uploadPofile"]
    editor.raise_request_exception = False

    response = editor.post(
        upload_url,
        {"file": SimpleUploadedFile("vertaling.po", content), "next": edit_url(submitted)},
    )

    assert response.status_code == 302
    assert response["Location"] == edit_url(submitted)
    assert admin_messages(parse(editor.get(response["Location"])), "error")
    stored = StringTranslation.objects.filter(
        locale=locale_en, context__object_id=submitted.translation_key
    )
    assert {item.context.path: item.data for item in stored} == {"summary": ENGLISH["summary"]}


# 5. What is translated and what is synchronised ---------------------------------------

# Codes, dates, amounts and identifiers: the same in every language, so they must follow
# the Dutch page (SynchronizedField), never be offered to translators (TranslatableField).
MUST_BE_SYNCHRONISED = [
    (CaseStudyPage, "kind"),
    (CaseStudyPage, "status"),
    (CaseStudyPage, "start_year"),
    (CaseStudyPage, "end_year"),
    (CaseStudyPage, "last_checked"),
    (CaseStudyPage, "contact_email"),
    # Inside the translatable funding and partner rows.
    (CaseStudyFunding, "amount"),
    (CaseStudyFunding, "start_year"),
    (CaseStudyFunding, "end_year"),
    (CaseStudyFunding, "source_name"),
    (CaseStudyFunding, "source_url"),
    (CaseStudyPartner, "role"),
    # wagtail-localize skips many-to-many fields unless the model lists them.
    (CaseStudyPage, "places"),
    (CaseStudyPage, "themes"),
    (ResearchOutputPage, "doi"),
    (ResearchOutputPage, "isbn"),
    (ResearchOutputPage, "publication_date"),
    (ResearchOutputPage, "date_precision"),
    (ResearchOutputPage, "number_of_pages"),
    (ResearchOutputPage, "peer_reviewed"),
    (ResearchOutputPage, "external_url"),
    # Authors with their ORCID iDs.
    (ResearchOutputPage, "authors"),
    (ResearchOutputPage, "places"),
    (VillageDealPage, "signed_on"),
    (VillageDealPage, "term_start_year"),
    (VillageDealPage, "term_end_year"),
    (VillageDealPage, "places"),
    (InterventionPage, "recognition_date"),
    (InterventionPage, "recognition_source_url"),
    (InterventionPage, "places"),
    (EventPage, "start"),
    (EventPage, "end"),
    (EventPage, "capacity"),
    (EventPage, "places"),
    # A phone number, an address and a person's name are not text to translate.
    (PartnerPage, "contact_phone"),
    (EventPage, "address"),
    (CaseStudyPage, "contact_name"),
    (InterventionPage, "contact_name"),
]


@pytest.mark.parametrize(
    ("model", "field_name"),
    MUST_BE_SYNCHRONISED,
    ids=[f"{model.__name__}.{name}" for model, name in MUST_BE_SYNCHRONISED],
)
def test_codes_dates_and_amounts_are_synchronised_not_translated(model, field_name):
    fields = {field.field_name: field for field in get_translatable_fields(model)}

    assert field_name in fields, (
        f"wagtail-localize neither translates nor synchronises {model.__name__}.{field_name}: "
        f'add SynchronizedField("{field_name}") to override_translatable_fields'
    )
    assert not isinstance(fields[field_name], TranslatableField)
    assert isinstance(fields[field_name], SynchronizedField)


def test_numbers_and_dates_in_streams_are_not_offered_for_translation(locale_nl):
    page = CaseStudyPage(
        locale=locale_nl,
        key_figures=[
            {
                "type": "figure",
                "id": str(uuid.uuid4()),
                "value": {
                    "value": "1234.50",
                    "unit": "bewoners",
                    "label": "bereikt met huisbezoeken",
                    "year": 2024,
                    "source": {"name": "GGD Zuid Limburg", "url": "https://example.org/cijfers"},
                },
            }
        ],
        timeline=[
            {
                "type": "milestone",
                "id": str(uuid.uuid4()),
                "value": {
                    "date": "2024-03-01",
                    "precision": "day",
                    "text": "Het buurthuis opent.",
                    "source": {"name": "Gemeente Vaals", "url": ""},
                },
            }
        ],
        **DUTCH,
    )

    strings = {
        segment.path: segment.render_text()
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    }

    texts = set(strings.values())
    assert {"bewoners", "bereikt met huisbezoeken", "Het buurthuis opent."} <= texts
    for value in ("1234.50", "1234.5", "2024", "2024-03-01", "https://example.org/cijfers"):
        assert value not in texts
    assert not any(path.endswith((".value", ".year", ".date")) for path in strings)


def test_funding_and_partner_rows_offer_their_text_and_follow_the_vocabulary():
    funding = {field.field_name: field for field in get_translatable_fields(CaseStudyFunding)}
    assert isinstance(funding["description"], TranslatableField)
    # A related translatable snippet: the English page points at the English instrument.
    assert isinstance(funding["instrument"], TranslatableField)
    partner = {field.field_name: field for field in get_translatable_fields(CaseStudyPartner)}
    assert isinstance(partner["commitment"], TranslatableField)
    assert isinstance(partner["organisation"], TranslatableField)


def test_an_organisation_snippet_is_translated_in_the_admin(
    editor, locale_nl, locale_en, committed
):
    """Translatable snippets go through the same editor: the description is translated, the
    name (a proper name) follows the Dutch."""
    dutch = Organisation.objects.create(
        locale=locale_nl,
        name="Buurtwerk Vaals",
        kind=Organisation.Kind.BEWONERSORGANISATIE,
        description="Bewoners organiseren activiteiten in hun buurt.",
    )
    submit = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["limburg", "organisation", dutch.pk],
    )
    assert editor.get(submit).status_code == 200
    with committed():
        response = editor.post(submit, {"locales": [locale_en.pk]})
    assert response.status_code == 302
    english = dutch.get_translation(locale_en)
    assert english.name == "Buurtwerk Vaals"

    response = editor.get(snippet_edit_url(english))
    assert response.status_code == 200
    props = json.loads(parse(response).select_one(".js-translation-editor")["data-props"])
    segments = string_segments(props)
    assert "name" not in segments  # synchronised, not offered
    english_text = "Residents organise activities in their neighbourhood."
    response = editor.put(
        segments["description"]["editUrl"], urlencode({"value": english_text}), content_type=FORM
    )
    assert response.status_code in (200, 201)
    with committed():
        response = editor.post(snippet_edit_url(english), {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.description == english_text
    dutch.refresh_from_db()
    assert dutch.description == "Bewoners organiseren activiteiten in hun buurt."


def test_syncing_a_demo_deal_keeps_its_english_rows(editor, locale_nl, locale_en, committed):
    """The demo's hand-written English is wagtail-localize's translation, child rows included:
    syncing after a Dutch change keeps the English milestones and commitments."""
    dutch = VillageDealPage.objects.get(locale=locale_nl, slug="regio-deal-parkstad-limburg")
    english_before = dutch.get_translation(locale_en)
    milestones = [item.text for item in english_before.milestones.all()]
    commitments = [item.commitment for item in english_before.parties.all()]
    assert milestones and any(commitments)

    dutch.term_end_year = (dutch.term_end_year or 2030) + 1
    dutch.save_revision().publish()
    sync_and_publish(editor, dutch, committed)

    english = VillageDealPage.objects.get(pk=english_before.pk)
    assert english.term_end_year == dutch.term_end_year
    assert [item.text for item in english.milestones.all()] == milestones
    assert [item.commitment for item in english.parties.all()] == commitments
    assert {item.locale_id for item in english.parties.all()} == {locale_en.pk}
    assert "Regio Deal van € 80 miljoen afgesproken" not in parse(public(english.url)).get_text()
