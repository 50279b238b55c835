"""Data blocks: key figures, each with its required source."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class SourceBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("source"),
        max_length=200,
        help_text=_("Publisher and title, e.g. 'CBS, Kerncijfers wijken en buurten 2024'."),
    )
    url = blocks.URLBlock(label=_("source web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Source")


class KeyFigureValue(blocks.StructValue):
    def formatted_value(self):
        """The number in the active language's format (1.133.255 / 1,133,255)."""
        value = self.get("value")
        if value is None or value == "":
            return ""
        value = Decimal(str(value))
        decimals = max(0, -value.normalize().as_tuple().exponent)
        return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("value"), decimal_places=2, max_digits=14)
    unit = blocks.CharBlock(
        label=_("unit"),
        required=False,
        max_length=40,
        help_text=_("e.g. %, inhabitants, € million"),
    )
    label = blocks.CharBlock(label=_("what it counts"), max_length=160)
    year = blocks.IntegerBlock(
        label=_("year"),
        min_value=1900,
        max_value=2100,
        required=False,
        help_text=_("The year the figure is about. Leave empty when the source does not say."),
    )
    source = SourceBlock(label=_("source"), help_text=_("No figure without a source."))

    class Meta:
        icon = "table"
        label = _("Key figure")
        value_class = KeyFigureValue


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"), min_num=1, max_num=6)

    class Meta:
        icon = "table"
        label = _("Key figures")
        group = _("Data")
        template = "components/key_figures_block.html"
        description = _("Up to six figures, each with unit, year and a required source.")
        # A real figure: CBS 85984NED, inhabitants of the 31 Limburg gemeenten
        # on 1 January 2024 (shared/data README, section 3).
        preview_value = {
            "heading": "Limburg in cijfers",
            "figures": [
                {
                    "value": "1133255",
                    "unit": "",
                    "label": "inwoners in de 31 Limburgse gemeenten",
                    "year": 2024,
                    "source": {
                        "name": "CBS, Kerncijfers wijken en buurten 2024 (85984NED)",
                        "url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/85984NED/table",
                    },
                }
            ],
        }
