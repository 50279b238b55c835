"""Following new content by e-mail: double opt-in, digests that hold exactly the new live
items each subscription follows, one-click unsubscribe, managing and deleting, privacy."""

import io
import re
from datetime import timedelta
from urllib.parse import unquote

from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest

from casestudies.models import CaseStudyIndexPage, CaseStudyPage
from limburg.models import PartnerPage, Place, Theme
from search.following import send_digests
from search.models import Subscription
from tests.factories import add_classified_page

pytestmark = pytest.mark.django_db
BASE = "http://testserver"


def link_in(message, path):
    url = re.search(rf"https?://\S+{path}\?token=\S+", message.body).group(0)
    return "/" + url.split("/", 3)[3]


def subscribe(client, **data):
    data = {"email": "lezer@example.org", "frequency": "daily", "consent": "on", **data}
    return client.post("/nl/volgen/", data)


def confirmed_subscription(client, **data):
    """Confirmed just now: what the test publishes next is new (the demo content, published
    when the test database was made, is not)."""
    subscribe(client, **data)
    subscription = Subscription.objects.latest("pk")
    subscription.confirmed_at = timezone.now()
    subscription.save()
    mail.outbox.clear()
    return subscription


def in_days(days):
    return timezone.now() + timedelta(days=days)


@pytest.fixture
def publish_case_study(locale_nl):
    index = CaseStudyIndexPage.objects.get(locale=locale_nl)

    def publish(title, *, theme="wonen", place="GM0917", parent=None, live=True):
        page = CaseStudyPage(
            title=title, summary="Kort.", kind="project", status="lopend", locale=locale_nl
        )
        return add_classified_page(parent or index, page, themes=[theme], places=[place], live=live)

    return publish


# Double opt-in ------------------------------------------------------------------------


def test_subscribing_asks_for_confirmation_by_e_mail(client):
    form = client.get("/nl/volgen/", {"themes": "wonen"})
    assert form.status_code == 200
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    assert form.context["form"].initial["themes"] == [wonen.pk]

    response = subscribe(client, themes=[wonen.pk])
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None and list(subscription.themes.all()) == [wonen]
    (message,) = mail.outbox
    assert message.to == ["lezer@example.org"]

    path = link_in(message, "/nl/volgen/bevestigen/")
    assert client.get(path).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # opening the link is not confirming
    client.post(path)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


def test_unconfirmed_subscriptions_receive_nothing(client, publish_case_study):
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    subscribe(client, themes=[wonen.pk])
    mail.outbox.clear()
    publish_case_study("Nieuwe buurtkamer")
    send_digests(BASE, now=timezone.now() + timedelta(days=8))
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "__all__"),
        ({"email": "geen-adres", "themes": ["1"]}, "email"),
        ({"consent": "", "query": "wonen"}, "consent"),
    ],
)
def test_a_bad_subscription_names_the_problem_and_saves_nothing(client, data, error):
    response = subscribe(client, **data)
    assert response.status_code == 400
    assert error in response.context["form"].errors
    assert not Subscription.objects.exists() and mail.outbox == []


def test_robots_filling_the_honeypot_are_ignored(client):
    response = subscribe(client, query="wonen", website="spam")
    assert response.status_code == 200
    assert not Subscription.objects.exists() and mail.outbox == []


# Digests ------------------------------------------------------------------------------


def digest_titles(message):
    return set(re.findall(r"^- (.+) \(", message.body, re.MULTILINE))


def test_a_digest_holds_exactly_the_new_live_items_of_the_theme(client, publish_case_study):
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    subscription = confirmed_subscription(client, themes=[wonen.pk])
    publish_case_study("Woningen in Donderberg")
    publish_case_study("Gezonde school", theme="gezondheid")
    publish_case_study("Concept over wonen", live=False)

    result = send_digests(BASE, now=in_days(1))
    assert (result.sent, result.skipped) == (1, 0)
    (message,) = mail.outbox
    assert digest_titles(message) == {"Woningen in Donderberg"}
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/nl/volgen/afmelden/?token=" in unsubscribe_url
    assert message.alternatives and "Woningen in Donderberg" in message.alternatives[0][0]

    # The next day: only what is new since, nothing twice; nothing new means no e-mail.
    mail.outbox.clear()
    day_after = in_days(2)
    assert send_digests(BASE, now=day_after).sent == 0 and mail.outbox == []
    subscription.refresh_from_db()
    assert subscription.last_sent_at == day_after
    later = publish_case_study("Tweede woonproject")
    # Published between the second and third run (the clock moved on in the meantime).
    CaseStudyPage.objects.filter(pk=later.pk).update(first_published_at=in_days(2.5))
    send_digests(BASE, now=in_days(3))
    assert digest_titles(mail.outbox[0]) == {"Tweede woonproject"}


def test_a_weekly_subscriber_waits_a_week(client, publish_case_study):
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    confirmed_subscription(client, themes=[wonen.pk], frequency="weekly")
    publish_case_study("Woningen in Donderberg")
    assert send_digests(BASE, now=in_days(3)).sent == 0
    assert send_digests(BASE, now=in_days(7)).sent == 1


def test_a_gemeente_subscription_catches_items_in_its_wijken(client, publish_case_study):
    wijk = Place.objects.filter(kind="wijk", parent__code="GM0917").first()
    confirmed_subscription(client, places=["GM0917"])
    publish_case_study("In een wijk van Heerlen", place=wijk.code)
    publish_case_study("In Venlo", place="GM0983")
    send_digests(BASE, now=in_days(1))
    assert digest_titles(mail.outbox[0]) == {"In een wijk van Heerlen"}


def test_a_partner_subscription_catches_its_section(client, publish_case_study, locale_nl):
    section = PartnerPage.objects.get(locale=locale_nl, organisation__name="Gemeente Kerkrade")
    confirmed_subscription(client, partners=[section.pk])
    publish_case_study("Uit Kerkrade", parent=section, place="GM0928")
    publish_case_study("Van elders")
    send_digests(BASE, now=in_days(1))
    assert digest_titles(mail.outbox[0]) == {"Uit Kerkrade"}


def test_a_followed_search_combines_its_filters(client, publish_case_study):
    confirmed_subscription(
        client, query="buurtkamer", type="casestudies.casestudypage", theme="wonen"
    )
    publish_case_study("Buurtkamer aan de Maas")
    publish_case_study("Buurtkamer en gezondheid", theme="gezondheid")
    publish_case_study("Woningen zonder kamer")
    send_digests(BASE, now=in_days(1))
    assert digest_titles(mail.outbox[0]) == {"Buurtkamer aan de Maas"}


def test_listings_and_search_link_to_following_them(client):
    page = client.get("/nl/praktijkvoorbeelden/", {"theme": "wonen"}).text
    assert "/nl/volgen/?type=casestudies.casestudypage&amp;theme=wonen" in page
    assert "/nl/volgen/?query=wonen" in client.get("/nl/zoeken/", {"query": "wonen"}).text


def test_send_digests_command_reports(client, publish_case_study):
    subscription = confirmed_subscription(client, query="zebravink")
    subscription.last_sent_at = timezone.now() - timedelta(days=1)
    subscription.save()
    publish_case_study("Zebravink in de buurtkamer")
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert "Digests sent: 1" in out.getvalue()
    assert len(mail.outbox) == 1


# Unsubscribe and manage ---------------------------------------------------------------


def test_one_click_unsubscribe_deletes_the_subscription(client, publish_case_study):
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    confirmed_subscription(client, themes=[wonen.pk])
    publish_case_study("Woningen in Donderberg")
    send_digests(BASE, now=in_days(1))
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = "/" + url.split("/", 3)[3]
    assert client.get(path).status_code == 200 and Subscription.objects.exists()
    # A mail program posts without a CSRF token (RFC 8058).
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert strict.post(path).status_code == 404


def test_managing_changes_the_frequency_or_deletes_everything(client, publish_case_study):
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    subscription = confirmed_subscription(client, themes=[wonen.pk])
    publish_case_study("Woningen in Donderberg")
    send_digests(BASE, now=in_days(1))
    path = link_in(mail.outbox[0], "/nl/volgen/beheren/")
    page = client.get(path)
    assert "Wonen" in page.text and "lezer@example.org" not in page.text
    client.post(path, {"frequency": "weekly", "save": ""})
    subscription.refresh_from_db()
    assert subscription.frequency == "weekly"
    client.post(path, {"delete": ""})
    assert not Subscription.objects.filter(email="lezer@example.org").exists()


def test_a_bad_or_forged_link_is_a_clear_page(client):
    for path in ("/nl/volgen/bevestigen/", "/nl/volgen/beheren/", "/nl/volgen/afmelden/"):
        response = client.get(path, {"token": "vervalst"})
        assert response.status_code == 404
        assert "niet geldig" in response.text


def test_no_subscriber_address_in_public_outputs(client):
    subscribe(client, email="geheim-adres@example.org", query="wonen")
    token = unquote(link_in(mail.outbox[0], "/nl/volgen/bevestigen/").split("token=")[1])
    assert token
    for url in ("/nl/", "/nl/feed/", "/api/v2/pages/", "/sitemap.xml", "/nl/zoeken/?query=geheim"):
        assert "geheim-adres" not in client.get(url).content.decode(), url


def test_unconfirmed_subscriptions_are_deleted_after_a_week(client):
    subscribe(client, query="wonen")
    subscription = Subscription.objects.get()
    assert send_digests(BASE, now=in_days(6)).expired == 0
    assert send_digests(BASE, now=in_days(8)).expired == 1
    assert not Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_search_of_only_punctuation_cannot_be_followed(client):
    response = subscribe(client, query="?!")
    assert response.status_code == 400 and "query" in response.context["form"].errors
    assert not Subscription.objects.exists()


def test_an_address_gets_a_page_once_across_its_subscriptions(client, publish_case_study):
    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    confirmed_subscription(client, themes=[wonen.pk])
    confirmed_subscription(client, places=["GM0917"])
    publish_case_study("Woningen in Heerlen")
    send_digests(BASE, now=in_days(1))
    assert len(mail.outbox) == 1 and digest_titles(mail.outbox[0]) == {"Woningen in Heerlen"}


def test_a_page_made_public_later_still_comes_once(client, publish_case_study):
    from wagtail.models import PageViewRestriction

    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    confirmed_subscription(client, themes=[wonen.pk])
    page = publish_case_study("Eerst besloten")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert send_digests(BASE, now=in_days(1)).sent == 0
    restriction.delete()
    send_digests(BASE, now=in_days(2))
    assert digest_titles(mail.outbox[0]) == {"Eerst besloten"}
    mail.outbox.clear()
    assert send_digests(BASE, now=in_days(3)).sent == 0


def test_a_refused_address_does_not_stop_the_others(client, publish_case_study, settings):
    from unittest import mock

    wonen = Theme.objects.get(locale__language_code="nl", slug="wonen")
    confirmed_subscription(client, themes=[wonen.pk], email="kapot@example.org")
    confirmed_subscription(client, themes=[wonen.pk], email="heel@example.org")
    publish_case_study("Woningen in Donderberg")
    real_send = mail.EmailMessage.send

    def send(message, *args, **kwargs):
        if message.to == ["kapot@example.org"]:
            raise ConnectionRefusedError("refused")
        return real_send(message, *args, **kwargs)

    with mock.patch.object(mail.EmailMessage, "send", send):
        result = send_digests(BASE, now=in_days(1))
    assert (result.sent, result.failed) == (1, 1)
    assert [m.to for m in mail.outbox] == [["heel@example.org"]]
    # The refused one is tried again next time, with the same page.
    mail.outbox.clear()
    send_digests(BASE, now=in_days(2))
    assert [m.to for m in mail.outbox] == [["kapot@example.org"]]
