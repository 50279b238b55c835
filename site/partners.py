"""Setting up a partner: its organisation, section, editors' group, collection and workflow.

Wagtail has no multi-tenancy, so a partner's isolation is made of Wagtail's own
parts: page permissions on its section only, image and document permissions on
its own collection only, and the moderation workflow on its section so that
nothing it writes goes live before the province's editors approve it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Site

from limburg.models import HomePage, Organisation, PartnerIndexPage, PartnerPage
from limburg.roles import (
    AUTHOR_MEDIA_ACTIONS,
    AUTHOR_PAGE_ACTIONS,
    PROVINCE_EDITORS,
    admin_group,
    assign_workflow,
    child_collection,
    ensure_roles,
    grant_collection_permissions,
    grant_page_permissions,
    partner_workflow,
)


class PartnerError(ValueError):
    """A partner cannot be set up as asked; the message says why, for the person asking."""


@dataclass
class PartnerSetup:
    organisation: Organisation
    section: PartnerPage
    group: object
    collection: object
    editor: object = None
    # A link for the editor to choose a password; empty when the editor has one.
    password_set_url: str = ""
    created: bool = False


GROUP_SUFFIX = " redacteuren"
# Django's Group.name holds 150 characters.
MAX_NAME_LENGTH = 150 - len(GROUP_SUFFIX)


def editors_group_name(name):
    return f"{name}{GROUP_SUFFIX}"


def clean_kind(kind):
    if kind not in Organisation.Kind.values:
        raise PartnerError(
            _("Unknown kind “%(kind)s”. Choose one of: %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(Organisation.Kind.values)}
        )
    return kind


def find_or_create_organisation(name, kind, locale):
    """The organisation called ``name``; a near-duplicate or another kind is an error."""
    existing = Organisation.objects.filter(locale=locale, name__iexact=name).first()
    if existing is None:
        return Organisation.objects.create(locale=locale, name=name, kind=kind), True
    if existing.name != name:
        raise PartnerError(
            _("An organisation called “%(existing)s” already exists; use that exact name.")
            % {"existing": existing.name}
        )
    if existing.kind != kind:
        raise PartnerError(
            _("“%(name)s” already exists as a partner of kind “%(kind)s”.")
            % {"name": name, "kind": existing.kind}
        )
    return existing, False


def partner_index(locale):
    """The "Partners" index of the default site, made on first use."""
    index = PartnerIndexPage.objects.filter(locale=locale).first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else HomePage.objects.filter(locale=locale).first()
    if home is None:
        raise PartnerError(_("There is no home page yet to put the partner sections under."))
    index = PartnerIndexPage(
        title="Partners",
        slug=find_available_slug(home, "partners"),
        locale=locale,
        introduction="De organisaties die in dit programma samenwerken, en wat zij delen.",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def find_or_create_section(organisation, locale):
    section = PartnerPage.objects.filter(organisation=organisation).first()
    if section is not None:
        return section, False
    index = partner_index(locale)
    section = PartnerPage(
        title=organisation.name,
        slug=find_available_slug(index, slugify(organisation.name) or "partner"),
        locale=locale,
        organisation=organisation,
    )
    index.add_child(instance=section)
    section.save_revision().publish()
    return section, True


def partner_collection(name, group):
    """The partner's own collection; one another group already works in is refused, so a
    partner called "Onderzoek" cannot be handed the researchers' documents."""
    collection = child_collection(name)
    others = collection.group_permissions.exclude(group=group)
    if others.exclude(group__name=PROVINCE_EDITORS).exists():
        raise PartnerError(
            _("A collection called “%(name)s” already belongs to someone else.") % {"name": name}
        )
    return collection


def clean_email(email):
    try:
        validate_email(email)
    except ValidationError as error:
        raise PartnerError(_("“%(email)s” is not an e-mail address.") % {"email": email}) from error
    return email


def find_or_create_editor(email, group):
    """The editor, made when new; returns (user, created).

    An existing administrator is never added: setting up a partner must not reach
    accounts beyond the partner's own editors.
    """
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if created:
        user = User.objects.create_user(username=email.lower(), email=email.lower())
        # No password exists anywhere: the editor chooses one through the link.
        user.set_unusable_password()
        user.save(update_fields=["password"])
    elif user.is_superuser or user.is_staff:
        raise PartnerError(
            _("“%(email)s” belongs to an administrator; choose the partner's own editor.")
            % {"email": email}
        )
    user.groups.add(group)
    return user, created


def password_set_url(user):
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@transaction.atomic
def create_partner(name, kind, editor_email=""):
    """Set up (or complete) a partner; running it again changes nothing."""
    name = " ".join(name.split())
    if not name:
        raise PartnerError(_("A partner needs a name."))
    if len(name) > MAX_NAME_LENGTH:
        raise PartnerError(
            _("A partner's name has at most %(max)s characters.") % {"max": MAX_NAME_LENGTH}
        )
    clean_kind(kind)
    editor_email = clean_email(editor_email.strip()) if editor_email else ""
    locale = Locale.get_default()
    ensure_roles()
    organisation, organisation_created = find_or_create_organisation(name, kind, locale)
    section, section_created = find_or_create_section(organisation, locale)

    group = admin_group(editors_group_name(name))
    grant_page_permissions(group, section, AUTHOR_PAGE_ACTIONS)
    collection = partner_collection(name, group)
    grant_collection_permissions(group, collection, AUTHOR_MEDIA_ACTIONS)
    assign_workflow(partner_workflow(), section)

    setup = PartnerSetup(
        organisation=organisation,
        section=section,
        group=group,
        collection=collection,
        created=organisation_created or section_created,
    )
    # Domain apps grant what a partner of this kind needs (AppConfig.setup_partner).
    for app_config in apps.get_app_configs():
        if hasattr(app_config, "setup_partner"):
            app_config.setup_partner(setup)
    if editor_email:
        setup.editor, editor_created = find_or_create_editor(editor_email, group)
        # A link only for an account made here: never a way into someone else's.
        if editor_created:
            setup.password_set_url = password_set_url(setup.editor)
    return setup
