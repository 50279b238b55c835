"""iCalendar (RFC 5545) files for events, written with the icalendar package.

Times are written in Europe/Amsterdam with its VTIMEZONE, so calendar apps keep
the local time across the change to and from summer time.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

import icalendar

PRODID = "-//Provincie Limburg//Krachtige Gemeenschappen Limburg//NL"


def event_component(event, request):
    component = icalendar.Event()
    # The same event in every language: one entry in a calendar that has both.
    component.add("uid", f"event-{event.translation_key}@{request.get_host().split(':')[0]}")
    component.add("dtstamp", timezone.now())
    component.add("dtstart", timezone.localtime(event.start))
    component.add("dtend", timezone.localtime(event.end))
    title = event.title
    if event.is_example:
        title = f"{title} ({'voorbeeld' if event.locale.language_code == 'nl' else 'example'})"
    component.add("summary", title)
    url = event.get_full_url(request)
    component.add("description", "\n\n".join(part for part in (event.summary, url) if part))
    component.add("url", url)
    if event.location_text:
        component.add("location", event.location_text)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    if event.organiser_id:
        component.add("organizer", f"mailto:{settings.DEFAULT_FROM_EMAIL}")
        component["organizer"].params["cn"] = event.organiser.name
    return component


def calendar(events, request, *, name):
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        cal.add_component(event_component(event, request))
    cal.add_missing_timezones()
    return cal


def calendar_response(events, request, *, name, filename):
    response = HttpResponse(
        calendar(events, request, name=name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
