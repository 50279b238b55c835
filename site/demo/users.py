"""One demo user per role, and one editor per demo partner.

The roles themselves (groups, permissions, workflows) come from `setup_roles`
and `create_partner`; this module only adds people to them.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from limburg.demo.partners import PARTNERS
from limburg.partners import editors_group_name
from limburg.roles import ADMINISTRATORS, PROVINCE_EDITORS

# Named here as strings: the research roles belong to the knowledge app.
RESEARCHERS = "Onderzoeker"
ACADEMY_REVIEWERS = "Reviewer NPHN-academie"

# username, group, first name, last name
DEMO_USERS = [
    ("redactie", PROVINCE_EDITORS, "Demo", "Provinciale redactie"),
    ("onderzoeker", RESEARCHERS, "Demo", "Onderzoeker"),
    ("reviewer", ACADEMY_REVIEWERS, "Demo", "Reviewer NPHN-academie"),
    ("beheerder", ADMINISTRATORS, "Demo", "Beheerder"),
    *[
        (partner["username"], editors_group_name(partner["name"]), "Demo", partner["name"])
        for partner in PARTNERS
    ],
]


def ensure_demo_users() -> list[tuple[str, str]]:
    """Create missing demo users; return (username, password) for the new ones only."""
    User = get_user_model()
    created = []
    for username, group_name, first_name, last_name in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        group = Group.objects.filter(name=group_name).first()
        if group is None:  # a role whose app is not installed
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
        user.groups.add(group)
        created.append((username, password))
    return created
