"""Bringing in an initiative (the form) and confirming it (the link in the e-mail)."""

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from knowledge import initiatives
from knowledge.forms import InitiativeForm
from limburg.http import client_address


@never_cache
def submit(request, page):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {"page": page, "self": page}
    if request.method == "GET":
        context["form"] = InitiativeForm(locale=page.locale)
        return TemplateResponse(request, "knowledge/initiative_form.html", context)

    form = InitiativeForm(request.POST, request.FILES, locale=page.locale)
    if form.is_spam:
        # Looks like success to a robot; nothing is kept.
        return TemplateResponse(request, "knowledge/initiative_sent.html", context)
    if not form.is_valid():
        context["form"] = form
        return TemplateResponse(request, "knowledge/initiative_form.html", context, status=400)
    # Counted per accepted submission, so correcting mistakes costs nothing.
    if initiatives.rate_limited(client_address(request)):
        return TemplateResponse(
            request, "knowledge/initiative_rate_limited.html", context, status=429
        )
    initiative = initiatives.take_in(form.cleaned_data, get_language())
    confirm_url = page.route_url("confirm", request, full=True)
    initiatives.send_confirmation(initiative, confirm_url)
    return TemplateResponse(request, "knowledge/initiative_sent.html", context)


@never_cache
def confirm(request, page):
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    initiative = initiatives.initiative_for_token(request.GET.get("token", ""))
    context = {"page": page, "self": page, "initiative": initiative}
    if initiative is None:
        return TemplateResponse(request, "knowledge/initiative_confirm.html", context, status=404)
    if request.method == "POST":
        context["confirmed"] = True
        if initiatives.confirm(initiative):
            initiatives.send_initiative_mail(initiative, "initiative_received")
    return TemplateResponse(request, "knowledge/initiative_confirm.html", context)
