"""Initiatives: the public form (validation per field, spam defences, nothing half-saved),
confirmation through the real outbox, status e-mails, a fund sees only its own through the
admin, promotion to a draft practice page, purging, and personal data in no public output."""

import io
import re
import shutil
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail, signing
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from knowledge import initiatives
from knowledge.forms import STARTED_SALT
from knowledge.models import (
    AreaIndexPage,
    Initiative,
    InitiativeAttachment,
    InitiativeIndexPage,
    InitiativeLogEntry,
)
from knowledge.monitor.views import profile_url
from limburg.models import Place, Theme
from limburg.partners import create_partner

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
SECRET = "Zwartkopmees"  # in every personal field of the test initiative, nowhere else


@pytest.fixture(autouse=True)
def fresh_state():
    """No rate limit or private files left by an earlier test (files outlive transactions)."""
    cache.clear()
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def login(client):
    def as_user(username):
        client.force_login(User.objects.get(username=username))
        return client

    return as_user


@pytest.fixture
def scheme(locale_nl):
    return InitiativeIndexPage.objects.get(locale=locale_nl)


@pytest.fixture
def submit_url(scheme):
    return scheme.submit_url()


@pytest.fixture
def wijk():
    return Place.objects.get(code="WK098101")


def started(seconds_ago=60):
    return signing.dumps(time.time() - seconds_ago, salt=STARTED_SALT)


@pytest.fixture
def valid(wijk, locale_nl):
    """POST data of a complete group initiative."""
    return {
        "title": "Speeltuin aan de Kerkstraat",
        "description": "Een groene speelplek voor de kinderen uit de buurt.",
        "scale": "groep",
        "nature": "fysiek",
        "place": str(wijk.pk),
        "themes": [str(Theme.objects.get(locale=locale_nl, slug="wonen").pk)],
        "needs": ["money", "help"],
        "amount": "2500",
        "organisation_name": f"Stichting {SECRET}",
        "kvk_number": "12345678",
        "contact_name": f"Jan {SECRET}",
        "contact_email": f"{SECRET.lower()}@example.org",
        "contact_phone": "043 123 45 67",
        "privacy_consent": "on",
        "publication_consent": "on",
        "started": started(),
        "website": "",
    }


def private_files():
    return sorted(p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file())


def errors_of(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        element["id"].removeprefix("id_").removesuffix("-error"): element.get_text(" ", strip=True)
        for element in soup.select(".utrecht-form-field-error-message")
    }


def confirm_link(message):
    return re.search(r"https?://\S+", message.body).group(0)


def submitted(client, submit_url, data, **files):
    """Send the form; the new initiative."""
    response = client.post(submit_url, {**data, **files})
    assert response.status_code == 200, errors_of(response)
    return Initiative.objects.latest("pk")


@pytest.fixture
def confirmed(client, submit_url, valid):
    """A confirmed initiative, as its submitter leaves it."""
    initiative = submitted(client, submit_url, valid)
    path = confirm_link(mail.outbox[-1]).split("testserver", 1)[-1]
    assert client.post(path).status_code == 200
    initiative.refresh_from_db()
    mail.outbox.clear()
    return initiative


# The form --------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/nl/kennisbank/initiatieven/", "/en/knowledge/initiatives/"])
def test_the_scheme_page_explains_and_links_to_the_form(client, path):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    link = soup.select_one("main a.utrecht-button-link")
    assert link is not None
    form = BeautifulSoup(client.get(link["href"]).content, "html.parser").select_one("main form")
    # A plain form: posts without JavaScript, files included.
    assert form["method"] == "post" and form["enctype"] == "multipart/form-data"
    names = {field.get("name") for field in form.select("input, select, textarea")}
    assert {
        "title",
        "description",
        "scale",
        "nature",
        "place",
        "kvk_number",
        "attachments",
    } <= names
    # Every visible field has a label.
    for field in form.select("input:not([type=hidden]), select, textarea"):
        if field.get("name") == "website":
            continue
        assert form.select_one(f'label[for="{field["id"]}"]'), field.get("name")


def test_a_valid_initiative_waits_for_confirmation(client, submit_url, valid):
    attachment = SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")
    initiative = submitted(client, submit_url, valid, attachments=[attachment])
    assert initiative.confirmed_at is None
    assert initiative.kvk_number == "12345678"
    assert initiative.amount == 2500 and initiative.needs_money and initiative.needs_help
    assert initiative.attachments.get().content_type == "application/pdf"
    # Not in anyone's queue before confirmation.
    assert initiative not in initiatives.initiatives_for(User.objects.get(username="redactie"))
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [valid["contact_email"]]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kvk_number": "1234567"}, "kvk_number"),
        ({"kvk_number": "1234567A"}, "kvk_number"),
        ({"kvk_number": ""}, "kvk_number"),
        ({"organisation_name": ""}, "organisation_name"),
        ({"contact_email": "jan@"}, "contact_email"),
        ({"contact_phone": "12"}, "contact_phone"),
        ({"amount": ""}, "amount"),
        ({"amount": "0"}, "amount"),
        ({"amount": "2000000"}, "amount"),
        ({"amount": "veel"}, "amount"),
        ({"needs": ["help"], "amount": "500"}, "needs"),
        ({"needs": []}, "needs"),
        ({"title": ""}, "title"),
        ({"title": "Speeltuin\nBcc: iedereen@example.org"}, "title"),
        ({"description": "x" * 3001}, "description"),
        ({"scale": "bedrijf"}, "scale"),
        ({"place": "999999"}, "place"),
        ({"place": "abc"}, "place"),
        ({"privacy_consent": ""}, "privacy_consent"),
    ],
)
def test_each_field_is_validated_and_nothing_is_saved(client, submit_url, valid, changes, field):
    before = Initiative.objects.count()
    response = client.post(submit_url, {**valid, **changes})
    assert response.status_code == 400
    assert field in errors_of(response)
    soup = BeautifulSoup(response.content, "html.parser")
    if field not in ("needs", "scale"):  # fieldsets carry the error on their legend group
        assert soup.select_one(f'main form [name="{field}"]')["aria-invalid"] == "true"
    assert Initiative.objects.count() == before
    assert mail.outbox == []


def test_an_individual_needs_no_kvk_number_and_none_is_kept(client, submit_url, valid):
    data = {**valid, "scale": "individueel", "kvk_number": "", "organisation_name": "Iets"}
    initiative = submitted(client, submit_url, data)
    assert initiative.kvk_number == "" and initiative.organisation_name == ""


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ([("setup.pdf", b"MZ\x90\x00 an executable")], "geen PDF"),
        ([("plan.png", PDF)], "geen PDF"),
        ([("plan.svg", b"<svg onload='alert(1)'/>")], "geen PDF"),
        ([("groot.pdf", PDF + b"0" * (5 * 1024 * 1024))], "groter dan"),
        ([(f"plan{n}.pdf", PDF) for n in range(4)], "hoogstens 3"),
    ],
)
def test_attachments_are_limited_by_content_size_and_number(
    client, submit_url, valid, files, message
):
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    response = client.post(submit_url, {**valid, "attachments": uploads})
    assert response.status_code == 400
    assert message in errors_of(response)["attachments"]
    assert Initiative.objects.filter(title=valid["title"]).count() == 0
    assert InitiativeAttachment.objects.count() == 0
    assert private_files() == []


def test_three_allowed_attachments_are_kept_privately(client, submit_url, valid):
    uploads = [
        SimpleUploadedFile("plan.pdf", PDF),
        SimpleUploadedFile("foto.png", PNG),
        SimpleUploadedFile("foto.JPG", b"\xff\xd8\xff\xe0" + b"\x00" * 20),
    ]
    initiative = submitted(client, submit_url, valid, attachments=uploads)
    assert initiative.attachments.count() == 3
    stored = private_files()
    assert len(stored) == 3
    assert all(not str(path).startswith(str(settings.MEDIA_ROOT)) for path in stored)


# Spam -------------------------------------------------------------------------------


def test_the_honeypot_looks_like_success_and_keeps_nothing(client, submit_url, valid):
    response = client.post(submit_url, {**valid, "website": "http://spam.example"})
    assert response.status_code == 200
    assert Initiative.objects.filter(title=valid["title"]).count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("seconds_ago", [1, 2 * 86400, None])
def test_a_form_sent_too_fast_too_late_or_forged_is_refused(client, submit_url, valid, seconds_ago):
    token = "forged" if seconds_ago is None else started(seconds_ago)
    response = client.post(submit_url, {**valid, "started": token})
    assert response.status_code == 400
    assert (
        "verlopen" in BeautifulSoup(response.content, "html.parser").select_one("main").get_text()
    )
    assert Initiative.objects.filter(title=valid["title"]).count() == 0


def test_behind_the_proxy_the_limit_is_per_forwarded_address(client, submit_url, valid, settings):
    settings.INITIATIVE_RATE_LIMIT = 1
    settings.BEHIND_PROXY = True
    # The proxy appends the address it saw; what the client wrote before it is ignored.
    first = client.post(submit_url, valid, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert first.status_code == 200
    spoofed = client.post(submit_url, valid, HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")
    assert spoofed.status_code == 429
    other = client.post(submit_url, valid, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert other.status_code == 200


def test_one_address_is_limited_per_hour(client, submit_url, valid, settings):
    settings.INITIATIVE_RATE_LIMIT = 2
    for _ in range(2):
        submitted(client, submit_url, valid)
    response = client.post(submit_url, valid)
    assert response.status_code == 429
    assert Initiative.objects.filter(title=valid["title"]).count() == 2
    # Another address is not affected.
    other = client.post(submit_url, valid, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


# Confirmation and status e-mails ------------------------------------------------------


def test_the_submitter_confirms_by_the_link_in_the_email(client, submit_url, valid):
    initiative = submitted(client, submit_url, valid)
    link = confirm_link(mail.outbox[0])
    path = link.split("testserver", 1)[-1]
    # Following the link (a mail scanner does) confirms nothing.
    page = client.get(path)
    assert page.status_code == 200
    initiative.refresh_from_db()
    assert initiative.confirmed_at is None
    assert client.post(path).status_code == 200
    initiative.refresh_from_db()
    assert initiative.confirmed_at is not None
    assert "ligt nu bij de redactie" in mail.outbox[-1].body
    # Twice changes nothing and sends nothing more.
    client.post(path)
    assert len(mail.outbox) == 2
    assert client.get(path.split("?")[0] + "?token=forged").status_code == 404


def test_editors_change_the_status_and_the_submitter_hears(
    client, confirmed, login, django_capture_on_commit_callbacks
):
    editor = login("redactie")
    url = f"/admin/initiatives/edit/{confirmed.pk}/"
    form = editor.get(url)
    assert form.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            url,
            {
                "status": "in-behandeling",
                "routed_to": "",
                "internal_notes": "Bellen",
                "is_public": "on",
            },
        )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.status == "in-behandeling" and confirmed.internal_notes == "Bellen"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [confirmed.contact_email]
    assert "is nu: in behandeling" in mail.outbox[0].body  # in the submitter's language
    history = InitiativeLogEntry.objects.filter(object_id=str(confirmed.pk)).values_list(
        "action", flat=True
    )
    assert "knowledge.initiative.status" in history
    # Saving without a change of status sends nothing.
    editor.post(url, {"status": "in-behandeling", "routed_to": "", "internal_notes": "x"})
    assert len(mail.outbox) == 1


# A fund sees only its own --------------------------------------------------------------


@pytest.fixture
def funds():
    one = create_partner("Fonds Eén", "sociaal-fonds", "fonds-een@example.org")
    two = create_partner("Fonds Twee", "sociaal-fonds", "fonds-twee@example.org")
    return one, two


def test_a_fund_sees_and_handles_only_the_initiatives_routed_to_it(
    client, confirmed, funds, valid, submit_url
):
    one, two = funds
    other = submitted(client, submit_url, {**valid, "title": "Buurtbus"})
    other.confirmed_at = timezone.now()
    other.routed_to = two.organisation
    other.save()
    confirmed.routed_to = one.organisation
    confirmed.save()
    attachment = InitiativeAttachment.objects.create(
        initiative=other,
        file=SimpleUploadedFile("x.pdf", PDF),
        original_name="x.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )

    client.force_login(one.editor)
    listing = client.get("/admin/initiatives/")
    assert listing.status_code == 200
    assert confirmed.title in listing.content.decode()
    assert "Buurtbus" not in listing.content.decode()
    assert client.get(f"/admin/initiatives/edit/{confirmed.pk}/").status_code == 200
    for url in (
        f"/admin/initiatives/edit/{other.pk}/",
        f"/admin/initiatives/inspect/{other.pk}/",
        f"/admin/initiatives/attachments/{attachment.pk}/",
        f"/admin/initiatives/{other.pk}/forget/",
    ):
        assert client.get(url).status_code == 404, url
    # The fund handles the status; routing and publishing stay with the editors.
    response = client.post(
        f"/admin/initiatives/edit/{confirmed.pk}/",
        {
            "status": "toegekend",
            "internal_notes": "",
            "routed_to": two.organisation.pk,
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    assert confirmed.status == "toegekend"
    assert confirmed.routed_to == one.organisation and not confirmed.is_public
    # And cannot reach what is not theirs by a forged POST either.
    client.post(f"/admin/initiatives/edit/{other.pk}/", {"status": "afgewezen"})
    other.refresh_from_db()
    assert other.status == "ontvangen"
    # Nor its history in the site history report, which Wagtail opens per model.
    log(other, "wagtail.edit", user=User.objects.get(username="redactie"))
    history = client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    assert confirmed.title in history.content.decode()  # its own edit above
    assert "Buurtbus" not in history.content.decode()


def test_a_fund_sees_what_is_routed_to_its_english_row_too(client, confirmed, funds, locale_en):
    one, _two = funds
    english_row = one.organisation.copy_for_translation(locale_en)
    english_row.save()
    confirmed.routed_to = english_row
    confirmed.save()
    client.force_login(one.editor)
    assert client.get(f"/admin/initiatives/edit/{confirmed.pk}/").status_code == 200


def test_a_partner_that_is_no_fund_sees_no_initiatives(client, confirmed, login):
    partner = login("partner-kerkrade")
    assert partner.get("/admin/initiatives/").status_code in (302, 403)


def test_editors_download_attachments_as_files(client, submit_url, valid, login):
    initiative = submitted(
        client, submit_url, valid, attachments=[SimpleUploadedFile("plan.pdf", PDF)]
    )
    initiative.confirmed_at = timezone.now()
    initiative.save()
    editor = login("redactie")
    inspect = editor.get(f"/admin/initiatives/inspect/{initiative.pk}/").content.decode()
    url = re.search(r'href="(/admin/initiatives/attachments/\d+/)"', inspect).group(1)
    response = editor.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


# From initiative to practice ----------------------------------------------------------


def test_an_editor_turns_it_into_a_draft_case_study_without_personal_data(confirmed, login):
    editor = login("redactie")
    parent = CaseStudyIndexPage.objects.get(locale__language_code="nl")
    response = editor.post(
        f"/admin/initiatives/{confirmed.pk}/promote/", {"kind": "casestudy", "parent": parent.pk}
    )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    page = confirmed.practice_page.specific
    # A second press makes no second page.
    again = editor.post(
        f"/admin/initiatives/{confirmed.pk}/promote/", {"kind": "casestudy", "parent": parent.pk}
    )
    assert again.status_code == 302
    assert CaseStudyPage.objects.filter(title=confirmed.title).count() == 1
    assert isinstance(page, CaseStudyPage) and not page.live
    assert page.get_parent().pk == parent.pk
    assert page.title == confirmed.title
    assert page.summary == confirmed.description
    assert list(page.places.all()) == [confirmed.place]
    assert [theme.slug for theme in page.themes.all()] == ["wonen"]
    stored = str(page.latest_revision.content) + str(Page.objects.filter(pk=page.pk).values())
    assert SECRET not in stored and SECRET.lower() not in stored and "12345678" not in stored


def test_promotion_refuses_a_place_where_that_page_cannot_go(confirmed, login):
    editor = login("redactie")
    parent = CaseStudyIndexPage.objects.get(locale__language_code="nl")
    response = editor.post(
        f"/admin/initiatives/{confirmed.pk}/promote/", {"kind": "deal", "parent": parent.pk}
    )
    assert response.status_code == 400
    confirmed.refresh_from_db()
    assert confirmed.practice_page is None


# Personal data: forgotten on request, purged, never public ------------------------------


def test_an_editor_deletes_the_personal_data_on_request(
    client, submit_url, valid, login, django_capture_on_commit_callbacks
):
    initiative = submitted(
        client, submit_url, valid, attachments=[SimpleUploadedFile("plan.pdf", PDF)]
    )
    initiative.confirmed_at = timezone.now()
    initiative.internal_notes = f"Gebeld met {SECRET}"
    initiative.save()
    editor = login("redactie")
    assert editor.get(f"/admin/initiatives/{initiative.pk}/forget/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(f"/admin/initiatives/{initiative.pk}/forget/")
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert not initiative.has_personal_data and initiative.internal_notes == ""
    assert initiative.personal_data_removed_at is not None
    assert initiative.title == valid["title"]
    assert private_files() == []


def test_purge_removes_what_the_privacy_statement_says(
    client, submit_url, valid, settings, django_capture_on_commit_callbacks
):
    settings.INITIATIVE_RETENTION_DAYS = 30
    now = timezone.now()
    old = submitted(client, submit_url, valid, attachments=[SimpleUploadedFile("a.pdf", PDF)])
    recent = submitted(client, submit_url, {**valid, "started": started()})
    stale = submitted(client, submit_url, {**valid, "started": started()})
    Initiative.objects.filter(pk__in=[old.pk, recent.pk]).update(confirmed_at=now)
    for initiative, closed in ((old, now - timedelta(days=31)), (recent, now - timedelta(days=5))):
        initiative.refresh_from_db()
        initiative.status = Initiative.Status.AFGEROND
        initiative.save()
        Initiative.objects.filter(pk=initiative.pk).update(closed_at=closed)
    Initiative.objects.filter(pk=stale.pk).update(created_at=now - timedelta(days=8))

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_initiatives", stdout=out)
    assert "removed: 1" in out.getvalue() and "deleted: 1" in out.getvalue()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.has_personal_data and old.personal_data_removed_at
    assert recent.contact_email == valid["contact_email"]
    assert not Initiative.objects.filter(pk=stale.pk).exists()
    assert private_files() == []


def search_results(client, query):
    soup = BeautifulSoup(client.get("/nl/zoeken/", {"query": query}).content, "html.parser")
    return " ".join(hit.get_text() for hit in soup.select(".lp-search-result"))


def api_search(client, query):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200  # a refused search would prove nothing
    return response.content.decode()


def test_personal_data_appears_in_no_public_output(client, confirmed, scheme):
    confirmed.is_public = True
    confirmed.save()
    wijk = confirmed.place
    overview = client.get(scheme.url).content.decode()
    assert confirmed.title in overview  # the public part is shown
    areas = AreaIndexPage.objects.get(locale=scheme.locale)
    area = client.get(profile_url(areas, wijk))
    assert area.status_code == 200
    area = area.content.decode()
    assert confirmed.title in area  # on the area profile of its wijk
    gemeente = client.get(profile_url(areas, wijk.parent))
    assert confirmed.title in gemeente.content.decode()  # and of its gemeente
    outputs = {
        "overview": overview,
        "area profile": area,
        # The search page repeats the query itself: look at what it found.
        "search": search_results(client, SECRET) + search_results(client, confirmed.title),
        "autocomplete": client.get("/nl/zoeken/suggesties/", {"query": "Zwart"}).content.decode(),
        "api": api_search(client, SECRET),
        "feed": client.get("/nl/feed/").content.decode(),
        "sitemap": client.get("/sitemap.xml").content.decode(),
        "open data": "".join(
            client.get(f"/open-data/{slug}.csv").content.decode()
            for slug in ("praktijkvoorbeelden", "onderzoek", "deals", "interventies")
        ),
    }
    for name, text in outputs.items():
        assert SECRET not in text and SECRET.lower() not in text, name
        assert "12345678" not in text and "043 123 45 67" not in text, name


def test_only_published_consented_initiatives_are_shown(client, confirmed, scheme):
    assert confirmed.title not in client.get(scheme.url).content.decode()
    confirmed.publication_consent = False
    confirmed.is_public = True
    confirmed.save()
    assert not confirmed.is_public  # consent is required
    assert confirmed.title not in client.get(scheme.url).content.decode()


def test_the_overview_costs_the_same_for_more_initiatives(
    client, scheme, count_queries, django_assert_max_num_queries, wijk
):
    baseline = count_queries(lambda: client.get(scheme.url))
    for number in range(6):
        initiative = Initiative.objects.create(
            title=f"Initiatief {number}",
            description="Iets moois.",
            scale="individueel",
            nature="sociaal",
            place=wijk,
            confirmed_at=timezone.now(),
            publication_consent=True,
            is_public=True,
        )
        initiative.themes.set(Theme.objects.filter(slug__in=["wonen", "leren"]))
    with django_assert_max_num_queries(baseline):
        response = client.get(scheme.url)
    assert "Initiatief 5" in response.content.decode()


def test_an_english_submitter_is_answered_in_english(client, valid, locale_en):
    scheme_en = InitiativeIndexPage.objects.get(locale=locale_en)
    assert scheme_en.submit_url() == "/en/knowledge/initiatives/submit/"
    english_theme = Theme.objects.get(locale=locale_en, slug="housing")
    response = client.post(scheme_en.submit_url(), {**valid, "themes": [english_theme.pk]})
    assert response.status_code == 200
    assert mail.outbox[0].subject.startswith("Confirm your initiative")
    assert "/en/knowledge/initiatives/confirm/?token=" in mail.outbox[0].body
    assert Initiative.objects.latest("pk").language == "en"


def test_the_admin_export_carries_no_personal_data(confirmed, login):
    editor = login("redactie")
    for export in ("csv", "xlsx"):
        response = editor.get("/admin/initiatives/", {"export": export})
        assert response.status_code == 200
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if export == "csv":
            text = content.decode()
            assert confirmed.title in text
            assert SECRET not in text and SECRET.lower() not in text and "12345678" not in text
        else:
            assert SECRET.encode() not in content


def test_an_editor_turns_it_into_a_draft_residents_deal(confirmed, login):
    from knowledge.models import VillageDealIndexPage, VillageDealPage

    parent = VillageDealIndexPage.objects.get(locale__language_code="nl")
    response = login("redactie").post(
        f"/admin/initiatives/{confirmed.pk}/promote/", {"kind": "deal", "parent": parent.pk}
    )
    assert response.status_code == 302
    confirmed.refresh_from_db()
    deal = confirmed.practice_page.specific
    assert isinstance(deal, VillageDealPage) and not deal.live
    assert deal.kind.slug == "bewonersinitiatief" and deal.status == VillageDealPage.Status.IDEE
