"""Public forms of the knowledge app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from limburg.forms import PublicForm


class RegistrationForm(PublicForm):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_("I agree that my name and e-mail address are kept for this event."),
        help_text=_("We delete them three months after the event."),
    )
