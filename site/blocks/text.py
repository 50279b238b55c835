"""Text blocks: heading, rich text, quote, accordion."""

import secrets

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.rich_text import RichText, expand_db_html


class RichTextBatch:
    """The rich text of one stream, expanded in one pass when the first of it is shown:
    the pages and images its links and embeds name are looked up once, not per block."""

    def __init__(self, sources):
        self.sources = sources
        self.expanded = None

    def expand(self, index):
        if self.expanded is None:
            # A comment the rewriters pass over, which no stored text contains.
            separator = f"<!--limburg-rich-text-{secrets.token_hex(8)}-->"
            self.expanded = expand_db_html(separator.join(self.sources)).split(separator)
        return self.expanded[index]


class StreamRichText(RichText):
    """A rich-text value that is expanded together with the rest of its ``RichTextBatch``."""

    def __init__(self, source, batch, index):
        super().__init__(source)
        self.batch = batch
        self.index = index

    def __html__(self):
        return render_to_string(
            "wagtailcore/shared/richtext.html", {"html": self.batch.expand(self.index)}
        )


def batched(values):
    """The RichText values (None kept) as StreamRichText sharing one batch."""
    present = [value for value in values if value is not None]
    batch = RichTextBatch([value.source for value in present])
    replacements = {
        id(value): StreamRichText(value.source, batch, index) for index, value in enumerate(present)
    }
    return [replacements[id(value)] if value is not None else None for value in values]


class HeadingValue(blocks.StructValue):
    def anchor(self):
        return slugify(self.get("text", ""))


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
        help_text=_("The page title is the only heading 1; start sections at heading 2."),
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        group = _("Text")
        template = "components/heading_block.html"
        value_class = HeadingValue
        description = _("A section heading, linkable from a table of contents.")
        preview_value = {"text": "Samen werken aan sterke wijken", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("editor", "default")
        super().__init__(**kwargs)

    def bulk_to_python(self, values):
        # The links of every paragraph in the stream are looked up together.
        return batched(super().bulk_to_python(values))

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        group = _("Text")
        template = "components/paragraph_block.html"
        description = _("Running text with links, lists and subheadings.")
        preview_value = (
            "<p>In aandachtswijken werken bewoners, gemeente en partners jarenlang samen "
            "aan veiligheid, gezondheid, leren, werken en wonen.</p>"
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(
        label=_("who said it"), required=False, help_text=_("Name and role.")
    )
    source_url = blocks.URLBlock(label=_("source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        group = _("Text")
        template = "components/quote_block.html"
        description = _("A quotation with who said it and where.")
        preview_value = {
            "text": "Wat werkt, moet iedereen kunnen gebruiken.",
            "attribution": "Een partner van het lerend netwerk",
            "source_url": "",
        }


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question or title"), max_length=200)
    answer = blocks.RichTextBlock(label=_("answer"), editor="default")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("items"), min_num=1)

    def bulk_to_python(self, values):
        # The links of every answer of every accordion in the stream are looked up together.
        accordions = super().bulk_to_python(values)
        items = [item for accordion in accordions for item in accordion["items"]]
        for item, answer in zip(items, batched([item["answer"] for item in items]), strict=True):
            item["answer"] = answer
        return accordions

    class Meta:
        icon = "list-ul"
        label = _("Accordion / FAQ")
        group = _("Text")
        template = "components/accordion_block.html"
        description = _("Questions and answers that open one by one; works without JavaScript.")
        preview_value = {
            "heading": "Veelgestelde vragen",
            "items": [
                {
                    "question": "Wat is een aandachtswijk?",
                    "answer": "<p>Een wijk waar problemen zo groot zijn dat ze samen "
                    "en voor lange tijd worden aangepakt.</p>",
                },
                {
                    "question": "Wie doet er mee?",
                    "answer": "<p>Gemeenten, woningcorporaties, zorg en welzijn, "
                    "onderwijs en bewoners.</p>",
                },
            ],
        }
