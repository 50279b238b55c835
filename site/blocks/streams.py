"""The top-level streams pages use."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from limburg.blocks.data import KeyFiguresBlock
from limburg.blocks.links import CallToActionBlock, DocumentListBlock
from limburg.blocks.media import ImageBlock, VideoEmbedBlock
from limburg.blocks.people import ContactCardBlock
from limburg.blocks.text import AccordionBlock, HeadingBlock, ParagraphBlock, QuoteBlock


class ContentStreamBlock(blocks.StreamBlock):
    """Every shared block; domain apps compose their own streams from the same parts."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    accordion = AccordionBlock()
    video = VideoEmbedBlock()
    contact = ContactCardBlock()

    class Meta:
        label = _("Content")
