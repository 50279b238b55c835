"""Roles: the platform's Wagtail groups, what each may do, and the moderation workflows.

Idempotent: ``ensure_roles`` adds what is missing and never removes what an
administrator added by hand. Partner groups are made per partner by
``limburg.partners.create_partner``. Domain apps add their own roles and grant
their own vocabularies (funding instruments, licences, synonyms) through an
AppConfig ``setup_roles`` hook (see the ``setup_roles`` command).
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

PROVINCE_EDITORS = "Provinciale redactie"
ADMINISTRATORS = "Beheerder"

# The task every partner and research publication passes last.
EDITORS_APPROVAL_TASK = "Goedkeuring provinciale redactie"
PARTNER_WORKFLOW = "Publicatie door partners"

EDITOR_PAGE_ACTIONS = ["add", "change", "publish", "bulk_delete", "lock", "unlock"]
# Partners and researchers write and submit; someone else publishes.
AUTHOR_PAGE_ACTIONS = ["add", "change"]
MEDIA_ACTIONS = {
    "wagtailimages.image": ["add", "change", "choose", "delete"],
    "wagtaildocs.document": ["add", "change", "choose", "delete"],
}
AUTHOR_MEDIA_ACTIONS = {
    "wagtailimages.image": ["add", "change", "choose"],
    "wagtaildocs.document": ["add", "change", "choose"],
}

EDITOR_MODEL_PERMISSIONS = [
    "limburg.add_theme",
    "limburg.change_theme",
    "limburg.delete_theme",
    "limburg.add_place",
    "limburg.change_place",
    "limburg.add_organisation",
    "limburg.change_organisation",
    "limburg.delete_organisation",
    "limburg.create_partner",
    "limburg.curate_content",
    "limburg.change_sitesettings",
    "wagtail_localize.submit_translation",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "wagtailredirects.add_redirect",
    "wagtailredirects.change_redirect",
    "wagtailredirects.delete_redirect",
]


# Permissions that a data migration creates rather than a model's Meta, so a flushed
# database (transactional tests) lacks them: made again here as the migration makes them.
MIGRATION_PERMISSIONS = {
    "wagtail_localize.submit_translation": ("translation", "Can submit translations"),
}


def permission(label):
    """The Permission for "app_label.codename"; a missing one is a programming error."""
    app_label, codename = label.split(".")
    if label in MIGRATION_PERMISSIONS:
        model, name = MIGRATION_PERMISSIONS[label]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def admin_group(name):
    """A group that may log in to the Wagtail admin."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(permission("wagtailadmin.access_admin"))
    return group


def grant_model_permissions(group, labels):
    group.permissions.add(*[permission(label) for label in labels])


def grant_page_permissions(group, page, actions):
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission(f"wagtailcore.{action}_page")
        )


def grant_collection_permissions(group, collection, actions_by_model):
    for model_label, actions in actions_by_model.items():
        app_label, model = model_label.split(".")
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=collection,
                permission=permission(f"{app_label}.{action}_{model}"),
            )


def child_collection(name):
    """The collection ``name`` directly under the root, made when missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def approval_task(name, groups):
    task, created = GroupApprovalTask.objects.get_or_create(name=name)
    task.groups.add(*groups)
    return task


def ensure_workflow(name, tasks):
    """An active workflow of ``tasks`` in this order; an existing one is kept as it is."""
    workflow, created = Workflow.objects.get_or_create(name=name, defaults={"active": True})
    if created:
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def assign_workflow(workflow, page):
    """Give ``page`` (and its subtree) ``workflow`` unless an editor chose another one."""
    WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def editors_approval_task():
    return approval_task(EDITORS_APPROVAL_TASK, [admin_group(PROVINCE_EDITORS)])


def partner_workflow():
    return ensure_workflow(PARTNER_WORKFLOW, [editors_approval_task()])


@transaction.atomic
def ensure_roles():
    """The province's editors and the administrators, with their permissions."""
    editors = admin_group(PROVINCE_EDITORS)
    # On the tree root: every language's home page and the new ones that
    # translating the site into another language creates.
    grant_page_permissions(editors, Page.get_first_root_node(), EDITOR_PAGE_ACTIONS)
    grant_collection_permissions(editors, Collection.get_first_root_node(), MEDIA_ACTIONS)
    grant_model_permissions(editors, EDITOR_MODEL_PERMISSIONS)
    partner_workflow()
    # Administrators are superusers; the group names the role in the admin.
    admin_group(ADMINISTRATORS)
    return {
        group.name: group
        for group in Group.objects.filter(name__in=[PROVINCE_EDITORS, ADMINISTRATORS])
    }


def can_publish(user):
    """Whether the user can put anything live: a superuser, a group with publish
    permission on pages or any model, or a group that approves in a workflow task."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    groups = user.groups.all()
    return (
        GroupPagePermission.objects.filter(
            group__in=groups, permission__codename="publish_page"
        ).exists()
        or Permission.objects.filter(group__in=groups, codename__startswith="publish_").exists()
        or GroupApprovalTask.objects.filter(groups__in=groups, active=True).exists()
    )
