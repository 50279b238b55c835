"""Case studies: the area approaches and programmes."""

from django.utils.translation import gettext_lazy as _

from limburg.models import BaseIndexPage


class CaseStudyIndexPage(BaseIndexPage):
    """The case studies section, one per language."""

    subpage_types = []  # case study pages arrive with the case-studies work

    class Meta:
        verbose_name = _("case study index page")
