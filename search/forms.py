"""The public form to follow new content by e-mail."""

from django import forms
from django.utils.translation import gettext_lazy as _

from limburg.forms import PublicForm
from limburg.models import PartnerPage, Place, Theme
from search.following import SEARCH_FILTERS
from search.models import Subscription
from search.query import build_query


class SubscribeForm(PublicForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Subscription.Frequency.choices, initial="weekly"
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    places = forms.ModelMultipleChoiceField(
        label=_("Gemeenten and wijken"),
        queryset=Place.objects.none(),
        required=False,
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
        help_text=_("A gemeente includes its wijken."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=PartnerPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    query = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)
    type = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    theme = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    gemeente = forms.CharField(required=False, max_length=20, widget=forms.HiddenInput)
    consent = forms.BooleanField(
        label=_("I agree that my e-mail address is kept to send me these updates."),
        help_text=_("You can stop at any time with the link in every e-mail."),
    )

    def __init__(self, *args, locale, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(locale=locale)
        self.fields["partners"].queryset = (
            PartnerPage.objects.live().public().filter(locale=locale).order_by("title")
        )
        # The 31 gemeenten, and a wijk when someone follows it from its area profile.
        asked = set(self.data.getlist("places")) if self.is_bound else set()
        asked |= set(self.initial.get("places", []))
        self.fields["places"].queryset = Place.objects.filter(
            kind=Place.Kind.GEMEENTE
        ) | Place.objects.filter(code__in=asked, kind=Place.Kind.WIJK)
        self.fields["places"].queryset = self.fields["places"].queryset.order_by("kind", "name")

    @property
    def search(self):
        return {
            name: self.cleaned_data[name]
            for name in ("query", *SEARCH_FILTERS)
            if self.cleaned_data.get(name)
        }

    def clean_query(self):
        query = self.cleaned_data["query"]
        if query and build_query(query) is None:
            raise forms.ValidationError(_("This search has no words to follow."))
        return query

    def clean(self):
        cleaned_data = super().clean()
        follows = any(cleaned_data.get(name) for name in ("themes", "places", "partners"))
        if not follows and not any(cleaned_data.get(name) for name in ("query", *SEARCH_FILTERS)):
            raise forms.ValidationError(_("Choose at least one theme, place or partner to follow."))
        return cleaned_data


class FrequencyForm(PublicForm):
    frequency = forms.ChoiceField(label=_("How often"), choices=Subscription.Frequency.choices)
