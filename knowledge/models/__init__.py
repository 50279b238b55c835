from knowledge.models.index import KnowledgeIndexPage
from knowledge.models.licences import Licence
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
    "DeletedResearchOutput",
    "KnowledgeIndexPage",
    "Licence",
    "ResearchIndexPage",
    "ResearchOutputAuthor",
    "ResearchOutputFile",
    "ResearchOutputPage",
    "ResearchOutputRelatedCaseStudy",
    "ResearchOutputTag",
]
