"""Hit highlighting for backends that do not do it themselves (the database backend).

The text is escaped first and only then are the matched words wrapped in
<mark>, so nothing in a title or summary can become markup.
"""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe


def snippet_source(page):
    """The text a result shows under its title: the summary, else the search description."""
    return (
        getattr(page, "summary", "")
        or page.search_description
        or strip_tags(getattr(page, "introduction", "") or "")
    )


def highlight(text: str, terms: list[str], window: int | None = None) -> str:
    """``text`` escaped, cut to about ``window`` characters around the first match, matches marked.

    A term matches at the start of a word, so "wijk" also marks "wijken" and
    "wijkaanpak" (close to what Dutch stemming finds).
    """
    text = text or ""
    pattern = _pattern(terms)
    if window and len(text) > window:
        match = pattern.search(text) if pattern else None
        start = max(0, match.start() - window // 3) if match else 0
        end = min(len(text), start + window)
        # Cut at word boundaries.
        if start:
            start = text.find(" ", start) + 1 or start
        if end < len(text):
            end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    escaped = escape(text)
    if pattern:
        escaped = _pattern([escape(term) for term in terms]).sub(r"<mark>\g<0></mark>", escaped)
    return mark_safe(escaped)  # noqa: S308 - escaped above; only <mark> added


def _pattern(terms):
    terms = [term for term in terms if term]
    if not terms:
        return None
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)
