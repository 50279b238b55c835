"""The case-study listing: filters with counts, sorting, paging and the map's counts.

Every facet is counted with all *other* filters applied (so a visitor sees what
each choice would give), one aggregate query per facet: the number of queries
does not depend on the number of case studies.
"""

from django import forms
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from casestudies.models import CaseStudyFunding, CaseStudyPage, FundingInstrument
from limburg.models import Place, Theme, gemeente_code_of, in_gemeente
from limburg.translation import with_teaser_images
from search.query import build_query, clean_query_text

PER_PAGE = 12
SORTS = {
    "newest": ("-first_published_at", "title"),
    "title": ("title",),
    "start": (F("start_year").desc(nulls_last=True), "title"),
}
FACETS = ("theme", "gemeente", "kind", "status", "instrument", "lessons")


class CaseStudyFilterForm(forms.Form):
    query = forms.CharField(label=_("Search in case studies"), required=False, max_length=1000)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", "")] + CaseStudyPage.Kind.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "")] + CaseStudyPage.Status.choices
    )
    instrument = forms.ChoiceField(label=_("Funding"), required=False)
    lessons = forms.BooleanField(
        label=_("Only with lessons from what did not work"), required=False
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("newest")), ("title", _("title")), ("start", _("start year"))],
    )

    def __init__(self, data, *, themes, gemeenten, instruments):
        super().__init__(data)
        self.fields["theme"].choices = [("", "")] + [(t.slug, t.name) for t in themes]
        self.fields["gemeente"].choices = [("", "")] + [(g.code, g.name) for g in gemeenten]
        self.fields["instrument"].choices = [("", "")] + [(i.slug, i.name) for i in instruments]


class CaseStudyListing:
    def __init__(self, index_page, request):
        self.index_page = index_page
        self.request = request
        locale_id = index_page.locale_id
        self.themes = list(Theme.objects.filter(locale_id=locale_id))
        self.gemeenten = list(Place.objects.gemeenten().only("code", "name").order_by("name"))
        self.instruments = list(FundingInstrument.objects.filter(locale_id=locale_id))
        self.form = CaseStudyFilterForm(
            request.GET, themes=self.themes, gemeenten=self.gemeenten, instruments=self.instruments
        )
        # Invalid values (an unknown theme, a made-up status) are dropped and reported.
        self.is_valid = self.form.is_valid()
        self.filters = {
            name: value
            for name, value in (
                self.form.cleaned_data if hasattr(self.form, "cleaned_data") else {}
            ).items()
            if value and name in FACETS
        }
        self.query_text = clean_query_text(request.GET.get("query", ""))
        self.sort = (self.form.cleaned_data.get("sort") if self.is_valid else None) or "newest"
        self.base = index_page.case_studies()

    # Filtering -----------------------------------------------------------

    @cached_property
    def matching_query(self):
        """The case studies matching the text search (None without one), for ``pk__in``.

        On the database backends this stays a subquery; Elasticsearch answers
        with ids, which for case studies (hundreds at most) are few.
        """
        query = build_query(self.query_text)
        if query is None:
            return None
        candidates = CaseStudyPage.objects.live().filter(locale_id=self.index_page.locale_id)
        results = candidates.search(query, order_by_relevance=False)
        if hasattr(results, "get_queryset"):
            return results.get_queryset().values("pk")
        return [page.pk for page in results]

    def filtered(self, skip=None):
        queryset = self.base
        if self.matching_query is not None:
            queryset = queryset.filter(pk__in=self.matching_query)
        for name, value in self.filters.items():
            if name != skip:
                queryset = self._apply(queryset, name, value)
        return queryset

    @staticmethod
    def _apply(queryset, name, value):
        if name == "theme":
            return queryset.filter(
                pk__in=CaseStudyPage.objects.filter(themes__slug=value).values("pk")
            )
        if name == "gemeente":
            within = CaseStudyPage.objects.filter(in_gemeente(value))
            return queryset.filter(pk__in=within.values("pk"))
        if name == "instrument":
            funded = CaseStudyFunding.objects.filter(instrument__slug=value).values("page_id")
            return queryset.filter(pk__in=funded)
        if name == "lessons":
            return queryset.filter(has_what_did_not_work=True)
        return queryset.filter(**{name: value})

    # Results ----------------------------------------------------------------

    @cached_property
    def results(self):
        return self.filtered().order_by(*SORTS[self.sort])

    @cached_property
    def page_obj(self):
        paginator = Paginator(self.results, PER_PAGE)
        try:
            page = paginator.page(self.request.GET.get("page", 1))
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            page = paginator.page(paginator.num_pages)
        page.object_list = with_teaser_images(page.object_list.specific())
        return page

    # Facets -----------------------------------------------------------------

    def _counts(self, facet, values):
        return {
            row["value"]: row["n"]
            for row in self.filtered(skip=facet)
            .order_by()
            .values(value=values)
            .annotate(n=Count("pk", distinct=True))
        }

    @cached_property
    def facets(self):
        theme_counts = self._counts("theme", F("themes__slug"))
        gemeente_counts = self.gemeente_counts
        kind_counts = self._counts("kind", F("kind"))
        status_counts = self._counts("status", F("status"))
        instrument_counts = self._counts("instrument", F("funding__instrument__slug"))
        lessons_count = self.filtered(skip="lessons").filter(has_what_did_not_work=True).count()
        return {
            "theme": [(t.slug, t.name, theme_counts.get(t.slug, 0)) for t in self.themes],
            "gemeente": [(g.code, g.name, gemeente_counts.get(g.code, 0)) for g in self.gemeenten],
            "kind": [(k, label, kind_counts.get(k, 0)) for k, label in CaseStudyPage.Kind.choices],
            "status": [
                (s, label, status_counts.get(s, 0)) for s, label in CaseStudyPage.Status.choices
            ],
            "instrument": [
                (i.slug, i.name, instrument_counts.get(i.slug, 0)) for i in self.instruments
            ],
            "lessons": lessons_count,
        }

    @cached_property
    def gemeente_counts(self):
        return self._counts("gemeente", gemeente_code_of("places"))

    # For templates ------------------------------------------------------------

    def url_with(self, **changes):
        """This listing's query string with some parameters changed (None removes one)."""
        params = self.request.GET.copy()
        params.pop("page", None)
        for name, value in changes.items():
            if value is None:
                params.pop(name, None)
            else:
                params[name] = value
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    @property
    def feed_query(self):
        params = self.request.GET.copy()
        params.pop("page", None)
        params.pop("sort", None)
        return params.urlencode()

    @property
    def active_filters(self):
        labels = {
            "theme": dict(self.form.fields["theme"].choices),
            "gemeente": dict(self.form.fields["gemeente"].choices),
            "kind": dict(CaseStudyPage.Kind.choices),
            "status": dict(CaseStudyPage.Status.choices),
            "instrument": dict(self.form.fields["instrument"].choices),
        }
        active = []
        for name, value in self.filters.items():
            label = (
                _("with lessons from what did not work")
                if name == "lessons"
                else labels[name][value]
            )
            active.append((self.form.fields[name].label, label, self.url_with(**{name: None})))
        return active

    @cached_property
    def map(self):
        from casestudies.map import GemeenteMap

        return GemeenteMap(self.gemeente_counts, self.url_with)
