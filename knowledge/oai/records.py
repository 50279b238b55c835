"""Which research outputs a harvester sees, with their datestamps and sets.

A record is every research output that was ever published: live and public ones
with their metadata, the rest (unpublished, made private) as deleted, plus the
tombstones of deleted pages. Records are ordered by (datestamp, page id), which
is also the resumption point: a record that changes during a harvest moves past
the harvest's frozen ``until`` and is picked up by the next one, so none is skipped.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from django.db.models import DateTimeField, Q, Value
from django.db.models.functions import Coalesce, Greatest

from wagtail.models import Locale

from knowledge.models import DeletedResearchOutput, ResearchOutputPage
from limburg.models import Theme

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
THEME_SET = "theme"


@dataclass
class Record:
    page_id: int
    datestamp: datetime
    deleted: bool
    set_specs: list
    page: ResearchOutputPage | None = None


def theme_set_specs():
    """{theme id: set spec} for every language's themes, named by the default language's slug."""
    default_slugs = dict(
        Theme.objects.filter(locale=Locale.get_default()).values_list("translation_key", "slug")
    )
    return {
        pk: f"{THEME_SET}:{default_slugs[key]}"
        for pk, key in Theme.objects.values_list("pk", "translation_key")
        if key in default_slugs
    }


def sets():
    """(set spec, set name) for the ListSets verb: the themes, under one parent set."""
    themes = Theme.objects.filter(locale=Locale.get_default())
    return [(THEME_SET, "Thema's"), *((f"{THEME_SET}:{t.slug}", t.name) for t in themes)]


def set_specs_of(page, specs_by_theme=None):
    specs_by_theme = specs_by_theme if specs_by_theme is not None else theme_set_specs()
    specs = sorted({specs_by_theme[t.pk] for t in page.themes.all() if t.pk in specs_by_theme})
    return [THEME_SET, *specs] if specs else []


def set_exists(spec):
    return spec in dict(sets())


class Records:
    """The records between ``start`` and ``until`` in ``set_spec``, in harvest order."""

    def __init__(self, start=None, until=None, set_spec=None):
        self.start = start
        self.until = until
        self.set_spec = set_spec

    def pages(self):
        queryset = ResearchOutputPage.objects.filter(first_published_at__isnull=False).annotate(
            datestamp=Greatest(
                Coalesce("last_published_at", Value(EPOCH), output_field=DateTimeField()),
                Coalesce("visibility_changed_at", Value(EPOCH), output_field=DateTimeField()),
            )
        )
        if self.set_spec == THEME_SET:
            queryset = queryset.filter(themes__isnull=False).distinct()
        elif self.set_spec:
            slug = self.set_spec.split(":", 1)[1]
            keys = Theme.objects.filter(locale=Locale.get_default(), slug=slug).values(
                "translation_key"
            )
            ids = ResearchOutputPage.objects.filter(themes__translation_key__in=keys).values("pk")
            queryset = queryset.filter(pk__in=ids)
        return self._bounded(queryset, "datestamp")

    def tombstones(self):
        queryset = DeletedResearchOutput.objects.all()
        if self.set_spec:
            queryset = queryset.filter(set_specs__contains=f";{self.set_spec};")
        return self._bounded(queryset, "deleted_at")

    def _bounded(self, queryset, field):
        if self.start:
            queryset = queryset.filter(**{f"{field}__gte": self.start})
        if self.until:
            queryset = queryset.filter(**{f"{field}__lt": self.until})
        return queryset

    def count(self):
        return self.pages().count() + self.tombstones().count()

    def after(self, position, limit):
        """Up to ``limit`` records after ``position`` ((datestamp, page id) or None)."""
        pages, tombstones = self.pages(), self.tombstones()
        if position is not None:
            stamp, page_id = position
            pages = pages.filter(Q(datestamp__gt=stamp) | Q(datestamp=stamp, pk__gt=page_id))
            tombstones = tombstones.filter(
                Q(deleted_at__gt=stamp) | Q(deleted_at=stamp, page_id__gt=page_id)
            )
        rows = [
            (stamp, pk, False)
            for pk, stamp in pages.order_by("datestamp", "pk").values_list("pk", "datestamp")[
                :limit
            ]
        ] + [
            (stamp, pk, True)
            for pk, stamp in tombstones.order_by("deleted_at", "page_id").values_list(
                "page_id", "deleted_at"
            )[:limit]
        ]
        return sorted(rows)[:limit]

    def load(self, rows, with_metadata):
        """The Record objects for rows from ``after``, in one query per relation."""
        page_ids = [pk for _stamp, pk, tombstone in rows if not tombstone]
        pages = ResearchOutputPage.objects.filter(pk__in=page_ids).prefetch_related("themes")
        if with_metadata:
            pages = pages.select_related("publisher", "licence", "locale").prefetch_related(
                "authors",
                "places",
                "tagged_items__tag",
                "files__document",
            )
        pages = {page.pk: page for page in pages}
        visible = set(
            ResearchOutputPage.objects.live()
            .public()
            .filter(pk__in=page_ids)
            .values_list("pk", flat=True)
        )
        stones = {
            stone.page_id: stone
            for stone in DeletedResearchOutput.objects.filter(
                page_id__in=[pk for _stamp, pk, tombstone in rows if tombstone]
            )
        }
        specs_by_theme = theme_set_specs()
        records = []
        for stamp, pk, tombstone in rows:
            if tombstone:
                specs = [spec for spec in stones[pk].set_specs.split(";") if spec]
                records.append(Record(pk, stamp, True, specs))
            else:
                page = pages[pk]
                records.append(
                    Record(pk, stamp, pk not in visible, set_specs_of(page, specs_by_theme), page)
                )
        return records


def find(page_id):
    """The record with this page id, or None."""
    page = ResearchOutputPage.objects.filter(pk=page_id, first_published_at__isnull=False).first()
    if page is not None:
        stamp = max(page.last_published_at or EPOCH, page.visibility_changed_at or EPOCH)
        records = Records()
        return records.load([(stamp, page.pk, False)], with_metadata=True)[0]
    stone = DeletedResearchOutput.objects.filter(page_id=page_id).first()
    if stone is not None:
        return Record(page_id, stone.deleted_at, True, [s for s in stone.set_specs.split(";") if s])
    return None


def earliest_datestamp():
    stamps = [
        ResearchOutputPage.objects.filter(first_published_at__isnull=False)
        .order_by("first_published_at")
        .values_list("first_published_at", flat=True)
        .first(),
        DeletedResearchOutput.objects.order_by("deleted_at")
        .values_list("deleted_at", flat=True)
        .first(),
    ]
    return min((stamp for stamp in stamps if stamp), default=EPOCH)
