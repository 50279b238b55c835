"""The OAI-PMH 2.0 endpoint (https://www.openarchives.org/OAI/openarchivesprotocol.html).

Six verbs, ``oai_dc`` metadata, persistent deletion records, second
granularity and stateless, signed resumption tokens. Protocol errors are
answered with HTTP 200 and an ``<error>`` element, as the protocol requires.
"""

import re
from datetime import UTC, datetime, timedelta
from xml.etree import ElementTree

from django.conf import settings
from django.core import signing
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from knowledge.oai import records as oai_records

OAI = "http://www.openarchives.org/OAI/2.0/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_IDENTIFIER = "http://www.openarchives.org/OAI/2.0/oai-identifier"
for _prefix, _uri in (("", OAI), ("oai_dc", OAI_DC), ("dc", DC), ("xsi", XSI)):
    ElementTree.register_namespace(_prefix, _uri)

METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC),
}
GRANULARITY = "%Y-%m-%dT%H:%M:%SZ"
TOKEN_SALT = "knowledge.oai.resumption"
TOKEN_LIFETIME = timedelta(hours=24)

# verb → (required arguments, optional arguments); a resumption token is exclusive.
VERBS = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
}

# DCMI types and the info:eu-repo publication types OpenAIRE-style harvesters read.
DC_TYPES = {
    "artikel": ("Text", "info:eu-repo/semantics/article"),
    "rapport": ("Text", "info:eu-repo/semantics/report"),
    "evaluatie": ("Text", "info:eu-repo/semantics/report"),
    "factsheet": ("Text", "info:eu-repo/semantics/other"),
    "proefschrift": ("Text", "info:eu-repo/semantics/doctoralThesis"),
    "dataset": ("Dataset", "info:eu-repo/semantics/other"),
    "video": ("MovingImage", "info:eu-repo/semantics/other"),
    "podcast": ("Sound", "info:eu-repo/semantics/other"),
}


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def q(namespace, tag):
    return f"{{{namespace}}}{tag}"


# Characters XML 1.0 does not allow, even escaped: a pasted control character
# must not make the whole response unreadable for a harvester.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value):
    return _NOT_XML.sub("", str(value))


def sub(parent, namespace, tag, text=None, **attributes):
    element = ElementTree.SubElement(parent, q(namespace, tag), attributes)
    if text is not None:
        element.text = xml_text(text)
    return element


def datestamp(value):
    return value.astimezone(UTC).strftime(GRANULARITY)


def repository_identifier():
    return settings.OAI_REPOSITORY_IDENTIFIER


def oai_identifier(page_id):
    return f"oai:{repository_identifier()}:{page_id}"


def page_id_of(identifier):
    prefix = f"oai:{repository_identifier()}:"
    if not identifier.startswith(prefix) or not identifier[len(prefix) :].isdigit():
        raise OAIError("idDoesNotExist", f"No item has the identifier {identifier}.")
    return int(identifier[len(prefix) :])


def parse_datestamp(value, *, end=False):
    """A from/until argument at day or second granularity, as an aware datetime.

    ``end`` makes it an exclusive upper bound: until=2026-11-30 includes that whole
    day, until=…T10:00:00Z includes records stamped 10:00:00.5 (shown as 10:00:00).
    """
    for pattern, step in (("%Y-%m-%d", timedelta(days=1)), (GRANULARITY, timedelta(seconds=1))):
        try:
            moment = datetime.strptime(value, pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
        return (moment + step if end else moment), pattern
    raise OAIError("badArgument", f"Not a valid datestamp: {value!r}.")


class OAIRequest:
    def __init__(self, request):
        self.request = request
        self.base_url = request.build_absolute_uri(request.path)
        self.params = request.POST if request.method == "POST" else request.GET
        self.verb = None
        self.args = {}

    def parse(self):
        verbs = self.params.getlist("verb")
        if len(verbs) != 1 or verbs[0] not in VERBS:
            raise OAIError("badVerb", "The verb is missing, repeated or not an OAI-PMH verb.")
        self.verb = verbs[0]
        required, optional = VERBS[self.verb]
        for name in self.params:
            if name == "verb":
                continue
            if name not in required | optional:
                raise OAIError("badArgument", f"{self.verb} does not take the argument {name}.")
            values = self.params.getlist(name)
            if len(values) != 1:
                raise OAIError("badArgument", f"The argument {name} is repeated.")
            self.args[name] = values[0]
        if "resumptionToken" in self.args:
            if len(self.args) > 1:
                raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        elif missing := required - self.args.keys():
            raise OAIError("badArgument", f"Missing argument: {', '.join(sorted(missing))}.")


def envelope(oai_request, error=None):
    root = ElementTree.Element(q(OAI, "OAI-PMH"))
    root.set(q(XSI, "schemaLocation"), f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd")
    sub(root, OAI, "responseDate", datestamp(timezone.now()))
    request_element = sub(root, OAI, "request", oai_request.base_url)
    # With badVerb or badArgument, the request element carries no attributes.
    if error is None or error.code not in ("badVerb", "badArgument"):
        if oai_request.verb:
            request_element.set("verb", oai_request.verb)
        for name, value in oai_request.args.items():
            request_element.set(name, xml_text(value))
    return root


def render(root):
    body = ElementTree.tostring(root, encoding="unicode", xml_declaration=False)
    return HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + body,
        content_type="text/xml; charset=utf-8",
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def oai_pmh(request):
    oai_request = OAIRequest(request)
    try:
        oai_request.parse()
        handler = HANDLERS[oai_request.verb]
        root = envelope(oai_request)
        handler(oai_request, root)
    except OAIError as error:
        root = envelope(oai_request, error)
        sub(root, OAI, "error", error.message, code=error.code)
    return render(root)


# Verbs ------------------------------------------------------------------------


def identify(oai_request, root):
    element = sub(root, OAI, "Identify")
    sub(element, OAI, "repositoryName", settings.OAI_REPOSITORY_NAME)
    sub(element, OAI, "baseURL", oai_request.base_url)
    sub(element, OAI, "protocolVersion", "2.0")
    sub(element, OAI, "adminEmail", settings.OAI_ADMIN_EMAIL)
    sub(element, OAI, "earliestDatestamp", datestamp(oai_records.earliest_datestamp()))
    sub(element, OAI, "deletedRecord", "persistent")
    sub(element, OAI, "granularity", "YYYY-MM-DDThh:mm:ssZ")
    description = sub(element, OAI, "description")
    identifier = ElementTree.SubElement(description, q(OAI_IDENTIFIER, "oai-identifier"))
    identifier.set(
        q(XSI, "schemaLocation"),
        f"{OAI_IDENTIFIER} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd",
    )
    for tag, text in (
        ("scheme", "oai"),
        ("repositoryIdentifier", repository_identifier()),
        ("delimiter", ":"),
        ("sampleIdentifier", oai_identifier(1)),
    ):
        sub(identifier, OAI_IDENTIFIER, tag, text)


def list_metadata_formats(oai_request, root):
    if "identifier" in oai_request.args:
        page_id = page_id_of(oai_request.args["identifier"])
        if oai_records.find(page_id) is None:
            raise OAIError("idDoesNotExist", "No item has this identifier.")
    element = sub(root, OAI, "ListMetadataFormats")
    for prefix, (schema, namespace) in METADATA_FORMATS.items():
        metadata_format = sub(element, OAI, "metadataFormat")
        sub(metadata_format, OAI, "metadataPrefix", prefix)
        sub(metadata_format, OAI, "schema", schema)
        sub(metadata_format, OAI, "metadataNamespace", namespace)


def list_sets(oai_request, root):
    if "resumptionToken" in oai_request.args:
        raise OAIError("badResumptionToken", "ListSets answers in one response; no token applies.")
    element = sub(root, OAI, "ListSets")
    for spec, name in oai_records.sets():
        set_element = sub(element, OAI, "set")
        sub(set_element, OAI, "setSpec", spec)
        sub(set_element, OAI, "setName", name)


def _check_prefix(prefix):
    if prefix not in METADATA_FORMATS:
        raise OAIError(
            "cannotDisseminateFormat", f"The metadata format {prefix!r} is not supported."
        )


def _harvest(oai_request, root, with_metadata):
    """ListIdentifiers and ListRecords: one page of records and, if more follow, a token."""
    args = oai_request.args
    if "resumptionToken" in args:
        state = read_token(args["resumptionToken"])
    else:
        _check_prefix(args["metadataPrefix"])
        state = harvest_state(args)
    records = oai_records.Records(
        start=_from_iso(state["from"]), until=_from_iso(state["until"]), set_spec=state["set"]
    )
    position = None
    if state.get("after"):
        position = (_from_iso(state["after"][0]), state["after"][1])
    page_size = settings.OAI_PAGE_SIZE
    rows = records.after(position, page_size + 1)
    if not rows and position is None:
        raise OAIError("noRecordsMatch", "No records match these arguments.")
    has_more = len(rows) > page_size
    rows = rows[:page_size]
    element = sub(root, OAI, "ListRecords" if with_metadata else "ListIdentifiers")
    for record in records.load(rows, with_metadata):
        if with_metadata:
            write_record(element, record, oai_request.request)
        else:
            write_header(element, record)
    cursor = state.get("cursor", 0)
    total = state.get("total")
    if total is None:
        total = records.count()
    if has_more or position is not None:
        token = sub(
            element, OAI, "resumptionToken", completeListSize=str(total), cursor=str(cursor)
        )
        if has_more:
            last_stamp, last_id, _tombstone = rows[-1]
            token.text = make_token(
                {
                    **state,
                    "after": [last_stamp.isoformat(), last_id],
                    "cursor": cursor + len(rows),
                    "total": total,
                }
            )
            token.set("expirationDate", datestamp(timezone.now() + TOKEN_LIFETIME))


def list_identifiers(oai_request, root):
    _harvest(oai_request, root, with_metadata=False)


def list_records(oai_request, root):
    _harvest(oai_request, root, with_metadata=True)


def get_record(oai_request, root):
    _check_prefix(oai_request.args["metadataPrefix"])
    record = oai_records.find(page_id_of(oai_request.args["identifier"]))
    if record is None:
        raise OAIError("idDoesNotExist", "No item has this identifier.")
    write_record(sub(root, OAI, "GetRecord"), record, oai_request.request)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
    "GetRecord": get_record,
}


# Arguments and tokens -----------------------------------------------------------


def _from_iso(value):
    return datetime.fromisoformat(value) if value else None


def harvest_state(args):
    start = until = None
    granularities = set()
    if "from" in args:
        start, granularity = parse_datestamp(args["from"])
        granularities.add(granularity)
    if "until" in args:
        until, granularity = parse_datestamp(args["until"], end=True)
        granularities.add(granularity)
    if len(granularities) > 1:
        raise OAIError("badArgument", "from and until must have the same granularity.")
    if start and until and start >= until:
        raise OAIError("badArgument", "from is later than until.")
    spec = args.get("set")
    if spec and not oai_records.set_exists(spec):
        raise OAIError("noRecordsMatch", f"There is no set {spec!r}.")
    # A harvest sees the repository as it was when it began: records changed
    # while it pages move past this bound, to the next harvest.
    frozen_until = until or (timezone.now() + timedelta(seconds=1))
    return {
        "prefix": args["metadataPrefix"],
        "from": start.isoformat() if start else None,
        "until": frozen_until.isoformat(),
        "set": spec,
    }


def make_token(state):
    return signing.dumps(state, salt=TOKEN_SALT, compress=True)


def read_token(token):
    try:
        return signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_LIFETIME)
    except signing.SignatureExpired:
        raise OAIError("badResumptionToken", "This resumption token has expired.") from None
    except signing.BadSignature:
        raise OAIError("badResumptionToken", "This resumption token is not valid.") from None


# Records ----------------------------------------------------------------------


def write_header(parent, record):
    header = sub(parent, OAI, "header")
    if record.deleted:
        header.set("status", "deleted")
    sub(header, OAI, "identifier", oai_identifier(record.page_id))
    sub(header, OAI, "datestamp", datestamp(record.datestamp))
    for spec in record.set_specs:
        sub(header, OAI, "setSpec", spec)
    return header


def write_record(parent, record, request):
    element = sub(parent, OAI, "record")
    write_header(element, record)
    if record.deleted:
        return element
    metadata = sub(element, OAI, "metadata")
    write_dublin_core(metadata, record.page, request)
    return element


def dc_date(page):
    date = page.publication_date
    return {
        "year": f"{date.year}",
        "month": f"{date.year}-{date.month:02d}",
        "day": date.isoformat(),
    }[page.date_precision]


def write_dublin_core(parent, page, request):
    dc = ElementTree.SubElement(parent, q(OAI_DC, "dc"))
    dc.set(q(XSI, "schemaLocation"), f"{OAI_DC} http://www.openarchives.org/OAI/2.0/oai_dc.xsd")

    def add(tag, value):
        if value:
            sub(dc, DC, tag, value)

    add("title", f"{page.title}: {page.subtitle}" if page.subtitle else page.title)
    for author in page.authors.all():
        add("creator", f"{author.family_name}, {author.given_names}".strip(", "))
    for theme in page.themes.all():
        add("subject", theme.name)
    for tagged in page.tagged_items.all():
        add("subject", tagged.tag.name)
    add("description", page.abstract)
    add("description", page.summary)
    add("publisher", page.publisher.name if page.publisher_id else "")
    add("date", dc_date(page))
    dcmi_type, repository_type = DC_TYPES[page.kind]
    add("type", dcmi_type)
    add("type", repository_type)
    if any(item.document.file_extension.lower() == "pdf" for item in page.files.all()):
        add("format", "application/pdf")
    add("identifier", page.get_full_url(request))
    add("identifier", f"https://doi.org/{page.doi}" if page.doi else "")
    add("identifier", f"urn:isbn:{page.isbn.replace('-', '')}" if page.isbn else "")
    add("language", page.language)
    if page.previous_version_id:
        add("relation", f"{oai_identifier(page.previous_version_id)}")
    for place in page.places.all():
        add("coverage", place.name)
    if page.licence_id:
        add("rights", page.licence.url or page.licence.name)
    add("source", page.external_url)
    # Abstracts are plain text, but an editor may paste markup; harvesters want text.
    for element in dc:
        element.text = strip_tags(element.text)
    return dc
