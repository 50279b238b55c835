"""Forms: the admin form of pages that carry themes, and the base of every public form."""

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


class PublicForm(forms.Form):
    """A form on the public site: NL Design System classes on its widgets, and a
    honeypot field that people never see and spam robots fill in."""

    honeypot_name = "website"
    text_class = "utrecht-textbox utrecht-textbox--html-input"
    checkbox_class = "utrecht-checkbox utrecht-checkbox--html-input"
    select_class = "utrecht-select utrecht-select--html-select"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_name] = forms.CharField(required=False)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", self.checkbox_class)
            elif isinstance(widget, forms.CheckboxSelectMultiple):
                continue
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", self.select_class)
            else:
                widget.attrs.setdefault("class", self.text_class)
        self.fields[self.honeypot_name].widget.attrs.update(
            {"tabindex": "-1", "autocomplete": "off", "class": "lp-honeypot"}
        )

    def full_clean(self):
        super().full_clean()
        # Screen readers announce the field as invalid and read its error.
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self.auto_id % name}-error"

    @property
    def is_spam(self):
        return bool(self.is_bound and self.data.get(self.honeypot_name))

    @property
    def visible_fields_without_honeypot(self):
        return [field for field in self.visible_fields() if field.name != self.honeypot_name]
