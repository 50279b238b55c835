"""The search page's facet counts, all in one SQL statement.

Every facet is counted over the pages that match, each with the other filters
applied. As separate queries the database would find the matching pages again
for every count, and the full-text match is the expensive part (about 20–40 ms on
PostgreSQL at 10,000 pages; the counts themselves take a few). Here the sets are
common table expressions marked MATERIALIZED, which PostgreSQL (12+) and SQLite
(3.35+) compute once per statement, and the counts are joined with UNION ALL.

The counts join the sets rather than test ``id IN (set)``: the databases do not
know a set's ids are unique, so an IN made each count de-duplicate the whole set
first (about 3 ms per count on PostgreSQL, 20 counts per search).
"""

import re
from collections import Counter

from django.db import connections
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, ExtractYear

from wagtail.models import Page

from limburg.models import Place, gemeente_code_of

# A set's name goes into the SQL unquoted: plain lower-case ASCII only.
SQL_NAME = re.compile(r"[a-z_][a-z0-9_]*")


class FacetStatement:
    """Add sets of pages with ``pages_set``, counts with ``count_*``; then ``run`` once.

    Counts added under one key are summed (one per page type that has the facet).
    Everything but the sets' querysets is built from model metadata, so the counts
    take no parameters.
    """

    def __init__(self, using="default"):
        self.connection = connections[using]
        self.sets = []  # (name, columns, sql, params)
        self.counts = []  # (key, sql)
        self._place_gemeenten = False

    def quote(self, name):
        return self.connection.ops.quote_name(name)

    def _cte(self, name, queryset, columns):
        """Add ``queryset``, a values() of exactly ``columns`` in that order, as a set."""
        if not SQL_NAME.fullmatch(name):
            raise ValueError(name)
        query = queryset.query
        # A set that can hold nothing (a filter for an unknown value) is "WHERE 0 = 1",
        # not an error.
        compiler = query.get_compiler(connection=self.connection, elide_empty=False)
        sql, params = compiler.as_sql()
        self.sets.append((name, columns, sql, params))

    def pages_set(self, name, pages):
        """Add the pages of ``pages`` as a set; returns its pages, to filter further."""
        # EXTRACT is numeric on PostgreSQL: the year as an integer on both databases.
        year = Cast(ExtractYear("first_published_at"), IntegerField())
        columns = ("id", "content_type_id", "year")
        self._cte(name, pages.order_by().values(*columns[:2], year=year), columns)
        return Page.objects.filter(pk__in=RawSQL(f"SELECT id FROM {name}", []))

    def count_column(self, key, pages_set, column):
        """Pages per value of one of the set's own columns (type, year)."""
        self.counts.append(
            (key, f"SELECT {column} AS v, COUNT(*) AS n FROM {pages_set} GROUP BY {column}")
        )

    def count_field(self, key, pages_set, model, field):
        """Pages per value of a field of a page type's own table (status)."""
        table, pk = model._meta.db_table, model._meta.pk.column
        column = model._meta.get_field(field).column
        self.counts.append(
            (
                key,
                f"SELECT t.{self.quote(column)} AS v, COUNT(*) AS n FROM {pages_set} s"
                f" JOIN {self.quote(table)} t ON t.{self.quote(pk)} = s.id"
                f" GROUP BY t.{self.quote(column)}",
            )
        )

    def count_themes(self, key, pages_set, model, relation="themes"):
        """Pages per theme slug of a page type (distinct: a slug is unique per language only,
        and one page could link a Dutch and an English theme of the same slug)."""
        through, page_id, theme_id = self._link(model, relation)
        theme = model._meta.get_field(relation).related_model._meta
        self.counts.append(
            (
                key,
                f"SELECT th.{self.quote('slug')} AS v, COUNT(DISTINCT s.id) AS n FROM {pages_set} s"
                f" JOIN {through} l ON l.{page_id} = s.id"
                f" JOIN {self.quote(theme.db_table)} th"
                f" ON th.{self.quote(theme.pk.column)} = l.{theme_id}"
                f" GROUP BY th.{self.quote('slug')}",
            )
        )

    def count_gemeenten(self, key, pages_set, model, relation="places"):
        """Pages per gemeente of the places a page type links (several may lie in one)."""
        if not self._place_gemeenten:
            # Which gemeente every place lies in, once for all page types: all places
            # (a few hundred), cheaper than finding the linked ones first.
            places = Place.objects.order_by().values("id", gemeente=gemeente_code_of(""))
            self._cte("place_gemeente", places, ("id", "gemeente"))
            self._place_gemeenten = True
        through, page_id, place_id = self._link(model, relation)
        self.counts.append(
            (
                key,
                f"SELECT g.gemeente AS v, COUNT(DISTINCT s.id) AS n FROM {pages_set} s"
                f" JOIN {through} l ON l.{page_id} = s.id"
                f" JOIN place_gemeente g ON g.id = l.{place_id}"
                f" GROUP BY g.gemeente",
            )
        )

    def _link(self, model, relation):
        field = model._meta.get_field(relation)
        through = field.remote_field.through._meta
        return (
            self.quote(through.db_table),
            self.quote(through.get_field(field.m2m_field_name()).column),
            self.quote(through.get_field(field.m2m_reverse_field_name()).column),
        )

    def as_sql(self):
        ctes, params = [], []
        for name, columns, sql, set_params in self.sets:
            ctes.append(f"{name}({', '.join(columns)}) AS MATERIALIZED ({sql})")
            params.extend(set_params)
        # The key is the count's position, an integer literal; values as text, so that
        # the UNION's columns have one type.
        selects = [
            f"SELECT {position} AS k, CAST(c.v AS TEXT) AS v, c.n AS n FROM ({sql}) c"
            for position, (_key, sql) in enumerate(self.counts)
        ]
        return f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}", params

    def run(self):
        """Counts per key: {key: Counter(value as text -> n)}; None values left out."""
        results = {key: Counter() for key, _sql in self.counts}
        if not self.counts:
            return results
        sql, params = self.as_sql()
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            for position, value, n in cursor.fetchall():
                if value is not None:
                    results[self.counts[position][0]][value] += n
        return results
