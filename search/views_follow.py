"""Follow without an account: subscribe (double opt-in), manage, unsubscribe.

Every link in the e-mails carries a signed token; nothing here shows whether an
address is subscribed, and a bad or old link gets a clear page, never an error.
"""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Locale

from limburg.models import Theme
from search.following import link, subscription_for_token
from search.forms import FrequencyForm, SubscribeForm
from search.models import Subscription

SEARCH_PARAMS = ("query", "type", "theme", "gemeente")


def base_url(request):
    return f"{request.scheme}://{request.get_host()}"


def invalid_link(request):
    response = TemplateResponse(request, "search/follow_invalid.html", {})
    response.status_code = 404
    return response


@never_cache
def subscribe(request):
    locale = Locale.objects.get(language_code=translation.get_language())
    if request.method == "POST":
        form = SubscribeForm(request.POST, locale=locale)
        if form.is_spam:
            return TemplateResponse(request, "search/follow_check_mail.html", {})
        if form.is_valid():
            subscription = Subscription.objects.create(
                email=form.cleaned_data["email"].lower(),
                language=locale.language_code,
                frequency=form.cleaned_data["frequency"],
                search=form.search,
            )
            subscription.themes.set(form.cleaned_data["themes"])
            subscription.places.set(form.cleaned_data["places"])
            subscription.partners.set(form.cleaned_data["partners"])
            context = {"confirm_url": link(base_url(request), subscription, "confirm")}
            send_mail(
                render_to_string("search/email/confirm_subject.txt", context).strip(),
                render_to_string("search/email/confirm.txt", context),
                None,
                [subscription.email],
            )
            return TemplateResponse(request, "search/follow_check_mail.html", {})
        status = 400
    else:
        # Links such as "follow this theme" or "follow this search" fill the form in.
        initial = {
            "themes": list(
                Theme.objects.filter(
                    locale=locale, slug__in=request.GET.getlist("themes")
                ).values_list("pk", flat=True)
            ),
            "places": request.GET.getlist("places"),
            "partners": [value for value in request.GET.getlist("partners") if value.isdigit()],
            **{name: request.GET.get(name, "")[:255] for name in SEARCH_PARAMS},
        }
        form = SubscribeForm(initial=initial, locale=locale)
        status = 200
    response = TemplateResponse(request, "search/follow.html", {"form": form})
    response.status_code = status
    return response


@never_cache
def confirm(request):
    subscription = subscription_for_token(request.GET.get("token", ""), "confirm")
    if subscription is None:
        return invalid_link(request)
    if request.method == "POST" and subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return TemplateResponse(
        request,
        "search/follow_confirm.html",
        {
            "subscription": subscription,
            "manage_url": link(base_url(request), subscription, "manage"),
        },
    )


@never_cache
def manage(request):
    subscription = subscription_for_token(request.GET.get("token", ""), "manage")
    if subscription is None:
        return invalid_link(request)
    form = FrequencyForm(initial={"frequency": subscription.frequency})
    saved = False
    if request.method == "POST":
        if "delete" in request.POST:
            subscription.delete()
            return TemplateResponse(request, "search/follow_deleted.html", {})
        form = FrequencyForm(request.POST)
        if form.is_valid():
            subscription.frequency = form.cleaned_data["frequency"]
            subscription.save(update_fields=["frequency"])
            saved = True
    return TemplateResponse(
        request,
        "search/follow_manage.html",
        {"subscription": subscription, "form": form, "saved": saved},
    )


@csrf_exempt  # RFC 8058: mail programs POST here without a form; the signed token is the check.
@never_cache
def unsubscribe(request):
    token = request.GET.get("token", "")
    subscription = subscription_for_token(token, "manage")
    if subscription is None:
        return invalid_link(request)
    if request.method == "POST":
        subscription.delete()
        return TemplateResponse(request, "search/follow_deleted.html", {})
    return TemplateResponse(request, "search/follow_unsubscribe.html", {"token": token})
