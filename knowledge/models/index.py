"""The knowledge section front."""

from django.utils.translation import gettext_lazy as _

from limburg.models import BaseIndexPage


class KnowledgeIndexPage(BaseIndexPage):
    """The knowledge section front, one per language; its sections hang below it."""

    subpage_types = [
        "limburg.ContentPage",
        "knowledge.ResearchIndexPage",
        "knowledge.VillageDealIndexPage",
        "knowledge.InterventionIndexPage",
        "knowledge.EventIndexPage",
        "knowledge.InitiativeIndexPage",
    ]

    class Meta:
        verbose_name = _("knowledge index page")
        verbose_name_plural = _("knowledge index pages")
