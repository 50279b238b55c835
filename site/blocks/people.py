"""Contact card block."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock


class ContactCardValue(blocks.StructValue):
    @cached_property
    def organisation_name(self):
        """The organisation's name in the reader's language (its translation, if any)."""
        organisation = self.get("organisation")
        return organisation.localized.name if organisation else ""


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
        value_class = ContactCardValue
        description = _("Who to contact, with e-mail, phone and website.")
        preview_value = {
            "name": "Programmateam Krachtige gemeenschappen",
            "role": "Provincie Limburg",
            "email": "kennisplatform@example.org",
            "phone": "",
            "url": "",
        }

    def bulk_to_python(self, values):
        # The organisations' names in the reader's language for every card in the stream at
        # once: two queries, not two per card.
        cards = super().bulk_to_python(values)
        organisations = [card["organisation"] for card in cards if card.get("organisation")]
        if not organisations:
            return cards
        locale = Locale.get_active()
        model = type(organisations[0])
        elsewhere = [o.translation_key for o in organisations if o.locale_id != locale.pk]
        translations = (
            dict(
                model.objects.filter(locale=locale, translation_key__in=elsewhere).values_list(
                    "translation_key", "name"
                )
            )
            if elsewhere
            else {}
        )
        for card in cards:
            if organisation := card.get("organisation"):
                # fills the cached property
                card.organisation_name = translations.get(
                    organisation.translation_key, organisation.name
                )
        return cards
