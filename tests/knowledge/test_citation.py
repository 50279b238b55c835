"""Citation downloads, parsed back by the parsers reference managers use."""

import json
from datetime import date

import bibtexparser
import pytest
import rispy

pytestmark = pytest.mark.django_db


@pytest.fixture
def output(make_output, ggd, cc_by):
    return make_output(
        "Gezond & wel in 50% van de wijken",
        subtitle="Een {eerste} verkenning",
        kind="evaluatie",
        authors=[
            ("de Vries", "Anna-Maria", "0000-0002-1825-0097"),
            ("Kuppens", "Estella", ""),
            ("GGD Zuid Limburg", "", ""),
        ],
        publisher=ggd,
        doi="10.5281/zenodo.1234567",
        isbn="978-0-306-40615-7",
        licence=cc_by,
        publication_date=date(2022, 11, 3),
        date_precision="day",
        abstract="Regel één.\nRegel twee met $ en _ en \\.",
        version="2.0",
        number_of_pages=48,
    )


def download(client, page, name):
    response = client.get(page.url, {"format": name})
    assert response.status_code == 200
    return response


def test_bibtex(client, output):
    response = download(client, output, "bibtex")
    assert response["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{output.slug}.bib"'
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {field.key: field.value for field in entry.fields}
    assert entry.entry_type == "techreport"
    assert entry.key == "deVries2022Gezond"
    assert fields["title"] == r"{Gezond \& wel in 50\% van de wijken: Een \{eerste\} verkenning}"
    assert fields["author"] == "de Vries, Anna-Maria and Kuppens, Estella and {GGD Zuid Limburg}"
    assert fields["year"] == "2022"
    assert fields["month"] == "11"
    assert fields["institution"] == "GGD Zuid Limburg"
    assert fields["doi"] == "10.5281/zenodo.1234567"
    assert fields["isbn"] == "978-0-306-40615-7"
    assert fields["url"] == "https://doi.org/10.5281/zenodo.1234567"
    assert fields["edition"] == "2.0"
    # One line, LaTeX specials escaped: the parser read the whole entry.
    assert fields["abstract"] == r"Regel één. Regel twee met \$ en \_ en \textbackslash{}."


def test_ris(client, output):
    response = download(client, output, "ris")
    assert response["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert response["Content-Disposition"].endswith(f'filename="{output.slug}.ris"')
    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == "Gezond & wel in 50% van de wijken"
    assert entry["secondary_title"] == "Een {eerste} verkenning"
    assert entry["authors"] == ["de Vries, Anna-Maria", "Kuppens, Estella", "GGD Zuid Limburg"]
    assert entry["year"] == "2022"
    assert entry["date"] == "2022/11/03"
    assert entry["publisher"] == "GGD Zuid Limburg"
    assert entry["doi"] == "10.5281/zenodo.1234567"
    assert entry["issn"] == "978-0-306-40615-7"  # RIS's SN holds ISSN or ISBN
    assert entry["urls"] == ["https://doi.org/10.5281/zenodo.1234567"]
    assert entry["language"] == "nl"
    assert entry["abstract"] == "Regel één. Regel twee met $ en _ en \\."
    assert "Gezondheid" in entry["keywords"]


def test_csl_json(client, output):
    response = download(client, output, "csl-json")
    assert response["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    (item,) = json.loads(response.content)
    assert item["type"] == "report"
    assert item["title"] == "Gezond & wel in 50% van de wijken: Een {eerste} verkenning"
    assert item["author"] == [
        {"family": "de Vries", "given": "Anna-Maria"},
        {"family": "Kuppens", "given": "Estella"},
        {"literal": "GGD Zuid Limburg"},
    ]
    assert item["issued"] == {"date-parts": [[2022, 11, 3]]}
    assert item["DOI"] == "10.5281/zenodo.1234567"
    assert item["ISBN"] == "978-0-306-40615-7"
    assert item["publisher"] == "GGD Zuid Limburg"
    assert item["number-of-pages"] == 48
    assert item["version"] == "2.0"


def test_apa_leaves_out_a_publisher_that_is_also_the_author(output):
    from knowledge.citation import Citation

    output.authors.all().exclude(family_name="GGD Zuid Limburg").delete()
    output = type(output).objects.get(pk=output.pk)
    text = Citation(output).apa()
    assert text.startswith("GGD Zuid Limburg (2022). Gezond & wel")
    assert text.count("GGD Zuid Limburg") == 1


def test_year_only_dates_export_only_the_year(client, make_output):
    page = make_output("Jaar", publication_date=date(2021, 1, 1), date_precision="year")
    (item,) = json.loads(download(client, page, "csl-json").content)
    assert item["issued"] == {"date-parts": [[2021]]}
    (entry,) = rispy.loads(download(client, page, "ris").content.decode())
    assert entry["date"] == "2021"
    library = bibtexparser.parse_string(download(client, page, "bibtex").content.decode())
    assert "month" not in {field.key for field in library.entries[0].fields}


def test_unknown_format_is_a_clear_400(client, output):
    response = client.get(output.url, {"format": "<script>"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "bibtex, ris, csl-json" in response.content.decode()


def test_drafts_and_private_outputs_have_no_exports(client, make_output):
    from wagtail.models import PageViewRestriction

    draft = make_output("Concept", publish=False)
    assert client.get(draft.url, {"format": "ris"}).status_code == 404
    private = make_output("Besloten")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.get(private.url, {"format": "bibtex"})
    assert response.status_code == 302  # to the login page, not the citation
