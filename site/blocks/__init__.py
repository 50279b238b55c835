"""Shared StreamField blocks, one module per family (text, media, links, data, people)."""

from limburg.blocks.data import KeyFigureBlock, KeyFiguresBlock, SourceBlock
from limburg.blocks.links import CallToActionBlock, DocumentListBlock, LinkBlock
from limburg.blocks.media import ImageBlock, VideoEmbedBlock
from limburg.blocks.people import ContactCardBlock
from limburg.blocks.streams import ContentStreamBlock
from limburg.blocks.text import AccordionBlock, HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "AccordionBlock",
    "CallToActionBlock",
    "ContactCardBlock",
    "ContentStreamBlock",
    "DocumentListBlock",
    "HeadingBlock",
    "ImageBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "LinkBlock",
    "ParagraphBlock",
    "QuoteBlock",
    "SourceBlock",
    "VideoEmbedBlock",
]
