"""Admin forms shared by the page types that carry themes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class ClassifiedPageForm(WagtailAdminPageForm):
    """Choices in the page's own language, and at least one theme.

    Organisations, licences and kinds are translated: a Dutch page offers the
    Dutch ones. Themes are a many-to-many relation the model's clean() cannot
    see; every other rule lives on the model, so it holds outside the admin too.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or getattr(self.parent_page, "locale_id", None)
        if locale_id:
            for field in self.fields.values():
                if isinstance(field, forms.ModelChoiceField) and issubclass(
                    field.queryset.model, TranslatableMixin
                ):
                    field.queryset = field.queryset.filter(locale_id=locale_id)

    def clean(self):
        cleaned_data = super().clean()
        if "themes" in self.fields and not cleaned_data.get("themes"):
            self.add_error("themes", _("Choose at least one theme."))
        return cleaned_data
