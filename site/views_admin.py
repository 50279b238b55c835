"""Admin: the province's editors set up a partner (the `create_partner` command, as a form)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from limburg.models import Organisation
from limburg.partners import MAX_NAME_LENGTH, PartnerError, create_partner

CREATE_PARTNER_PERMISSION = "limburg.create_partner"


class CreatePartnerForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=MAX_NAME_LENGTH,
        help_text=_("The organisation's own name, e.g. “Gemeente Venlo”."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Organisation.Kind.choices)
    editor_email = forms.EmailField(
        label=_("Editor's e-mail address"),
        required=False,
        help_text=_("Optional. The editor gets a link to choose a password."),
    )


class CreatePartnerView(WagtailAdminTemplateMixin, FormView):
    form_class = CreatePartnerForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = _("Add a partner")
    header_icon = "group"
    _show_breadcrumbs = True

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(CREATE_PARTNER_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("limburg_create_partner"),
            submit_button_label=_("Set up partner"),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            setup = create_partner(
                form.cleaned_data["name"],
                form.cleaned_data["kind"],
                editor_email=form.cleaned_data["editor_email"],
            )
        except PartnerError as error:
            # On the name: the generic admin form shows field errors only.
            form.add_error("name", str(error))
            return self.form_invalid(form)
        # Shown once, on this response only: the link must not sit in a message cookie.
        return TemplateResponse(
            self.request,
            "limburg/admin/partner_created.html",
            {**self.get_context_data(form=form), "setup": setup},
        )


class EditorsPageTypesUsageReportView(PageTypesUsageReportView):
    """Wagtail's page-types report, for those who may publish.

    The report names the last edited page of every type across the whole site,
    drafts included; a partner who may only write in its own section must not
    see another partner's draft titles there. Mounted over Wagtail's own URLs.
    """

    any_permission_required = ["publish"]
