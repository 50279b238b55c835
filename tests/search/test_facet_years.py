"""Year facets when some matching pages have no year (found by make bench)."""

import pytest

from search.engines.base import SearchRequest, facet_values
from search.query import parse_query

pytestmark = pytest.mark.django_db


def test_pages_without_a_year_are_left_out_of_the_year_facet(locale_nl):
    request = SearchRequest(
        parsed=parse_query("wijk"), locale_id=locale_nl.pk, language="nl", filters={"year": 2021}
    )
    facets = facet_values({"year": {None: 4, 2019: 1, 2021: 2}}, request)
    assert [(value.value, value.count, value.selected) for value in facets["year"]] == [
        ("2021", 2, True),
        ("2019", 1, False),
    ]
