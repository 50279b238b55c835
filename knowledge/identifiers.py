"""Persistent identifiers of research outputs: ORCID iDs, DOIs and ISBNs.

Each comes in the forms people paste (a resolver URL, a ``doi:`` prefix, with or
without hyphens); ``normalise_*`` returns the one stored form and raises
``ValidationError`` with a message an editor can act on.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdnum import isbn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.iso7064 import mod_11_2

ORCID_PATTERN = re.compile(r"^(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$")
ORCID_PREFIXES = ("https://orcid.org/", "http://orcid.org/", "orcid.org/")
# The DOI Handbook: "10." + a registrant code of digits (dot-separated parts
# allowed) + "/" + any printable suffix.
DOI_PATTERN = re.compile(r"^10\.\d{4,9}(\.\d+)*/\S+$")
DOI_PREFIXES = (
    "https://doi.org/",
    "http://doi.org/",
    "https://dx.doi.org/",
    "http://dx.doi.org/",
    "doi:",
)


def _strip_prefix(value, prefixes):
    value = value.strip()
    for prefix in prefixes:
        if value.lower().startswith(prefix):
            return value[len(prefix) :]
    return value


def normalise_orcid(value):
    """'https://orcid.org/0000-0002-1825-0097' → '0000-0002-1825-0097'."""
    match = ORCID_PATTERN.match(_strip_prefix(value, ORCID_PREFIXES).upper())
    if match is None:
        raise ValidationError(
            _("An ORCID iD has 16 characters in four groups, like 0000-0002-1825-0097."),
            code="invalid_orcid",
        )
    digits = "".join(match.groups())
    # ISO 7064 MOD 11-2, the check character ORCID uses.
    if not mod_11_2.is_valid(digits):
        raise ValidationError(
            _("This ORCID iD has a wrong check character: check it for typing errors."),
            code="invalid_orcid_checksum",
        )
    return "-".join(match.groups())


def normalise_doi(value):
    """'https://doi.org/10.1000/XYZ' → '10.1000/XYZ' (DOIs are case-insensitive; kept as given)."""
    doi = _strip_prefix(value, DOI_PREFIXES)
    if not DOI_PATTERN.match(doi):
        raise ValidationError(
            _("A DOI starts with 10., a number, a slash and a suffix, like 10.1000/182."),
            code="invalid_doi",
        )
    return doi


def normalise_isbn(value):
    """An ISBN-10 or ISBN-13 with a valid check digit, returned hyphenated as ISBN-13."""
    try:
        return isbn.format(isbn.validate(value), convert=True)
    except StdnumError:
        raise ValidationError(
            _("This is not a valid ISBN: check the number of digits and the check digit."),
            code="invalid_isbn",
        ) from None


def validate_orcid(value):
    normalise_orcid(value)


def validate_doi(value):
    normalise_doi(value)


def validate_isbn(value):
    normalise_isbn(value)
