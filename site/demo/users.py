"""Roles as Wagtail groups, and one demo user per role.

The groups get what their role needs today; the partner-sections work narrows
partners and researchers to their own sections.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

PROVINCE_EDITORS = "Provinciale redactie"
PARTNER_EDITORS = "Partnerredacteur"
RESEARCHERS = "Onderzoeker"
ADMINISTRATORS = "Beheerder"

PAGE_PERMISSIONS = {
    PROVINCE_EDITORS: ["add", "change", "publish", "lock", "unlock"],
}
COLLECTION_PERMISSIONS = {
    PROVINCE_EDITORS: [
        ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
        ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
    ],
}
MODEL_PERMISSIONS = {
    PROVINCE_EDITORS: [
        ("limburg", "theme", ["add", "change", "delete"]),
        ("limburg", "place", ["add", "change"]),
        ("limburg", "organisation", ["add", "change", "delete"]),
        ("limburg", "sitesettings", ["change"]),
        ("wagtail_localize", "translation", ["submit"]),
        ("search", "synonymgroup", ["add", "change", "delete"]),
        ("search", "unansweredquery", ["view"]),
        ("wagtailsearchpromotions", "searchpromotion", ["add", "change", "delete"]),
        ("casestudies", "fundinginstrument", ["add", "change", "delete"]),
    ],
}

# username, group, first name, last name
DEMO_USERS = [
    ("redactie", PROVINCE_EDITORS, "Demo", "Provinciale redactie"),
    ("partner", PARTNER_EDITORS, "Demo", "Partnerredacteur"),
    ("onderzoeker", RESEARCHERS, "Demo", "Onderzoeker"),
    ("beheerder", ADMINISTRATORS, "Demo", "Beheerder"),
]


def _permission(app_label, model, action):
    codename = f"{action}_{model}"
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def ensure_groups(home_page: Page) -> dict[str, Group]:
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    root_collection = Collection.get_first_root_node()
    groups = {}
    for name in (PROVINCE_EDITORS, PARTNER_EDITORS, RESEARCHERS, ADMINISTRATORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for action in PAGE_PERMISSIONS.get(name, []):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=f"{action}_page"
                ),
            )
        for app_label, model, actions in COLLECTION_PERMISSIONS.get(name, []):
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(app_label, model, action),
                )
        for app_label, model, actions in MODEL_PERMISSIONS.get(name, []):
            group.permissions.add(
                *[p for action in actions if (p := _permission(app_label, model, action))]
            )
        groups[name] = group
    return groups


def ensure_demo_users(groups: dict[str, Group]) -> list[tuple[str, str]]:
    """Create missing demo users; return (username, password) for the new ones only."""
    User = get_user_model()
    created = []
    for username, group_name, first_name, last_name in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.org",
            password=password,
            first_name=first_name,
            last_name=last_name,
            is_superuser=group_name == ADMINISTRATORS,
            is_staff=group_name == ADMINISTRATORS,
        )
        user.groups.add(groups[group_name])
        created.append((username, password))
    return created
