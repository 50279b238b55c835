"""The initiatives queue in the admin: editors see every confirmed initiative, a social
fund only those routed to it. Status changes are mailed to the submitter and kept in the
history; attachments are served only through a permission-checked view."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from knowledge import initiatives
from knowledge.models import Initiative, InitiativeAttachment

STATUS_ACTION = "knowledge.initiative.status"
FORGET_ACTION = "knowledge.initiative.forget"
PROMOTE_ACTION = "knowledge.initiative.promote"
EDITORS_ONLY = "knowledge.handle_all_initiatives"


class InitiativePermissionPolicy(ModelPermissionPolicy):
    """The model permissions, narrowed to the initiatives a user may see."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False  # initiatives come in through the public form
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and initiatives.initiatives_for(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Initiative.objects.none()
        return initiatives.initiatives_for(user)


register_permission_policy(Initiative, InitiativePermissionPolicy(Initiative), exact_class=True)


def after_status_change(initiative, user):
    log(initiative, STATUS_ACTION, user=user, data={"status": initiative.status})
    transaction.on_commit(lambda: initiatives.send_status_mail(initiative))


class OnlyOwnInitiatives:
    """Wagtail checks model permissions only: every view of one initiative also checks that
    the user may see that one (a fund only what is routed to it), else 404."""

    def dispatch(self, request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None:
            visible = initiatives.initiatives_for(request.user)
            if not visible.filter(pk=unquote(str(pk))).exists():
                raise Http404
        return super().dispatch(request, *args, **kwargs)


class InitiativeHistoryView(OnlyOwnInitiatives, history.HistoryView):
    pass


class InitiativeUsageView(OnlyOwnInitiatives, usage.UsageView):
    pass


class InitiativeDeleteView(OnlyOwnInitiatives, generic.DeleteView):
    pass


class InitiativeIndexView(generic.IndexView):
    def get_base_queryset(self):
        return initiatives.initiatives_for(self.request.user).select_related(
            "place__parent", "routed_to"
        )


class InitiativeEditView(OnlyOwnInitiatives, generic.EditView):
    def save_instance(self):
        initiative = super().save_instance()
        if initiative.status_changed:
            after_status_change(initiative, self.request.user)
            initiative._loaded_status = initiative.status
        return initiative

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.object.has_personal_data:
            buttons.append(
                Button(
                    _("Delete personal data"),
                    url=reverse("initiatives:forget", args=[self.object.pk]),
                    icon_name="bin",
                    priority=30,
                )
            )
        if self.request.user.has_perm(EDITORS_ONLY) and not self.object.practice_page_id:
            buttons.append(
                Button(
                    _("Make a practice page"),
                    url=reverse("initiatives:promote", args=[self.object.pk]),
                    icon_name="doc-full-inverse",
                    priority=40,
                )
            )
        return buttons


class InitiativeInspectView(OnlyOwnInitiatives, generic.InspectView):
    template_name = "knowledge/admin/initiative_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["attachments"] = self.object.attachments.all()
        return context


class InitiativeViewSet(ModelViewSet):
    model = Initiative
    icon = "group"
    menu_label = _("Initiatives")
    add_to_admin_menu = True
    menu_order = 360
    index_view_class = InitiativeIndexView
    edit_view_class = InitiativeEditView
    delete_view_class = InitiativeDeleteView
    history_view_class = InitiativeHistoryView
    usage_view_class = InitiativeUsageView
    inspect_view_class = InitiativeInspectView
    inspect_view_enabled = True
    list_display = [
        "title",
        "place",
        Column("status", label=_("status"), accessor="get_status_display"),
        "routed_to",
        "created_at",
    ]
    list_filter = ["status", "scale", "nature", "routed_to", "is_public"]
    # No personal data in exports.
    list_export = [
        "title",
        "place",
        "scale",
        "nature",
        "status",
        "routed_to",
        "amount",
        "confirmed_at",
        "closed_at",
    ]
    search_fields = ["title", "description"]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title", read_only=True),
                FieldPanel("description", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("scale", read_only=True),
                        FieldPanel("nature", read_only=True),
                        FieldPanel("place", read_only=True),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("needs_money", read_only=True),
                        FieldPanel("amount", read_only=True),
                        FieldPanel("needs_help", read_only=True),
                        FieldPanel("needs_space", read_only=True),
                        FieldPanel("needs_contacts", read_only=True),
                    ]
                ),
            ],
            heading=_("The initiative"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("routed_to", permission=EDITORS_ONLY),
                FieldPanel("internal_notes"),
                FieldPanel("is_public", permission=EDITORS_ONLY),
            ],
            heading=_("Handling"),
        ),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/forget/", self.forget_view, name="forget"),
            path("<int:pk>/promote/", self.promote_view, name="promote"),
            path("attachments/<int:pk>/", self.attachment_view, name="attachment"),
        ]

    def initiative_for(self, request, pk, action):
        """The initiative, when the user may see it and do ``action``; else 404 (never a
        hint that it exists)."""
        initiative = get_object_or_404(initiatives.initiatives_for(request.user), pk=pk)
        if not self.permission_policy.user_has_permission(request.user, action):
            raise Http404
        return initiative

    def forget_view(self, request, pk):
        """Delete the submitter's details and files, on their request; what it is stays."""
        initiative = self.initiative_for(request, pk, "change")
        if request.method == "POST":
            initiatives.forget(initiative)
            log(initiative, FORGET_ACTION, user=request.user)
            messages.success(request, _("The personal data of this initiative is deleted."))
            return redirect(self.get_url_name("edit"), initiative.pk)
        return TemplateResponse(
            request,
            "knowledge/admin/initiative_forget.html",
            {"initiative": initiative, "edit_url": reverse(self.get_url_name("edit"), args=[pk])},
        )

    def promote_view(self, request, pk):
        """From initiative to practice: a draft case study or deal with the public fields."""
        initiative = self.initiative_for(request, pk, "change")
        if not request.user.has_perm(EDITORS_ONLY):
            raise PermissionDenied
        if initiative.practice_page_id:
            messages.warning(request, _("This initiative already has a practice page."))
            return redirect("wagtailadmin_pages:edit", initiative.practice_page_id)
        form = PromoteForm(request.POST or None, user=request.user)
        if request.method == "POST" and form.is_valid():
            page = initiatives.promote(
                initiative, form.cleaned_data["parent"], form.cleaned_data["kind"], request.user
            )
            log(initiative, PROMOTE_ACTION, user=request.user, data={"page": page.pk})
            messages.success(request, _("A draft page is made; the initiative links to it."))
            return redirect("wagtailadmin_pages:edit", page.pk)
        return TemplateResponse(
            request,
            "knowledge/admin/initiative_promote.html",
            {
                "initiative": initiative,
                "form": form,
                "edit_url": reverse(self.get_url_name("edit"), args=[pk]),
            },
            status=400 if form.is_bound else 200,
        )

    def attachment_view(self, request, pk):
        attachment = get_object_or_404(InitiativeAttachment, pk=pk)
        self.initiative_for(request, attachment.initiative_id, "view")
        try:
            file = attachment.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            file,
            as_attachment=True,
            filename=attachment.original_name,
            content_type=attachment.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class PromoteForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind of page"),
        choices=[("casestudy", _("Case study")), ("deal", _("Deal"))],
        widget=forms.RadioSelect,
    )
    parent = forms.TypedChoiceField(label=_("Where"), coerce=int)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.parents = {page.pk: page for page in initiatives.practice_parents(user)}
        self.fields["parent"].choices = [
            (page.pk, f"{page.get_admin_display_title()} ({page.locale.language_code})")
            for page in self.parents.values()
        ]

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parents.get(cleaned_data.get("parent"))
        kind = cleaned_data.get("kind")
        if parent is None or kind is None:
            return cleaned_data
        wanted = "knowledge.villagedealpage" if kind == "deal" else "casestudies.casestudypage"
        allowed = {
            model._meta.label_lower for model in parent.specific_class.allowed_subpage_models()
        }
        if wanted not in allowed:
            self.add_error("parent", _("This kind of page cannot go there."))
        cleaned_data["parent"] = parent
        return cleaned_data
