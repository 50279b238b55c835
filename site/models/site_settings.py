"""Site-wide settings editors manage: footer contact, statements, social links."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

PLATFORMS = [
    ("linkedin", "LinkedIn"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
    ("youtube", "YouTube"),
    ("instagram", "Instagram"),
    ("facebook", "Facebook"),
    ("rss", "RSS"),
]


class SocialLinkValue(blocks.StructValue):
    def platform_name(self):
        return dict(PLATFORMS).get(self.get("platform"), self.get("platform"))


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(label=_("platform"), choices=PLATFORMS)
    url = blocks.URLBlock(label=_("web address"))

    class Meta:
        icon = "site"
        label = _("Social link")
        value_class = SocialLinkValue


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        _("organisation"), max_length=255, default="Provincie Limburg"
    )
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Dutch government websites must publish one (toegankelijkheidsverklaring)."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Footer contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Statements"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
