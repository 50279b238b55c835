"""Case studies: the area approaches and programmes."""

from casestudies.models.funding import FundingInstrument
from casestudies.models.pages import (
    CaseStudyFunding,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPageTag,
    CaseStudyPartner,
    CaseStudyRelatedPage,
)

__all__ = [
    "CaseStudyFunding",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPageTag",
    "CaseStudyPartner",
    "CaseStudyRelatedPage",
    "FundingInstrument",
]
