"""Blocks particular to case studies: milestones and the section streams."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from limburg.blocks import (
    AccordionBlock,
    CallToActionBlock,
    DocumentListBlock,
    HeadingBlock,
    ImageBlock,
    KeyFigureBlock,
    ParagraphBlock,
    QuoteBlock,
    SourceBlock,
    VideoEmbedBlock,
)


class MilestoneValue(blocks.StructValue):
    def display_date(self):
        """The date as precisely as it is known: '2019', 'juli 2012' or '4 juli 2012'."""
        date = self.get("date")
        if date is None:
            return ""
        precision = self.get("precision") or "day"
        if precision == "year":
            return str(date.year)
        if precision == "month":
            return formats.date_format(date, "F Y")
        return formats.date_format(date, "j F Y")


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("date"))
    precision = blocks.ChoiceBlock(
        label=_("known to the"),
        choices=[("day", _("day")), ("month", _("month")), ("year", _("year"))],
        default="day",
        help_text=_("Show only the year or month when the exact day is not known."),
    )
    text = blocks.CharBlock(label=_("what happened"), max_length=300)
    source = SourceBlock(label=_("source"), required=False)

    class Meta:
        icon = "date"
        label = _("Milestone")
        value_class = MilestoneValue
        template = "casestudies/blocks/milestone_block.html"
        preview_value = {
            "date": "2012-07-04",
            "precision": "day",
            "text": "De partners tekenen de samenwerkingsovereenkomst.",
        }


class CaseStudySectionStreamBlock(blocks.StreamBlock):
    """The content of one section of a case study (aanleiding, aanpak, …)."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    documents = DocumentListBlock()
    accordion = AccordionBlock()
    video = VideoEmbedBlock()

    class Meta:
        label = _("Section")


class KeyFigureStreamBlock(blocks.StreamBlock):
    figure = KeyFigureBlock()

    class Meta:
        label = _("Key figures")
        max_num = 6


class MilestoneStreamBlock(blocks.StreamBlock):
    milestone = MilestoneBlock()

    class Meta:
        label = _("Timeline")


class SourceStreamBlock(blocks.StreamBlock):
    source = SourceBlock()

    class Meta:
        label = _("Sources")
