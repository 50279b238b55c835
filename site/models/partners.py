"""Partner sections: each partner organisation edits its own part of the tree.

Wagtail has no multi-tenancy; a section is a page whose subtree one group may
edit (see ``limburg.partners``). What partners publish there is still found by
type across the whole site (listings, search, dossiers), never by parent.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from limburg.blocks import ContentStreamBlock
from limburg.models.pages import BaseIndexPage, BasePage
from limburg.translation import with_teaser_images


class PartnerIndexPage(BaseIndexPage):
    """ "Partners": the front of every partner section."""

    subpage_types = ["limburg.PartnerPage"]

    class Meta:
        verbose_name = _("partner index page")
        verbose_name_plural = _("partner index pages")

    def child_pages(self):
        return (
            PartnerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("organisation__logo")
            .prefetch_related("organisation__logo__renditions")
            .order_by("title")
        )


class PartnerPage(BasePage):
    """A partner's section and public profile: who they are, how to reach them, what they published.

    Its subtree is where the partner's editors work. Domain page types that
    partners may write name this page in their ``parent_page_types``, so limburg
    never names them.
    """

    schema_type = "ProfilePage"
    per_page = 24

    organisation = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partner_pages",
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "What this partner does in the programme. "
            "When empty, the organisation's description is shown."
        ),
    )
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact telephone number"), max_length=40, blank=True)
    body = StreamField(ContentStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("organisation"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact")
        ),
        FieldPanel("body"),
    ]
    # A telephone number is the same in every language.
    override_translatable_fields = [SynchronizedField("contact_phone")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]

    parent_page_types = ["limburg.PartnerIndexPage"]

    class Meta:
        verbose_name = _("partner section")
        verbose_name_plural = _("partner sections")

    @property
    def profile_text(self):
        return self.introduction or self.organisation.description

    def clean(self):
        super().clean()
        if not self.organisation_id:
            return
        others = PartnerPage.objects.filter(organisation_id=self.organisation_id)
        if self.pk:
            others = others.exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {"organisation": _("This organisation already has a partner section.")}
            )

    def published_pages(self):
        """Everything live and public in this section, newest first, of every page type."""
        return (
            Page.objects.live().public().descendant_of(self).order_by("-first_published_at", "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page_obj = Paginator(self.published_pages(), self.per_page).get_page(
            request.GET.get("page")
        )
        page_obj.object_list = with_teaser_images(page_obj.object_list.specific())
        context["page_obj"] = page_obj
        return context
