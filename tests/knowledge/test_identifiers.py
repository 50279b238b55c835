"""ORCID iDs, DOIs and ISBNs: the forms people paste are accepted and stored one way;
wrong ones get a message that says what is wrong."""

from django.core.exceptions import ValidationError

import pytest

from knowledge.identifiers import normalise_doi, normalise_isbn, normalise_orcid


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("https://orcid.org/0000-0002-1825-0097", "0000-0002-1825-0097"),
        ("0000000218250097", "0000-0002-1825-0097"),
        # The check character can be X (value 10).
        ("0000-0002-1694-233x", "0000-0002-1694-233X"),
        (" orcid.org/0000-0001-5109-3700 ", "0000-0001-5109-3700"),
    ],
)
def test_good_orcids(value, stored):
    assert normalise_orcid(value) == stored


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("0000-0002-1825-0098", "invalid_orcid_checksum"),
        ("0000-0002-1825-009", "invalid_orcid"),
        ("0000-0002-1825-00977", "invalid_orcid"),
        ("abcd-0002-1825-0097", "invalid_orcid"),
        ("https://example.org/0000-0002-1825-0097", "invalid_orcid"),
        ("", "invalid_orcid"),
    ],
)
def test_bad_orcids(value, code):
    with pytest.raises(ValidationError) as error:
        normalise_orcid(value)
    assert error.value.code == code


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("10.1000/182", "10.1000/182"),
        ("https://doi.org/10.5281/zenodo.1234567", "10.5281/zenodo.1234567"),
        ("doi:10.1093/ije/dyab077", "10.1093/ije/dyab077"),
        ("http://dx.doi.org/10.1016/S0140-6736(20)30183-5", "10.1016/S0140-6736(20)30183-5"),
    ],
)
def test_good_dois(value, stored):
    assert normalise_doi(value) == stored


@pytest.mark.parametrize(
    "value",
    ["11.1000/182", "10.12/abc", "10.1000/", "10.1000/has space", "doi.org/10.1000/182", "182"],
)
def test_bad_dois(value):
    with pytest.raises(ValidationError) as error:
        normalise_doi(value)
    assert error.value.code == "invalid_doi"


@pytest.mark.parametrize(
    ("value", "stored"),
    [
        ("978-0-306-40615-7", "978-0-306-40615-7"),
        ("9780306406157", "978-0-306-40615-7"),
        # ISBN-10 is converted to ISBN-13.
        ("0-306-40615-2", "978-0-306-40615-7"),
        ("90-5356-000-9", "978-90-5356-000-6"),
    ],
)
def test_good_isbns(value, stored):
    assert normalise_isbn(value) == stored


@pytest.mark.parametrize("value", ["978-0-306-40615-8", "0-306-40615-3", "12345", "isbn"])
def test_bad_isbns(value):
    with pytest.raises(ValidationError) as error:
        normalise_isbn(value)
    assert error.value.code == "invalid_isbn"
