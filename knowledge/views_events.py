"""Registering for an event and cancelling through the link in the confirmation e-mail."""

from django.core import signing
from django.core.mail import send_mail
from django.http import HttpResponseNotAllowed
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from knowledge.forms import RegistrationForm
from knowledge.models import EventRegistration

CANCEL_SALT = "knowledge.event-registration.cancel"


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_for_token(event, token):
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return EventRegistration.objects.filter(pk=pk, event=event).first()


def send_registration_mail(request, registration, template):
    """The e-mail in the event's language, with the personal cancel link."""
    event = registration.event
    with translation.override(event.locale.language_code):
        context = {
            "registration": registration,
            "event": event,
            "event_url": event.get_full_url(request),
            "cancel_url": event.get_full_url(request)
            + event.reverse_subpage("cancel")
            + "?"
            + urlencode({"token": cancel_token(registration)}),
        }
        subject = render_to_string(f"knowledge/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"knowledge/email/{template}.txt", context)
    send_mail(subject, body, None, [registration.email])


@never_cache
def register(request, event):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = RegistrationForm(request.POST)
    if not event.takes_registrations:
        return event.render(request, context_overrides={"form": form, "closed": True})
    if form.is_spam:
        # Answer as if it worked: a robot learns nothing, nothing is stored.
        return TemplateResponse(request, "knowledge/event_registered.html", {"page": event})
    if not form.is_valid():
        response = event.render(request, context_overrides={"form": form})
        response.status_code = 400
        return response
    registration, created = EventRegistration.register(
        event,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        organisation=form.cleaned_data["organisation"],
    )
    if created:
        template = (
            "registration_confirmed"
            if registration.status == "confirmed"
            else "registration_waiting"
        )
        send_registration_mail(request, registration, template)
    return TemplateResponse(
        request,
        "knowledge/event_registered.html",
        {"page": event, "registration": registration, "created": created},
    )


@never_cache
def cancel(request, event):
    token = request.POST.get("token") or request.GET.get("token", "")
    registration = registration_for_token(event, token)
    if registration is None:
        response = TemplateResponse(
            request, "knowledge/event_cancel.html", {"page": event, "invalid": True}
        )
        response.status_code = 404
        return response
    cancelled = False
    if request.method == "POST" and registration.status != EventRegistration.Status.CANCELLED:
        promoted = registration.cancel()
        if promoted is not None:
            send_registration_mail(request, promoted, "registration_promoted")
        cancelled = True
    return TemplateResponse(
        request,
        "knowledge/event_cancel.html",
        {"page": event, "registration": registration, "cancelled": cancelled},
    )
