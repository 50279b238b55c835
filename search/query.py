"""Turning what a visitor typed into a safe search query, with editors' synonyms applied.

The same expansion feeds every backend, so synonyms work on the database
backend and on Elasticsearch alike.
"""

import re
from dataclasses import dataclass, field

from wagtail.search.query import And, Or, Phrase, PlainText

from limburg.text import printable

# Like modelsearch's own cap: long input costs time and finds nothing more.
MAX_QUERY_LENGTH = 255
MAX_TERMS = 32
# Words, quotes (phrases), apostrophes and hyphens stay; everything else is
# punctuation or backend syntax (*, :, ^, parentheses, brackets) that finds nothing more.
_SYNTAX = re.compile(r"[^\w\s\"'-]")
_WORD = re.compile(r"\w[\w'-]*\w|\w")


def clean_query_text(raw: str) -> str:
    """Printable text, whitespace collapsed, within MAX_QUERY_LENGTH chars and MAX_TERMS words."""
    text = printable(raw[: MAX_QUERY_LENGTH * 4])
    words = text.split()[:MAX_TERMS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip()


@dataclass
class ParsedQuery:
    """The visitor's words and phrases, and the synonyms each brought along."""

    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    expansions: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_empty(self):
        return not (self.words or self.phrases)

    def highlight_terms(self):
        """Every word the results may match on, for highlighting."""
        terms = set(self.words)
        for phrase in self.phrases:
            terms.update(_WORD.findall(phrase))
        for alternatives in self.expansions.values():
            for alternative in alternatives:
                terms.update(_WORD.findall(alternative))
        return sorted(terms, key=len, reverse=True)

    def to_query(self):
        """A modelsearch query: every word (or one of its synonyms) and every phrase must match."""
        parts = []
        for word in self.words:
            alternatives = self.expansions.get(word)
            if alternatives:
                parts.append(Or([_term(word), *(_term(term) for term in alternatives)]))
            else:
                parts.append(PlainText(word))
        parts.extend(Phrase(phrase) for phrase in self.phrases)
        return parts[0] if len(parts) == 1 else And(parts)


def _term(term):
    return Phrase(term) if " " in term else PlainText(term)


def parse_query(raw: str, synonyms: list[list[str]] | None = None) -> ParsedQuery:
    """Words and quoted phrases from ``raw``; synonym phrases are kept together as one word."""
    text = _SYNTAX.sub(" ", clean_query_text(raw))
    # Unbalanced quotes would leave a bare '"' for the backend: drop the last one.
    if text.count('"') % 2:
        head, _quote, tail = text.rpartition('"')
        text = head + tail
    parsed = ParsedQuery()
    for index, part in enumerate(text.split('"')):
        if index % 2:  # inside quotes
            phrase = " ".join(_WORD.findall(part))
            if phrase:
                parsed.phrases.append(phrase)
            continue
        lowered = part.lower()
        # Multi-word synonyms ("kwetsbare wijk") typed without quotes stay one term.
        for group in synonyms or []:
            for term in sorted(group, key=len, reverse=True):
                if " " in term and re.search(rf"\b{re.escape(term)}\b", lowered):
                    parsed.words.append(term)
                    lowered = re.sub(rf"\b{re.escape(term)}\b", " ", lowered)
        parsed.words.extend(_WORD.findall(lowered))
    parsed.words = list(dict.fromkeys(parsed.words))[:MAX_TERMS]
    for group in synonyms or []:
        for word in parsed.words:
            if word in group:
                parsed.expansions[word] = [term for term in group if term != word]
    return parsed


def build_query(raw: str, synonyms: list[list[str]] | None = None):
    """A query object for ``.search()``, or None when nothing searchable is left."""
    parsed = parse_query(raw, synonyms)
    return None if parsed.is_empty else parsed.to_query()


def matching_pks(queryset, query):
    """The primary keys of ``queryset``'s rows that match ``query``, for ``pk__in``.

    On the database backends this stays a subquery; Elasticsearch answers with ids.
    """
    results = queryset.search(query, order_by_relevance=False)
    if hasattr(results, "get_queryset"):
        return results.get_queryset().values("pk")
    return [row.pk for row in results]
