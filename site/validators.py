"""Validators for codes the platform stores."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# CBS area codes: PV + 2 digits (province), GM + 4 (gemeente), WK + 6 (wijk:
# gemeente number + 2), BU + 8 (buurt: wijk number + 2).
CBS_CODE_PATTERNS = {
    "provincie": re.compile(r"PV\d{2}"),
    "gemeente": re.compile(r"GM\d{4}"),
    "wijk": re.compile(r"WK\d{6}"),
    "buurt": re.compile(r"BU\d{8}"),
}
CBS_CODE_EXAMPLES = {
    "provincie": "PV31",
    "gemeente": "GM0917",
    "wijk": "WK091701",
    "buurt": "BU09170101",
}


def validate_cbs_code(code: str, kind: str) -> None:
    """Raise ValidationError unless ``code`` is a well-formed CBS code for ``kind``."""
    pattern = CBS_CODE_PATTERNS.get(kind)
    if pattern is None or pattern.fullmatch(code):
        return
    raise ValidationError(
        _("“%(code)s” is not a CBS code for a %(kind)s (expected e.g. %(example)s)."),
        code="invalid_cbs_code",
        params={"code": code, "kind": kind, "example": CBS_CODE_EXAMPLES[kind]},
    )


def cbs_number(code: str) -> str:
    """The digits of a CBS code: GM0917 -> 0917, WK091701 -> 091701."""
    return code[2:]
