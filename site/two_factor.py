"""Two-factor sign-in to the admin with a TOTP app (django-otp).

Everyone who can publish must use it (``limburg.middleware.TwoFactorMiddleware``);
anyone else with admin access may turn it on and is then asked for a code too.
wagtail-2fa, the Wagtail package for this, does not run on Wagtail 8, so the two
views it offered are here: set up a device, and enter a code after signing in.
"""

from base64 import b32encode
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import django_otp
import segno
from django_otp.plugins.otp_totp.models import TOTPDevice

from limburg.roles import can_publish

SETUP_URL_NAME = "limburg_two_factor_setup"
VERIFY_URL_NAME = "limburg_two_factor_verify"


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].strip()
        # verify_token counts failures and throttles after them (OTP_TOTP_THROTTLE_FACTOR).
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(
                _("This code is not right. Enter the code your app shows now.")
            )
        return token


def is_required(user):
    return can_publish(user) or django_otp.user_has_device(user, confirmed=True)


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@sensitive_post_parameters("otp_token")
@never_cache
def setup(request):
    """Link an authenticator app: scan the code (or type the key), then prove it works."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=request.user, name=str(_("Authenticator app")), confirmed=False
        )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        # One device per person: the new one replaces any before it.
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        django_otp.login(request, device)
        messages.success(request, _("Two-factor sign-in is on for your account."))
        return redirect(safe_next(request))
    context = {
        "form": form,
        "next": safe_next(request),
        "qr_code": segno.make(device.config_url, error="m").svg_inline(
            scale=5, title=str(_("QR code for your authenticator app"))
        ),
        "secret": device_secret(device),
        "has_confirmed_device": django_otp.user_has_device(request.user, confirmed=True),
        "required": can_publish(request.user),
    }
    return TemplateResponse(request, "limburg/admin/two_factor_setup.html", context)


@sensitive_post_parameters("otp_token")
@never_cache
def verify(request):
    """After the password: the code from the app."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse(SETUP_URL_NAME)}?{urlencode({'next': safe_next(request)})}")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, device)
        return redirect(safe_next(request))
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "limburg/admin/two_factor_verify.html",
        {"form": form, "next": safe_next(request)},
        status=status,
    )


def device_secret(device):
    """The key in groups of four, for typing into an app without a camera."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))
