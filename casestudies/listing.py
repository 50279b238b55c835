"""The case-study listing: filters with counts, sorting, paging and the map's counts."""

from django import forms
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from casestudies.models import CaseStudyFunding, CaseStudyPage, FundingInstrument
from limburg.models import Place, Theme, gemeente_code_of, in_gemeente
from search.listing import FacetedListing


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


class CaseStudyListing(FacetedListing):
    page_model = CaseStudyPage
    show_all_label = _("Show all case studies")
    facet_names = ("theme", "gemeente", "kind", "status", "instrument", "lessons")
    narrowest_first = ("gemeente", "instrument")
    sorts = {
        "newest": ("-first_published_at", "title"),
        "title": ("title",),
        "start": (F("start_year").desc(nulls_last=True), "title"),
    }

    def get_form(self, data):
        locale_id = self.index_page.locale_id
        self.themes = list(Theme.objects.filter(locale_id=locale_id))
        self.gemeenten = list(Place.objects.gemeenten().only("code", "name").order_by("name"))
        self.instruments = list(FundingInstrument.objects.filter(locale_id=locale_id))
        return CaseStudyFilterForm(
            data, themes=self.themes, gemeenten=self.gemeenten, instruments=self.instruments
        )

    def apply_filter(self, queryset, name, value):
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
        return super().apply_filter(queryset, name, value)

    @cached_property
    def facets(self):
        form = self.form
        return {
            "theme": self.options(
                form.fields["theme"].choices[1:], self.count_by("theme", F("themes__slug"))
            ),
            "gemeente": self.options(form.fields["gemeente"].choices[1:], self.gemeente_counts),
            "kind": self.options(CaseStudyPage.Kind.choices, self.count_by("kind", F("kind"))),
            "status": self.options(
                CaseStudyPage.Status.choices, self.count_by("status", F("status"))
            ),
            "instrument": self.options(
                form.fields["instrument"].choices[1:],
                self.count_by("instrument", F("funding__instrument__slug")),
            ),
            "lessons": self.kept(
                "lessons",
                self.filtered(skip="lessons").filter(has_what_did_not_work=True).count,
            ),
        }

    @cached_property
    def gemeente_counts(self):
        return self.count_by("gemeente", gemeente_code_of("places"))

    @property
    def download_query(self):
        """The query string of these results as a spreadsheet: the search, the filters that
        were understood (never one the listing reported) and the sort."""
        params = {"query": self.query_text} if self.query_text else {}
        for name, value in self.filters.items():
            params[name] = "on" if value is True else value
        if self.sort != self.default_sort:
            params["sort"] = self.sort
        return urlencode(params)

    def filter_label(self, name, value):
        if name == "lessons":
            return _("with lessons from what did not work")
        return super().filter_label(name, value)

    @cached_property
    def map(self):
        from casestudies.map import GemeenteMap

        return GemeenteMap(self.gemeente_counts, self.url_with)
