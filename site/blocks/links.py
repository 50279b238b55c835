"""Link blocks: one reusable link (page, URL or document), call to action, document list."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.models import Page

from limburg.translation import public_localized, visible_localized


class LinkValue(blocks.StructValue):
    @cached_property
    def visible_page(self):
        """The chosen page in the visitor's language, or None while a visitor may not see it.

        A published page never names or links to a draft, a page in moderation or a
        private page, as every other chosen page (featured, picked, related) is shown.
        """
        page = self.get("page")
        if page is None or not Page.objects.live().public().filter(pk=page.pk).exists():
            return None
        return public_localized(page)

    def url(self):
        if self.get("page"):
            return self.visible_page.url if self.visible_page else ""
        if document := self.get("document"):
            return document.url
        return self.get("url") or ""

    def text(self):
        if label := self.get("label"):
            return label
        if self.get("page"):
            return self.visible_page.title if self.visible_page else ""
        if document := self.get("document"):
            return document.title
        return self.get("url") or ""

    def is_external(self):
        return bool(self.get("url")) and not self.get("page") and not self.get("document")


class LinkBlock(blocks.StructBlock):
    """Exactly one of page, URL or document, with an optional label."""

    label = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=120,
        help_text=_("Leave empty to use the title of the page or document."),
    )
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("web address"), required=False)
    document = DocumentChooserBlock(label=_("document"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        value_class = LinkValue
        form_classname = "link-block"

    def bulk_to_python(self, values):
        # LinkValue.visible_page for every link in the stream at once, not a few queries each.
        links = super().bulk_to_python(values)
        visible = visible_localized(link["page"].pk for link in links if link.get("page"))
        for link in links:
            if link.get("page"):
                link.visible_page = visible.get(link["page"].pk)  # fills the cached property
        return links

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in ("page", "url", "document") if value.get(name)]
        if len(chosen) != 1:
            message = _("Choose exactly one: a page, a web address or a document.")
            raise StructBlockValidationError(
                block_errors={
                    name: ValidationError(message) for name in ("page", "url", "document")
                }
            )
        if value.get("url") and not value.get("label"):
            raise StructBlockValidationError(
                block_errors={"label": ValidationError(_("A web address needs link text."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False, max_length=300)
    link = LinkBlock(label=_("link"))

    class Meta:
        icon = "pick"
        label = _("Call to action")
        group = _("Links")
        template = "components/call_to_action_block.html"
        description = _("A highlighted invitation with one link: a page, web address or document.")
        preview_value = {
            "title": "Doe mee met het lerend netwerk",
            "text": "Deel wat werkt in uw wijk of dorp.",
            "link": {"label": "Naar de website van de provincie", "url": "https://www.limburg.nl/"},
        }


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    documents = blocks.ListBlock(DocumentChooserBlock(), label=_("documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("Documents")
        group = _("Links")
        template = "components/document_list_block.html"
        description = _("Downloads, each shown with its file type and size.")

    def get_preview_value(self):
        documents = get_document_model().objects.order_by("-created_at")[:3]
        return self.to_python(
            {"heading": "Downloads", "documents": [document.pk for document in documents]}
        )
