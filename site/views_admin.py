"""Admin: the province's editors set up a partner (the `create_partner` command, as a form)."""

import tempfile

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView

from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile as localize_upload_pofile
from wagtail_localize.views.edit_translation import user_can_edit_instance

import polib

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


@require_admin_access
@require_POST
def upload_pofile(request, translation_id):
    """wagtail-localize's PO upload, with a clear error for the files it would fail on.

    Its view answers a missing file, an empty file or a PO without its translation
    ID with a server error; those get a message and change nothing here. Anything
    else goes to wagtail-localize, which checks and imports it.
    """
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    problem = po_upload_problem(request.FILES.get("file"))
    if problem is None:
        return localize_upload_pofile(request, translation_id)
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def po_upload_problem(upload):
    """Why ``upload`` cannot be imported as a PO file of this platform, or None."""
    if upload is None:
        return _("Choose a PO file to upload.")
    # polib takes a string as a path when such a file exists, so parse from a file.
    with tempfile.NamedTemporaryFile(suffix=".po") as copy:
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        upload.seek(0)
        try:
            po = polib.pofile(copy.name)
        except (OSError, UnicodeDecodeError, ValueError):
            return _("Please upload a valid PO file.")
    if "X-WagtailLocalize-TranslationID" not in po.metadata:
        return _(
            "This PO file has no translation ID: download the PO file of this translation, "
            "fill it in and upload that."
        )
    return None
