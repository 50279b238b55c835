"""Signing in to the admin: lockout after failed passwords (django-axes), a second factor
for everyone who can publish (django-otp), a password reset that tells nothing, and
strong passwords. All over HTTP through Wagtail's own login."""

import re
import time

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

import pytest
from axes.models import AccessAttempt
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from limburg.roles import can_publish

PASSWORD = "Maasheuvel-Wijkkracht-2026"
LOGIN = "/admin/login/"


def with_password(username):
    user = User.objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def editor(db):
    """A member of the province's editors, who can publish."""
    return with_password("redactie")


@pytest.fixture
def author(db):
    """A partner's editor, who writes and submits but does not publish."""
    return with_password("partner-kerkrade")


@pytest.fixture
def two_factor(settings):
    settings.TWO_FACTOR_REQUIRED = True


def log_in(client, username, password=PASSWORD, **extra):
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, **extra
    )


def code_for(device, steps_ahead=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=steps_ahead):06d}"


# Lockout ------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_out_from_that_address(client, editor):
    for _attempt in range(4):
        response = log_in(client, "redactie", "wrong-password")
        assert response.status_code == 200  # the form again, with its error
    assert log_in(client, "redactie", "wrong-password").status_code == 429
    locked = log_in(client, "redactie")  # now even the right password is refused
    assert locked.status_code == 429
    assert "Te veel pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="redactie").failures_since_start >= 5


def test_a_lockout_holds_whatever_x_forwarded_for_says(client, editor, settings):
    settings.BEHIND_PROXY = False
    for number in range(5):
        log_in(client, "redactie", "wrong-password", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    response = log_in(client, "redactie", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_behind_the_proxy_a_client_written_forwarded_address_changes_nothing(
    client, editor, settings
):
    # The proxy appends the address it saw; what a client wrote comes before it.
    settings.BEHIND_PROXY = True
    for number in range(5):
        log_in(
            client,
            "redactie",
            "wrong-password",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{number}, 203.0.113.7",
        )
    spoofed = log_in(client, "redactie", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.7")
    assert spoofed.status_code == 429
    # Someone else, at another address, still signs in.
    other = log_in(client, "redactie", HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other.status_code == 302


def test_a_right_password_before_the_limit_resets_the_count(client, editor):
    for _attempt in range(4):
        log_in(client, "redactie", "wrong-password")
    assert log_in(client, "redactie").status_code == 302
    client.logout()
    for _attempt in range(4):
        log_in(client, "redactie", "wrong-password")
    assert log_in(client, "redactie").status_code == 302


# Two factors --------------------------------------------------------------------------


def test_who_can_publish_follows_the_roles(editor, author):
    assert can_publish(editor)
    assert not can_publish(author)
    assert can_publish(User.objects.get(username="beheerder"))


def test_a_publisher_without_an_app_is_sent_to_set_one_up(client, editor, two_factor):
    assert log_in(client, "redactie").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/api/main/pages/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/setup/"), url
    setup = client.get("/admin/two-factor/setup/?next=/admin/pages/")
    assert setup.status_code == 200
    body = setup.content.decode()
    assert "<svg" in body  # the QR code, drawn on the server
    secret = re.search(r"<code>([A-Z2-7 ]+)</code>", body).group(1)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert secret.replace(" ", "") in device.config_url


def test_setting_up_the_app_needs_a_right_code(client, editor, two_factor):
    log_in(client, "redactie")
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=editor)
    wrong = client.post("/admin/two-factor/setup/", {"otp_token": "000000", "next": "/admin/"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors["otp_token"]
    device.refresh_from_db()
    assert not device.confirmed
    time.sleep(1.1)  # a failure throttles the next try for a second
    right = client.post(
        "/admin/two-factor/setup/", {"otp_token": code_for(device), "next": "/admin/pages/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_next_sign_in_asks_for_the_code_before_any_admin_page(client, editor, two_factor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    assert log_in(client, "redactie").status_code == 302
    for url in ("/admin/", "/admin/pages/", "/admin/api/main/pages/", "/admin/images/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/two-factor/verify/"), url
    # A public page does not ask.
    assert client.get("/nl/").status_code == 200
    wrong = client.post("/admin/two-factor/verify/", {"otp_token": "123456", "next": "/admin/"})
    assert wrong.status_code == 400
    assert client.get("/admin/pages/").status_code == 302
    time.sleep(1.1)
    right = client.post(
        "/admin/two-factor/verify/", {"otp_token": code_for(device), "next": "/admin/pages/"}
    )
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_code_is_throttled_after_a_failure(client, editor, two_factor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    log_in(client, "redactie")
    client.post("/admin/two-factor/verify/", {"otp_token": "123456"})
    throttled = client.post("/admin/two-factor/verify/", {"otp_token": code_for(device)})
    assert throttled.status_code == 400
    assert client.get("/admin/pages/").status_code == 302


def test_the_verify_page_never_redirects_off_site(client, editor, two_factor):
    device = TOTPDevice.objects.create(user=editor, name="app", confirmed=True)
    log_in(client, "redactie")
    response = client.post(
        "/admin/two-factor/verify/",
        {"otp_token": code_for(device), "next": "https://evil.example/admin/"},
    )
    assert response["Location"] == "/admin/"


def test_an_author_who_cannot_publish_needs_no_app(client, author, two_factor):
    assert log_in(client, "partner-kerkrade").status_code == 302
    assert client.get("/admin/").status_code == 200
    explorer = client.get("/admin/pages/", follow=True)  # to the partner's own section
    assert explorer.status_code == 200
    assert "two-factor" not in explorer.redirect_chain[-1][0]


def test_an_author_who_added_an_app_is_asked_for_it(client, author, two_factor):
    TOTPDevice.objects.create(user=author, name="app", confirmed=True)
    log_in(client, "partner-kerkrade")
    assert client.get("/admin/pages/")["Location"].startswith("/admin/two-factor/verify/")


def test_an_administrator_can_reset_a_lost_phone(client, editor, two_factor):
    TOTPDevice.objects.create(user=editor, name="old phone", confirmed=True)
    call_command("reset_two_factor", "redactie", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not TOTPDevice.objects.filter(user=editor).exists()
    log_in(client, "redactie")
    assert client.get("/admin/pages/")["Location"].startswith("/admin/two-factor/setup/")


def test_production_requires_two_factors_by_default(settings):
    from limburg.settings import base

    assert base.TWO_FACTOR_REQUIRED is True
    assert "limburg.middleware.TwoFactorMiddleware" in base.MIDDLEWARE


# Passwords ----------------------------------------------------------------------------


def test_password_reset_does_not_tell_whether_an_account_exists(client, editor):
    editor.email = "redactie@limburg.example"
    editor.save()
    known = client.post("/admin/password_reset/", {"email": "redactie@limburg.example"})
    unknown = client.post("/admin/password_reset/", {"email": "niemand@limburg.example"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert [message.to for message in mail.outbox] == [["redactie@limburg.example"]]


@pytest.mark.parametrize(
    "password",
    ["kort-1", "wachtwoord", "123456789012345", "redactie-redactie", "password1234"],
)
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_changing_to_a_weak_password_in_the_admin_is_a_form_error(client, editor):
    client.force_login(editor)
    old_hash = User.objects.get(pk=editor.pk).password
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "wachtwoord1",
            "password-new_password2": "wachtwoord1",
        },
    )
    assert response.status_code == 200
    assert User.objects.get(pk=editor.pk).password == old_hash


@pytest.mark.parametrize("url", ["/admin/two-factor/setup/", "/admin/two-factor/verify/"])
def test_the_two_factor_pages_need_a_password_first(client, db, url, two_factor):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not TOTPDevice.objects.exists()
