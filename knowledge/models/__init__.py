from knowledge.models.dossiers import DossierPick, ThemeDossierIndexPage, ThemeDossierPage
from knowledge.models.events import EventIndexPage, EventPage, EventPageTag, EventRegistration
from knowledge.models.index import KnowledgeIndexPage
from knowledge.models.initiatives import (
    Initiative,
    InitiativeAttachment,
    InitiativeIndexPage,
    InitiativeLogEntry,
)
from knowledge.models.licences import Licence
from knowledge.models.monitor import AreaIndexPage, Indicator, IndicatorSource, IndicatorValue
from knowledge.models.practice import (
    DealKind,
    InterventionCaseStudy,
    InterventionIndexPage,
    InterventionPage,
    VillageDealIndexPage,
    VillageDealMilestone,
    VillageDealPage,
    VillageDealParty,
    VillageDealTag,
)
from knowledge.models.research import (
    DeletedResearchOutput,
    ResearchIndexPage,
    ResearchOutputAuthor,
    ResearchOutputFile,
    ResearchOutputPage,
    ResearchOutputRelatedCaseStudy,
    ResearchOutputTag,
)

__all__ = [
    "AreaIndexPage",
    "Indicator",
    "IndicatorSource",
    "IndicatorValue",
    "DealKind",
    "DeletedResearchOutput",
    "DossierPick",
    "EventIndexPage",
    "EventPage",
    "EventPageTag",
    "EventRegistration",
    "Initiative",
    "InitiativeAttachment",
    "InitiativeIndexPage",
    "InitiativeLogEntry",
    "InterventionCaseStudy",
    "InterventionIndexPage",
    "InterventionPage",
    "KnowledgeIndexPage",
    "Licence",
    "ResearchIndexPage",
    "ResearchOutputAuthor",
    "ResearchOutputFile",
    "ResearchOutputPage",
    "ResearchOutputRelatedCaseStudy",
    "ResearchOutputTag",
    "ThemeDossierIndexPage",
    "ThemeDossierPage",
    "VillageDealIndexPage",
    "VillageDealMilestone",
    "VillageDealPage",
    "VillageDealParty",
    "VillageDealTag",
]
