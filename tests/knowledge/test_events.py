"""Events: iCalendar files across summer time, the listing, registration with a capacity
and a waiting list, confirmation and cancel e-mails through the real outbox."""

import re
from datetime import datetime, timedelta
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import icalendar
import pytest
from bs4 import BeautifulSoup

from knowledge.models import EventIndexPage, EventPage, EventRegistration

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def events_nl(locale_nl):
    return EventIndexPage.objects.get(locale=locale_nl)


@pytest.fixture
def make_event(events_nl):
    def make(title, start, *, hours=2, publish=True, **fields):
        fields.setdefault("is_online", True)
        page = EventPage(title=title, start=start, end=start + timedelta(hours=hours), **fields)
        events_nl.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        else:
            page.live = False
            page.save()
        return EventPage.objects.get(pk=page.pk)

    return make


def soon(days=10, hour=14):
    day = (timezone.localtime() + timedelta(days=days)).date()
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=AMSTERDAM)


def parse_calendar(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


# iCalendar ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("local_start", "utc_hour"),
    [
        # The last Sunday of March 2027: summer time (UTC+2) from 02:00.
        (datetime(2027, 3, 28, 10, 0, tzinfo=AMSTERDAM), 8),
        (datetime(2027, 3, 27, 10, 0, tzinfo=AMSTERDAM), 9),
        # The last Sunday of October 2027: back to winter time (UTC+1) at 03:00.
        (datetime(2027, 10, 31, 10, 0, tzinfo=AMSTERDAM), 9),
        (datetime(2027, 10, 30, 10, 0, tzinfo=AMSTERDAM), 8),
    ],
)
def test_the_ics_file_keeps_dutch_time_across_summer_time(
    client, make_event, local_start, utc_hour
):
    event = make_event("Netwerkbijeenkomst", local_start, venue="Gouvernement", is_online=False)
    cal = parse_calendar(client.get(event.url + "agenda/"))
    assert cal["version"] == "2.0" and cal["prodid"]
    assert [tz["tzid"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    (vevent,) = cal.walk("VEVENT")
    start = vevent.decoded("dtstart")
    assert vevent["dtstart"].params["TZID"] == "Europe/Amsterdam"
    assert (start.hour, start.minute) == (10, 0)
    assert start.astimezone(ZoneInfo("UTC")).hour == utc_hour
    assert vevent.decoded("dtend") - start == timedelta(hours=2)
    assert str(vevent["summary"]) == "Netwerkbijeenkomst"
    assert str(vevent["location"]) == "Gouvernement"
    assert str(vevent["url"]).endswith(event.url)
    assert vevent["uid"] and vevent["dtstamp"]


def test_the_calendar_feed_holds_the_coming_live_events_only(client, events_nl, make_event):
    make_event("Komt eraan", soon())
    make_event("Concept", soon(), publish=False)
    make_event("Voorbij", soon(days=-30))
    cal = parse_calendar(client.get(events_nl.url + "agenda/"))
    titles = {str(vevent["summary"]) for vevent in cal.walk("VEVENT")}
    assert "Komt eraan" in titles
    assert "Concept" not in titles and "Voorbij" not in titles
    # The demo's invented meeting says it is an example, in the calendar too.
    assert "Voorbeeld: bijeenkomst van het lerend netwerk (voorbeeld)" in titles


# Listing -----------------------------------------------------------------------------


def test_the_listing_shows_coming_events_first_then_past_ones(client, events_nl, make_event):
    make_event("Later dit jaar", soon(days=60))
    make_event("Volgende week", soon(days=7))
    make_event("Vorige maand", soon(days=-30), report="Wat we leerden.")
    make_event("Concept", soon(days=3), publish=False)
    soup = BeautifulSoup(client.get(events_nl.url).content, "html.parser")
    upcoming = [
        a.get_text(strip=True) for a in soup.select("#upcoming-heading ~ ul .lp-teaser__title a")
    ]
    past = [a.get_text(strip=True) for a in soup.select("#past-heading ~ ul .lp-teaser__title a")]
    assert upcoming.index("Volgende week") < upcoming.index("Later dit jaar")
    assert "Vorige maand" in past and "Vorige maand" not in upcoming
    assert past.index("Vorige maand") < past.index("WIJ GROEIEN: 1000 dagen Kansrijke Start")
    assert "Concept" not in soup.get_text()


def test_the_listing_query_count_does_not_grow(
    client, events_nl, make_event, count_queries, django_assert_max_num_queries
):
    baseline = count_queries(lambda: client.get(events_nl.url))
    for number in range(15):
        make_event(f"Bijeenkomst {number}", soon(days=number + 1))
        make_event(f"Eerder {number}", soon(days=-(number + 1)))
    with django_assert_max_num_queries(baseline):
        response = client.get(events_nl.url)
    assert "Bijeenkomst 14" in response.text


def test_the_event_page_shows_materials_afterwards(client, make_event):
    event = make_event(
        "Terugblik",
        soon(days=-3),
        report="We deelden drie lessen.",
        recording_url="https://video.example.org/terugblik",
    )
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert soup.select_one("#materials-heading")
    assert "We deelden drie lessen." in soup.get_text()
    assert soup.find("a", href="https://video.example.org/terugblik")
    assert not soup.select_one("#registration-heading")
    data = [s for s in soup.find_all("script", type="application/ld+json") if "startDate" in s.text]
    assert data and '"@type": "Event"' in data[0].text


def test_demo_events_are_real_or_marked_as_examples(client, events_nl):
    wij_groeien = EventPage.objects.get(slug="wij-groeien", locale__language_code="nl")
    assert wij_groeien.is_past and not wij_groeien.is_example
    assert timezone.localtime(wij_groeien.start).date().isoformat() == "2022-11-30"
    for event in EventPage.objects.filter(end__gte=timezone.now()):
        assert event.is_example
        page = client.get(event.url).text
        assert "Voorbeeld" in page or "Example" in page


# Rules -------------------------------------------------------------------------------


def test_an_event_must_end_after_it_starts_and_have_a_place(events_nl):
    event = EventPage(title="Fout", slug="fout", start=soon(), end=soon() - timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert {"end", "address"} <= set(error.value.message_dict)
    event = EventPage(
        title="Extern",
        slug="extern",
        start=soon(),
        end=soon() + timedelta(hours=1),
        is_online=True,
        registration="external",
    )
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "registration_url" in error.value.message_dict


# Registration ------------------------------------------------------------------------


def register(client, event, **data):
    data = {"name": "Anna de Vries", "email": "anna@example.org", "consent": "on", **data}
    return client.post(event.url + "aanmelden/", data)


def cancel_link(message):
    return re.search(r"https?://\S+/afmelden/\?token=\S+", message.body).group(0)


def test_registration_fills_the_places_then_the_waiting_list(client, make_event):
    event = make_event("Werksessie", soon(), registration="form", capacity=2)
    for number in range(3):
        response = register(
            client, event, name=f"Deelnemer {number}", email=f"d{number}@example.org"
        )
        assert response.status_code == 200
    statuses = list(
        EventRegistration.objects.filter(event=event)
        .order_by("pk")
        .values_list("status", flat=True)
    )
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert [message.to for message in mail.outbox] == [
        ["d0@example.org"],
        ["d1@example.org"],
        ["d2@example.org"],
    ]
    assert mail.outbox[0].subject == "Aangemeld: Werksessie"
    assert mail.outbox[2].subject == "Wachtlijst: Werksessie"
    assert "wachtlijst" in client.get(event.url).text.lower()


def test_cancelling_gives_the_place_to_the_first_on_the_waiting_list(client, make_event):
    event = make_event("Werksessie", soon(), registration="form", capacity=1)
    register(client, event, email="eerste@example.org")
    register(client, event, email="tweede@example.org")
    register(client, event, email="derde@example.org")
    link = cancel_link(mail.outbox[0])
    path = "/" + link.split("/", 3)[3]
    mail.outbox.clear()

    # Opening the link (a mail scanner may) changes nothing; the button does.
    assert client.get(path).status_code == 200
    assert EventRegistration.objects.get(email="eerste@example.org").status == "confirmed"
    token = unquote(path.split("token=", 1)[1])
    response = client.post(path.split("?")[0], {"token": token})
    assert response.status_code == 200
    by_email = dict(EventRegistration.objects.filter(event=event).values_list("email", "status"))
    assert by_email == {
        "eerste@example.org": "cancelled",
        "tweede@example.org": "confirmed",
        "derde@example.org": "waiting",
    }
    assert [message.to for message in mail.outbox] == [["tweede@example.org"]]
    assert mail.outbox[0].subject == "Plek voor u: Werksessie"
    # Cancelling twice promotes no one else.
    client.post(path.split("?")[0], {"token": token})
    assert EventRegistration.objects.get(email="derde@example.org").status == "waiting"


def test_a_bad_cancel_link_is_a_clear_error_and_changes_nothing(client, make_event):
    event = make_event("Werksessie", soon(), registration="form")
    register(client, event)
    response = client.post(event.url + "afmelden/", {"token": "vervalst"})
    assert response.status_code == 404
    assert "niet geldig" in response.text
    assert EventRegistration.objects.get().status == "confirmed"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"name": ""}, "name"),
        ({"email": "geen-adres"}, "email"),
        ({"consent": ""}, "consent"),
    ],
)
def test_a_bad_registration_names_the_field_and_saves_nothing(client, make_event, data, field):
    event = make_event("Werksessie", soon(), registration="form")
    response = register(client, event, **data)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert BeautifulSoup(response.content, "html.parser").select_one(f"#id_{field}-error")
    assert not EventRegistration.objects.exists() and not mail.outbox


def test_robots_and_repeats_are_not_registered_twice(client, make_event):
    event = make_event("Werksessie", soon(), registration="form")
    register(client, event, website="http://spam.example")
    assert not EventRegistration.objects.exists() and not mail.outbox
    register(client, event)
    register(client, event, email="ANNA@example.org")
    # One registration; the repeat gets its e-mail (with the cancel link) again.
    assert EventRegistration.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["anna@example.org"]] * 2


def test_past_events_and_events_without_the_form_take_no_registrations(client, make_event):
    past = make_event("Voorbij", soon(days=-2), registration="form")
    external = make_event(
        "Elders", soon(), registration="external", registration_url="https://example.org/aanmelden"
    )
    for event in (past, external):
        register(client, event)
    assert not EventRegistration.objects.exists() and not mail.outbox


def test_registrants_never_appear_on_public_pages(client, events_nl, make_event):
    event = make_event("Werksessie", soon(), registration="form")
    register(client, event, name="Bartholomeus Geheimnaam")
    for url in (event.url, events_nl.url, event.url + "agenda/", events_nl.url + "agenda/"):
        assert "Geheimnaam" not in client.get(url).content.decode()


def test_editors_see_registrations_in_the_admin_and_partners_do_not(client, make_event):
    from django.contrib.auth.models import User

    event = make_event("Werksessie", soon(), registration="form")
    register(client, event, name="Bartholomeus Geheimnaam")
    client.force_login(User.objects.get(username="redactie"))
    response = client.get("/admin/event_registrations/")
    assert response.status_code == 200 and "Geheimnaam" in response.text
    export = client.get("/admin/event_registrations/", {"export": "csv"})
    content = b"".join(export.streaming_content) if export.streaming else export.content
    assert export["Content-Type"].startswith("text/csv") and b"Geheimnaam" in content
    client.force_login(User.objects.get(username="partner-kerkrade"))
    response = client.get("/admin/event_registrations/")
    assert response.status_code in (302, 403) and "Geheimnaam" not in response.text


def test_registrations_are_deleted_three_months_after_the_event(client, make_event):
    import io

    from django.core.management import call_command

    old = make_event("Lang geleden", soon(days=-100), registration="form")
    recent = make_event("Vorige maand", soon(days=-30), registration="form")
    for event in (old, recent):
        EventRegistration.objects.create(
            event=event, name="Deelnemer", email="d@example.org", status="confirmed"
        )
    out = io.StringIO()
    call_command("purge_event_registrations", stdout=out)
    assert "Registrations deleted: 1" in out.getvalue()
    assert list(EventRegistration.objects.values_list("event__title", flat=True)) == [
        "Vorige maand"
    ]


def test_both_languages_share_one_capacity(client, make_event, locale_en):
    event = make_event("Werksessie", soon(), registration="form", capacity=1)
    english = event.copy_for_translation(locale_en, copy_parents=True)
    english.save_revision().publish()
    english = EventPage.objects.get(pk=english.pk)
    register(client, event, email="nl@example.org")
    register(client, english, email="en@example.org")
    register(client, english, email="nl@example.org")
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses == {"nl@example.org": "confirmed", "en@example.org": "waiting"}


def test_a_stale_second_cancel_promotes_no_one(client, make_event):
    event = make_event("Werksessie", soon(), registration="form", capacity=1)
    for address in ("a@example.org", "b@example.org", "c@example.org"):
        register(client, event, email=address)
    first = EventRegistration.objects.get(email="a@example.org")
    stale = EventRegistration.objects.get(email="a@example.org")
    assert [r.email for r in first.cancel()] == ["b@example.org"]
    # A second request that loaded the registration before the first one committed.
    assert stale.cancel() == []
    assert EventRegistration.objects.get(email="c@example.org").status == "waiting"


def test_places_freed_by_an_editor_go_to_the_waiting_list(
    client, make_event, django_capture_on_commit_callbacks
):
    event = make_event("Werksessie", soon(), registration="form", capacity=1)
    register(client, event, email="a@example.org")
    register(client, event, email="b@example.org")
    register(client, event, email="c@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        EventRegistration.objects.get(email="a@example.org").delete()
    assert EventRegistration.objects.get(email="b@example.org").status == "confirmed"
    assert [m.to for m in mail.outbox] == [["b@example.org"]]
    event.capacity = 5
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    assert EventRegistration.objects.get(email="c@example.org").status == "confirmed"


def test_an_editor_creates_an_event_in_the_admin_in_dutch_time(client, events_nl, locale_nl):
    from django.contrib.auth.models import User

    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    from limburg.models import Theme

    client.force_login(User.objects.get(username="redactie"))
    url = f"/admin/pages/add/knowledge/eventpage/{events_nl.pk}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Werkatelier wijkaanpak",
            "slug": "werkatelier-wijkaanpak",
            "summary": "Samen werken aan de wijkaanpak.",
            "start": "2027-02-01 14:00",
            "end": "2027-02-01 16:30",
            "is_online": "",
            "online_url": "",
            "venue": "Gouvernement",
            "address": "Limburglaan 10, 6229 GA Maastricht",
            "organiser": "",
            "audience": "Gemeenten",
            "registration": "form",
            "registration_url": "",
            "capacity": "40",
            "body": streamfield([]),
            "report": "",
            "recording_url": "",
            "materials": streamfield([]),
            "tags": "",
            "is_example": "on",
            "short_title": "",
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    theme = Theme.objects.get(locale=locale_nl, slug="wonen")
    response = client.post(url, {**data, "themes": [theme.pk]})
    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get(slug="werkatelier-wijkaanpak", locale=locale_nl)
    assert event.live and event.capacity == 40
    # 14:00 in Maastricht in February is 13:00 UTC.
    assert event.start.astimezone(ZoneInfo("UTC")).hour == 13

    bad = {**data, "end": "2027-02-01 13:00", "slug": "fout", "themes": [theme.pk]}
    response = client.post(url, bad)
    assert response.status_code == 200 and "end" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="fout").exists()
