"""Turning what a visitor typed into a safe search query."""

import re

from wagtail.search.utils import parse_query_string

from limburg.text import printable

# Like modelsearch's own cap: long input costs time and finds nothing more.
MAX_QUERY_LENGTH = 255
MAX_TERMS = 32
_SYNTAX = re.compile(r"[^\w\s\"'-]")


def clean_query_text(raw: str) -> str:
    """Printable text, whitespace collapsed, within MAX_QUERY_LENGTH chars and MAX_TERMS words."""
    text = printable(raw[: MAX_QUERY_LENGTH * 4])
    words = text.split()[:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


def build_query(raw: str):
    """A query object for ``.search()``, or None when nothing searchable is left.

    Quoted phrases become phrase queries; ``field:value`` filters are dropped, so
    a visitor cannot restrict the search to fields on purpose.
    """
    # Keep words, quotes (phrases), apostrophes and hyphens; everything else is
    # punctuation or backend syntax (*, :, ^, parentheses) that finds nothing more.
    text = _SYNTAX.sub(" ", clean_query_text(raw))
    # Unbalanced quotes would leave a bare '"' for the backend: drop the last one.
    if text.count('"') % 2:
        head, _quote, tail = text.rpartition('"')
        text = head + tail
    if not re.search(r"\w", text):
        return None
    _filters, query = parse_query_string(text, operator="and", zero_terms=None)
    return query
