"""The case-study listing as a spreadsheet: the results as filtered, one row per case study.

For municipalities who take a selection into their own work: the same filters and
the same pages as the listing (live, public, this language and site), every result
rather than one page of them, and only what the pages themselves publish (no
contact person, no e-mail address).

The file is CSV for spreadsheet programs rather than for machines (that is the open
data at /open-data/): UTF-8 with a byte order mark and semicolons between the
columns, so Excel in a Dutch locale (whose list separator is the semicolon) opens
it in columns with its accents intact, as it does CBS StatLine's downloads. A cell
that a spreadsheet would take for a formula starts with an apostrophe.
"""

import csv
import io

from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils.http import content_disposition_header
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from casestudies.listing import CaseStudyListing
from casestudies.models import CaseStudyFunding, CaseStudyPartner
from limburg.models import Place
from limburg.text import printable

# What a spreadsheet starts a formula (or a DDE command) with (OWASP, "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Between the values of one cell (themes, places, partners).
LIST_SEPARATOR = ", "
DELIMITER = ";"
BYTE_ORDER_MARK = "\ufeff"


def spreadsheet_safe(value):
    """A cell's text that a spreadsheet shows as text: unprintable characters gone, and an
    apostrophe before what would start a formula (a space in front does not stop Excel)."""
    if value is None:
        return ""
    if isinstance(value, int):
        return value
    text = printable(str(value))
    if text.lstrip().startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def gemeente_of(place):
    """The gemeente a place lies in (itself for a gemeente), or None (the province).

    Reads the parents fetched with the place: no query.
    """
    while place is not None and place.kind not in (Place.Kind.GEMEENTE, Place.Kind.PROVINCIE):
        place = place.parent
    return place if place is not None and place.kind == Place.Kind.GEMEENTE else None


def joined(values):
    return LIST_SEPARATOR.join(dict.fromkeys(str(value) for value in values if value))


def columns(request):
    """(header, value of a case study) per column, headers in the reader's language."""
    return [
        (capfirst(_("title")), lambda page: page.title),
        (
            capfirst(_("web address")),
            lambda page: request.build_absolute_uri(page.get_url(request)),
        ),
        (_("Kind"), lambda page: page.get_kind_display()),
        (_("Status"), lambda page: page.get_status_display()),
        (_("Municipalities"), lambda page: joined(gemeente_of(p) for p in page.places.all())),
        (_("Places"), lambda page: joined(place.name for place in page.places.all())),
        (_("CBS codes"), lambda page: joined(place.code for place in page.places.all())),
        (_("Themes"), lambda page: joined(theme.name for theme in page.themes.all())),
        (capfirst(_("start year")), lambda page: page.start_year),
        (capfirst(_("end year")), lambda page: page.end_year),
        (capfirst(_("summary")), lambda page: page.summary),
        (_("Partners"), lambda page: joined(p.organisation.name for p in page.partners.all())),
        (_("Funding"), lambda page: joined(f.instrument.name for f in page.funding.all())),
        (capfirst(_("last checked")), lambda page: page.last_checked.isoformat()),
    ]


def with_columns_fetched(results):
    """The results with everything the columns read, in one query per relation."""
    places = Place.objects.select_related("parent__parent").defer(
        # Boundaries are GeoJSON, kilobytes each; the spreadsheet needs names.
        "boundary",
        "parent__boundary",
        "parent__parent__boundary",
    )
    return results.prefetch_related(
        "themes",
        Prefetch("places", queryset=places),
        Prefetch("partners", queryset=CaseStudyPartner.objects.select_related("organisation")),
        Prefetch("funding", queryset=CaseStudyFunding.objects.select_related("instrument")),
    )


def write_csv(listing, request):
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, delimiter=DELIMITER)
    cells = columns(request)
    writer.writerow([header for header, _value in cells])
    for page in with_columns_fetched(listing.results):
        writer.writerow([spreadsheet_safe(value(page)) for _header, value in cells])
    return buffer.getvalue()


def invalid_filters(listing):
    """400, in words: which filters were not understood (the listing's own link never
    carries one; a hand-made or outdated address may)."""
    lines = [_("Some filters could not be used")]
    for field in listing.form:
        lines.extend(f"{field.label}: {error}" for error in field.errors)
    return HttpResponse(
        "\n".join(str(line) for line in lines) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def listing_csv(index_page, request):
    """The case studies of ``index_page``'s listing as filtered by the query string."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    listing = CaseStudyListing(index_page, request)
    if not listing.is_valid:
        return invalid_filters(listing)
    response = HttpResponse(write_csv(listing, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{index_page.slug}.csv"
    )
    # Every combination of filters is a file: none belongs in a search engine.
    response["X-Robots-Tag"] = "noindex"
    return response
