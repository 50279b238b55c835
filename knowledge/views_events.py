"""Registering for an event and cancelling through the link in the confirmation e-mail."""

from django.core import signing
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache

from knowledge.forms import RegistrationForm
from knowledge.mail import send_templated_mail
from knowledge.models import EventRegistration

CANCEL_SALT = "knowledge.event-registration.cancel"
TEMPLATES = {
    EventRegistration.Status.CONFIRMED: "registration_confirmed",
    EventRegistration.Status.WAITING: "registration_waiting",
}


def cancel_token(registration):
    return signing.dumps(registration.pk, salt=CANCEL_SALT)


def registration_for_token(event, token):
    try:
        pk = signing.loads(token, salt=CANCEL_SALT)
    except signing.BadSignature:
        return None
    return EventRegistration.for_event(event).filter(pk=pk).first()


def send_registration_mail(registration, template):
    """The e-mail in the event's language, with the personal cancel link.

    A mail server that fails is logged (without the address) and does not undo the
    registration; registering again with the same address sends the e-mail again.
    """
    event = registration.event
    event_url = event.get_full_url()
    with translation.override(event.locale.language_code):
        cancel_url = (
            event_url
            + event.reverse_subpage("cancel")
            + "?"
            + urlencode({"token": cancel_token(registration)})
        )
    send_templated_mail(
        template,
        {
            "registration": registration,
            "event": event,
            "event_url": event_url,
            "cancel_url": cancel_url,
        },
        language=event.locale.language_code,
        to=registration.email,
        about=f"registration {registration.pk}",
    )


def announce_places(promoted):
    for registration in promoted:
        send_registration_mail(registration, "registration_promoted")


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
    registration, created, promoted = EventRegistration.register(
        event,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        organisation=form.cleaned_data["organisation"],
    )
    announce_places(promoted)
    # Again for a repeat, so someone whose e-mail got lost can ask for it once more.
    send_registration_mail(registration, TEMPLATES[registration.status])
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
    if request.method == "POST":
        announce_places(registration.cancel())
        cancelled = True
    return TemplateResponse(
        request,
        "knowledge/event_cancel.html",
        {"page": event, "registration": registration, "cancelled": cancelled},
    )
