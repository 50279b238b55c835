"""OAI-PMH, harvested with Sickle (a standard OAI-PMH client) and checked with lxml.

Sickle speaks real HTTP through `requests`; the transport adapter below hands
each request to Django's WSGI handler instead of a socket, so the tests keep
their transaction (and run on SQLite and PostgreSQL alike).
"""

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlsplit

from django.test import Client
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest
import requests
from lxml import etree
from sickle import Sickle, oaiexceptions

from knowledge.models import DeletedResearchOutput, ResearchOutputPage

pytestmark = pytest.mark.django_db

ENDPOINT = "http://testserver/oai/"
NS = {"oai": "http://www.openarchives.org/OAI/2.0/", "dc": "http://purl.org/dc/elements/1.1/"}
PREFIX = "oai:kennisplatform.limburg.example:"


class DjangoAdapter(requests.adapters.BaseAdapter):
    def __init__(self):
        super().__init__()
        self.client = Client()

    def send(self, request, **kwargs):
        url = urlsplit(request.url)
        path = f"{url.path}?{url.query}" if url.query else url.path
        if request.method == "POST":
            django_response = self.client.generic(
                "POST", path, request.body, content_type=request.headers["Content-Type"]
            )
        else:
            django_response = self.client.get(path)
        response = requests.Response()
        response.status_code = django_response.status_code
        response.headers.update(django_response.headers)
        response._content = django_response.content
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response

    def close(self):
        pass


class TestSickle(Sickle):
    __test__ = False  # a harvester, not a test class

    def __init__(self, **kwargs):
        super().__init__(ENDPOINT, max_retries=0, **kwargs)
        self.session = requests.Session()
        self.session.mount("http://testserver/", DjangoAdapter())
        self.requests_made = 0

    def _request(self, kwargs):
        self.requests_made += 1
        if self.http_method == "GET":
            return self.session.get(self.endpoint, params=kwargs)
        return self.session.post(self.endpoint, data=kwargs)


@pytest.fixture
def harvester():
    return TestSickle()


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return etree.fromstring(response.content)


def error_code(client, **params):
    root = oai(client, **params)
    return root.find("oai:error", NS).get("code")


def identifier(page):
    return f"{PREFIX}{page.pk}"


# The six verbs -------------------------------------------------------------------


def test_identify(harvester):
    identify = harvester.Identify()
    assert identify.protocolVersion == "2.0"
    assert identify.baseURL == ENDPOINT
    assert identify.deletedRecord == "persistent"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.repositoryIdentifier == "kennisplatform.limburg.example"
    earliest = datetime.strptime(identify.earliestDatestamp, "%Y-%m-%dT%H:%M:%SZ")
    assert earliest.year >= 2020


def test_list_metadata_formats(harvester, make_output):
    formats = list(harvester.ListMetadataFormats())
    assert [f.metadataPrefix for f in formats] == ["oai_dc"]
    page = make_output("Formaten")
    assert [f.metadataPrefix for f in harvester.ListMetadataFormats(identifier=identifier(page))]
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        list(harvester.ListMetadataFormats(identifier=f"{PREFIX}999999999"))


def test_list_sets_has_one_set_per_theme(harvester):
    sets = {s.setSpec: s.setName for s in harvester.ListSets()}
    assert sets["theme:gezondheid"] == "Gezondheid"
    assert {"theme", "theme:veiligheid", "theme:wonen", "theme:leren", "theme:werken"} <= set(sets)


def test_get_record_has_dublin_core(harvester, make_output, ggd, cc_by):
    page = make_output(
        "Oogst",
        subtitle="Ondertitel",
        authors=[("Jansen", "Maria", "0000-0002-1825-0097")],
        publisher=ggd,
        doi="10.5281/zenodo.1234567",
        licence=cc_by,
        publication_date=date(2024, 2, 1),
        date_precision="month",
        themes=("gezondheid", "wonen"),
    )
    record = harvester.GetRecord(identifier=identifier(page), metadataPrefix="oai_dc")
    assert not record.deleted
    assert record.header.setSpecs == ["theme", "theme:gezondheid", "theme:wonen"]
    metadata = record.metadata
    assert metadata["title"] == ["Oogst: Ondertitel"]
    assert metadata["creator"] == ["Jansen, Maria"]
    assert metadata["publisher"] == ["GGD Zuid Limburg"]
    assert metadata["date"] == ["2024-02"]
    assert metadata["language"] == ["nl"]
    assert "https://doi.org/10.5281/zenodo.1234567" in metadata["identifier"]
    assert page.full_url in metadata["identifier"]
    assert metadata["rights"] == ["https://creativecommons.org/licenses/by/4.0/"]
    assert "info:eu-repo/semantics/report" in metadata["type"]


def test_list_records_and_identifiers_show_live_outputs(harvester, research_nl):
    live = set(ResearchOutputPage.objects.live().public().values_list("pk", flat=True))
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    assert {int(r.header.identifier.rsplit(":", 1)[1]) for r in records if not r.deleted} == live
    headers = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    assert [h.identifier for h in headers] == [r.header.identifier for r in records]


# Paging, dates, sets and deletions ----------------------------------------------


def test_harvesting_300_records_through_resumption_tokens(harvester, research_nl, locale_nl):
    """Page in bulk (no revisions) to keep the test fast; the harvest is what is tested."""
    from limburg.models import Theme

    wonen = Theme.objects.get(locale=locale_nl, slug="wonen")
    start = timezone.now() - timedelta(days=30)
    created = []
    for number in range(300):
        stamp = start + timedelta(minutes=number)
        page = ResearchOutputPage(
            title=f"Bulk {number}",
            slug=f"bulk-{number}",
            locale=locale_nl,
            kind="rapport",
            summary="Bulk.",
            publication_date=date(2020, 1, 1),
            first_published_at=stamp,
            last_published_at=stamp,
        )
        research_nl.add_child(instance=page)
        if number % 3 == 0:
            page.themes.set([wonen])
            page.save()  # a cluster writes its relations when saved
        created.append(page.pk)

    records = list(harvester.ListIdentifiers(metadataPrefix="oai_dc"))
    ids = [int(h.identifier.rsplit(":", 1)[1]) for h in records]
    assert len(ids) == len(set(ids))  # nothing twice
    assert set(created) <= set(ids)  # nothing skipped
    assert harvester.requests_made >= 4  # 300+ records at 100 a page
    stamps = [h.datestamp for h in records]
    assert stamps == sorted(stamps)

    # from/until at second granularity select exactly the minutes in between.
    window_from = (start + timedelta(minutes=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
    window_until = (start + timedelta(minutes=19)).strftime("%Y-%m-%dT%H:%M:%SZ")
    window = list(
        harvester.ListRecords(
            metadataPrefix="oai_dc", **{"from": window_from, "until": window_until}
        )
    )
    assert [r.metadata["title"][0] for r in window] == [f"Bulk {n}" for n in range(10, 20)]

    # A set selects its members, over several pages too.
    in_set = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", set="theme:wonen"))
    bulk_in_set = [h for h in in_set if int(h.identifier.rsplit(":", 1)[1]) in created]
    assert len(bulk_in_set) == 100

    # The token says how far the harvest is.
    client = Client()
    root = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    token = root.find(".//oai:resumptionToken", NS)
    assert token.get("cursor") == "0"
    assert int(token.get("completeListSize")) == len(ids)
    assert token.get("expirationDate")
    second = oai(client, verb="ListIdentifiers", resumptionToken=token.text)
    assert second.find(".//oai:resumptionToken", NS).get("cursor") == "100"


def test_day_granularity_includes_the_whole_day(harvester, make_output):
    page = make_output("Vandaag")
    today = timezone.now().astimezone(UTC).date().isoformat()
    found = [
        h.identifier
        for h in harvester.ListIdentifiers(
            metadataPrefix="oai_dc", **{"from": today, "until": today}
        )
    ]
    assert identifier(page) in found


def test_unpublished_private_and_deleted_outputs_are_reported_deleted(harvester, make_output):
    unpublished = make_output("Ingetrokken", themes=("wonen",))
    private = make_output("Afgeschermd")
    deleted = make_output("Verwijderd", themes=("wonen",))
    never = make_output("Nooit gepubliceerd", publish=False)
    deleted_id = deleted.pk

    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    ResearchOutputPage.objects.get(pk=deleted_id).delete()
    assert DeletedResearchOutput.objects.filter(page_id=deleted_id).exists()

    records = {r.header.identifier: r for r in harvester.ListRecords(metadataPrefix="oai_dc")}
    for page_id in (unpublished.pk, private.pk, deleted_id):
        record = records[f"{PREFIX}{page_id}"]
        assert record.header.deleted
        assert record.xml.find(".//oai:metadata", NS) is None
    assert f"{PREFIX}{never.pk}" not in records
    # No title of a withdrawn output leaks into the response.
    response = Client().get("/oai/", {"verb": "ListRecords", "metadataPrefix": "oai_dc"})
    for title in (b"Ingetrokken", b"Afgeschermd", b"Verwijderd", b"Nooit gepubliceerd"):
        assert title not in response.content

    # GetRecord says the same; a deleted record keeps its sets.
    record = harvester.GetRecord(identifier=f"{PREFIX}{deleted_id}", metadataPrefix="oai_dc")
    assert record.deleted
    assert record.header.setSpecs == ["theme", "theme:wonen"]
    wonen = {
        h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", set="theme:wonen")
    }
    assert {f"{PREFIX}{deleted_id}", f"{PREFIX}{unpublished.pk}"} <= wonen

    # The deletions are new to an incremental harvester.
    since = (timezone.now() - timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    recent = {
        h.identifier: h.deleted
        for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": since})
    }
    assert recent[f"{PREFIX}{private.pk}"] is True
    assert recent[f"{PREFIX}{unpublished.pk}"] is True


def test_republished_output_is_live_again(harvester, make_output):
    page = make_output("Terug")
    page.unpublish()
    page.save_revision().publish()
    record = harvester.GetRecord(identifier=identifier(page), metadataPrefix="oai_dc")
    assert not record.deleted


# Errors ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({}, "badVerb"),
        ({"verb": "Harvest"}, "badVerb"),
        ({"verb": "ListRecords"}, "badArgument"),
        ({"verb": "Identify", "extra": "1"}, "badArgument"),
        ({"verb": "GetRecord", "identifier": f"{PREFIX}1"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "gisteren"}, "badArgument"),
        ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2026-02-30"}, "badArgument"),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2025-01-01",
                "until": "2024-01-01",
            },
            "badArgument",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "2025-01-01",
                "until": "2025-02-01T00:00:00Z",
            },
            "badArgument",
        ),
        ({"verb": "ListRecords", "metadataPrefix": "marc21"}, "cannotDisseminateFormat"),
        (
            {"verb": "GetRecord", "metadataPrefix": "marc21", "identifier": f"{PREFIX}1"},
            "cannotDisseminateFormat",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": f"{PREFIX}999999999"},
            "idDoesNotExist",
        ),
        (
            {"verb": "GetRecord", "metadataPrefix": "oai_dc", "identifier": "oai:elders.example:1"},
            "idDoesNotExist",
        ),
        (
            {
                "verb": "ListRecords",
                "metadataPrefix": "oai_dc",
                "from": "1990-01-01",
                "until": "1990-12-31",
            },
            "noRecordsMatch",
        ),
        (
            {"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "theme:bestaat-niet"},
            "noRecordsMatch",
        ),
        ({"verb": "ListRecords", "resumptionToken": "vervalst"}, "badResumptionToken"),
        ({"verb": "ListSets", "resumptionToken": "x"}, "badResumptionToken"),
    ],
)
def test_protocol_errors(client, params, code):
    assert error_code(client, **params) == code


def test_bad_verb_and_argument_leave_the_request_element_bare(client):
    root = oai(client, verb="Harvest", metadataPrefix="<oai_dc>")
    request = root.find("oai:request", NS)
    assert request.attrib == {}
    assert request.text == "http://testserver/oai/"


def test_repeated_argument_and_token_with_other_arguments(client):
    response = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=oai_dc")
    assert etree.fromstring(response.content).find("oai:error", NS).get("code") == "badArgument"
    root = oai(client, verb="ListRecords", metadataPrefix="oai_dc", resumptionToken="x")
    assert root.find("oai:error", NS).get("code") == "badArgument"


def test_an_expired_token_is_refused(client, make_output):
    from knowledge.oai.views import make_token

    token = make_token(
        {"prefix": "oai_dc", "from": None, "until": timezone.now().isoformat(), "set": None}
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("knowledge.oai.views.TOKEN_LIFETIME", timedelta(seconds=-1))
        assert error_code(client, verb="ListRecords", resumptionToken=token) == "badResumptionToken"


def test_post_requests_are_answered_too():
    harvester = TestSickle(http_method="POST")
    assert harvester.Identify().protocolVersion == "2.0"


def test_control_characters_never_break_the_xml(client, make_output):
    page = make_output("Kapot\x0bteken", abstract="Tab\x01 en \x1f weg")
    root = oai(client, verb="GetRecord", metadataPrefix="oai_dc", identifier=identifier(page))
    assert root.find(".//dc:title", NS).text == "Kapotteken"
    assert "\x0b" not in etree.tostring(root, encoding="unicode")


def test_list_records_query_count_does_not_grow(
    client, make_output, count_queries, django_assert_max_num_queries
):
    for number in range(3):
        make_output(f"Eerst {number}", authors=[("A", "B", "")])
    params = {"verb": "ListRecords", "metadataPrefix": "oai_dc"}
    baseline = count_queries(lambda: client.get("/oai/", params))
    for number in range(20):
        make_output(
            f"Daarna {number}", authors=[("A", "B", ""), ("C", "D", "")], themes=("wonen", "leren")
        )
    with django_assert_max_num_queries(baseline):
        client.get("/oai/", params)
