"""The research roles: researchers write, the NPHN academy reviews, the province publishes;
and who handles initiatives: the province's editors all, a social fund those routed to it.

Called by `setup_roles` (through KnowledgeConfig.setup_roles); idempotent. Run it
again after adding a research section in another language.
"""

from django.db import transaction

from knowledge.initiatives import grant_fund_permissions
from knowledge.models import ResearchIndexPage
from limburg.models import Organisation, PartnerPage
from limburg.roles import (
    AUTHOR_MEDIA_ACTIONS,
    AUTHOR_PAGE_ACTIONS,
    PROVINCE_EDITORS,
    admin_group,
    approval_task,
    assign_workflow,
    child_collection,
    editors_approval_task,
    ensure_workflow,
    grant_collection_permissions,
    grant_model_permissions,
    grant_page_permissions,
)

RESEARCHERS = "Onderzoeker"
ACADEMY_REVIEWERS = "Reviewer NPHN-academie"
ACADEMY_REVIEW_TASK = "Review door de NPHN-academie"
RESEARCH_WORKFLOW = "Publicatie van onderzoek"
RESEARCH_COLLECTION = "Onderzoek"

EDITOR_MODEL_PERMISSIONS = [
    "knowledge.add_licence",
    "knowledge.change_licence",
    "knowledge.add_dealkind",
    "knowledge.change_dealkind",
    "knowledge.view_eventregistration",
    "knowledge.delete_eventregistration",
    "knowledge.view_initiative",
    "knowledge.change_initiative",
    "knowledge.delete_initiative",
    "knowledge.handle_all_initiatives",
]


@transaction.atomic
def ensure_research_roles():
    grant_model_permissions(admin_group(PROVINCE_EDITORS), EDITOR_MODEL_PERMISSIONS)
    researchers = admin_group(RESEARCHERS)
    reviewers = admin_group(ACADEMY_REVIEWERS)
    workflow = ensure_workflow(
        RESEARCH_WORKFLOW,
        [approval_task(ACADEMY_REVIEW_TASK, [reviewers]), editors_approval_task()],
    )
    grant_collection_permissions(
        researchers, child_collection(RESEARCH_COLLECTION), AUTHOR_MEDIA_ACTIONS
    )
    for index in ResearchIndexPage.objects.all():
        grant_page_permissions(researchers, index, AUTHOR_PAGE_ACTIONS)
        assign_workflow(workflow, index)
    # Social funds that are partners handle the initiatives routed to them.
    for section in PartnerPage.objects.filter(
        organisation__kind=Organisation.Kind.SOCIAAL_FONDS
    ).select_related("organisation"):
        for grant in section.group_permissions.select_related("group"):
            grant_fund_permissions(grant.group, section.organisation)
