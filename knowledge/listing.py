"""The research listing: filter by kind, theme, year, publisher and author, with counts."""

from django import forms
from django.db.models import Count, F, Value
from django.db.models.functions import Concat, ExtractYear, Trim
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from knowledge.models import (
    DealKind,
    InterventionPage,
    ResearchOutputAuthor,
    ResearchOutputPage,
    VillageDealPage,
)
from limburg.models import Organisation, Place, Theme, gemeente_code_of, in_gemeente
from search.listing import FacetedListing

# Authors are many; the filter offers the most published ones.
MAX_AUTHOR_OPTIONS = 50


def full_name(prefix=""):
    """An author's name as shown ("given family"), as an SQL expression."""
    return Trim(Concat(F(f"{prefix}given_names"), Value(" "), F(f"{prefix}family_name")))


class ResearchFilterForm(forms.Form):
    query = forms.CharField(label=_("Search in research"), required=False, max_length=1000)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", "")] + ResearchOutputPage.Kind.choices
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    publisher = forms.TypedChoiceField(
        label=_("Publisher"), required=False, coerce=int, empty_value=None
    )
    author = forms.ChoiceField(label=_("Author"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("newest")), ("title", _("title")), ("added", _("recently added"))],
    )

    def __init__(self, data, *, themes, years, publishers, authors):
        super().__init__(data)
        self.fields["theme"].choices = [("", "")] + [(t.slug, t.name) for t in themes]
        self.fields["year"].choices = [("", "")] + [(year, str(year)) for year in years]
        self.fields["publisher"].choices = [("", "")] + [(o.pk, o.name) for o in publishers]
        self.fields["author"].choices = [("", "")] + [(name, name) for name in authors]


class ResearchListing(FacetedListing):
    page_model = ResearchOutputPage
    show_all_label = _("Show all research")
    facet_names = ("kind", "theme", "year", "publisher", "author")
    sorts = {
        "newest": ("-publication_date", "title"),
        "title": ("title",),
        "added": ("-first_published_at", "title"),
    }

    def get_form(self, data):
        base = self.get_base_queryset()
        self.themes = list(Theme.objects.filter(locale_id=self.index_page.locale_id))
        self.years = sorted(
            set(base.annotate(y=ExtractYear("publication_date")).values_list("y", flat=True)),
            reverse=True,
        )
        self.publishers = list(
            Organisation.objects.filter(pk__in=base.values("publisher")).order_by("name")
        )
        self.authors = self.author_names(base)
        return ResearchFilterForm(
            data,
            themes=self.themes,
            years=self.years,
            publishers=self.publishers,
            authors=self.authors,
        )

    @staticmethod
    def author_names(base):
        """The names of the most published authors in this section, alphabetically."""
        rows = (
            ResearchOutputAuthor.objects.filter(page__in=base.values("pk"))
            .values(name=full_name())
            .annotate(n=Count("page", distinct=True))
            .order_by("-n", "name")[:MAX_AUTHOR_OPTIONS]
        )
        return sorted(row["name"] for row in rows)

    def for_display(self, queryset):
        return queryset.select_related("publisher")

    def apply_filter(self, queryset, name, value):
        if name == "theme":
            return queryset.filter(
                pk__in=ResearchOutputPage.objects.filter(themes__slug=value).values("pk")
            )
        if name == "year":
            return queryset.filter(publication_date__year=value)
        if name == "publisher":
            return queryset.filter(publisher_id=value)
        if name == "author":
            by_author = ResearchOutputAuthor.objects.annotate(name=full_name()).filter(name=value)
            return queryset.filter(pk__in=by_author.values("page_id"))
        return super().apply_filter(queryset, name, value)

    @cached_property
    def facets(self):
        fields = self.form.fields
        return {
            "kind": self.options(ResearchOutputPage.Kind.choices, self.count_by("kind", F("kind"))),
            "theme": self.options(
                fields["theme"].choices[1:], self.count_by("theme", F("themes__slug"))
            ),
            "year": self.options(
                fields["year"].choices[1:],
                self.count_by("year", ExtractYear("publication_date")),
            ),
            "publisher": self.options(
                fields["publisher"].choices[1:], self.count_by("publisher", F("publisher_id"))
            ),
            "author": self.options(
                fields["author"].choices[1:], self.count_by("author", full_name("authors__"))
            ),
        }


class PracticeFilterForm(forms.Form):
    """Theme and gemeente, plus the choices each practice listing adds."""

    query = forms.CharField(label=_("Search"), required=False, max_length=1000)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    gemeente = forms.ChoiceField(label=_("Municipality"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("newest", _("newest")), ("title", _("title"))],
    )

    def __init__(self, data, *, themes, gemeenten, extra):
        super().__init__(data)
        self.fields["theme"].choices = [("", "")] + [(t.slug, t.name) for t in themes]
        self.fields["gemeente"].choices = [("", "")] + [(g.code, g.name) for g in gemeenten]
        for name, (label, choices) in extra.items():
            self.fields[name] = forms.ChoiceField(
                label=label, required=False, choices=[("", ""), *choices]
            )


class PracticeListing(FacetedListing):
    """Deals and interventions: by theme and gemeente (wijken and kernen counted in)."""

    sorts = {"newest": ("-first_published_at", "title"), "title": ("title",)}
    narrowest_first = ("gemeente",)
    query_label = _("Search")

    def extra_facets(self):
        """{field name: (label, choices)} this listing filters on besides theme and gemeente."""
        return {}

    def get_form(self, data):
        self.themes = list(Theme.objects.filter(locale_id=self.index_page.locale_id))
        self.gemeenten = list(Place.objects.gemeenten().only("code", "name").order_by("name"))
        form = PracticeFilterForm(
            data, themes=self.themes, gemeenten=self.gemeenten, extra=self.extra_facets()
        )
        form.fields["query"].label = self.query_label
        return form

    def apply_filter(self, queryset, name, value):
        if name == "theme":
            themed = self.page_model.objects.filter(themes__slug=value).values("pk")
            return queryset.filter(pk__in=themed)
        if name == "gemeente":
            within = self.page_model.objects.filter(in_gemeente(value)).values("pk")
            return queryset.filter(pk__in=within)
        return super().apply_filter(queryset, name, value)

    @cached_property
    def facets(self):
        fields = self.form.fields
        facets = {
            "theme": self.options(
                fields["theme"].choices[1:], self.count_by("theme", F("themes__slug"))
            ),
            "gemeente": self.options(
                fields["gemeente"].choices[1:], self.count_by("gemeente", gemeente_code_of())
            ),
        }
        for name, (_label, choices) in self.extra_facets().items():
            facets[name] = self.options(choices, self.count_by(name, self.facet_expression(name)))
        return facets

    def facet_expression(self, name):
        return F(name)


class VillageDealListing(PracticeListing):
    page_model = VillageDealPage
    facet_names = ("theme", "gemeente", "kind", "status")
    show_all_label = _("Show all deals")
    query_label = _("Search in deals")

    @cached_property
    def kinds(self):
        return list(DealKind.objects.filter(locale_id=self.index_page.locale_id))

    def extra_facets(self):
        return {
            "kind": (_("Kind"), [(kind.slug, kind.name) for kind in self.kinds]),
            "status": (_("Status"), VillageDealPage.Status.choices),
        }

    def apply_filter(self, queryset, name, value):
        if name == "kind":
            return queryset.filter(kind__slug=value)
        return super().apply_filter(queryset, name, value)

    def facet_expression(self, name):
        return F("kind__slug") if name == "kind" else F(name)

    def for_display(self, queryset):
        return queryset.select_related("kind")


class InterventionListing(PracticeListing):
    page_model = InterventionPage
    facet_names = ("theme", "gemeente", "recognition_level")
    show_all_label = _("Show all interventions")
    query_label = _("Search in interventions")

    def extra_facets(self):
        return {"recognition_level": (_("Recognition"), InterventionPage.Recognition.choices)}
