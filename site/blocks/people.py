"""Contact card block."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name or desk"), max_length=120)
    role = blocks.CharBlock(label=_("role"), required=False, max_length=120)
    organisation = SnippetChooserBlock(
        "limburg.Organisation", label=_("organisation"), required=False
    )
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    phone = blocks.CharBlock(label=_("phone"), required=False, max_length=30)
    url = blocks.URLBlock(label=_("website"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact card")
        group = _("People")
        template = "components/contact_card_block.html"
        description = _("Who to contact, with e-mail, phone and website.")
        preview_value = {
            "name": "Programmateam Krachtige gemeenschappen",
            "role": "Provincie Limburg",
            "email": "kennisplatform@example.org",
            "phone": "",
            "url": "",
        }
