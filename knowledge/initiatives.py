"""Handling initiatives: taking one in, confirming it, telling the submitter, sharing the
queue with funds, forgetting personal data and turning a finished one into practice."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.text import Truncator, slugify

from wagtail.models import Page

from knowledge.mail import send_templated_mail
from knowledge.models import Initiative, InitiativeAttachment
from limburg.models import Organisation, PartnerPage, Theme
from limburg.translation import localized_pages

CONFIRM_SALT = "knowledge.initiative.confirm"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60
UNCONFIRMED_KEPT_FOR = timedelta(days=7)
FUND_PERMISSIONS = ["knowledge.view_initiative", "knowledge.change_initiative"]


# Taking in ------------------------------------------------------------------------


def rate_limited(address):
    """True once ``address`` sent INITIATIVE_RATE_LIMIT initiatives in the past hour."""
    key = f"initiative-rate:{address}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60 * 60)
        count = 1
    return count > settings.INITIATIVE_RATE_LIMIT


def take_in(cleaned_data, language):
    """Save a submitted initiative with its attachments, unconfirmed; all or nothing (a
    failure also removes the files already written)."""
    stored = []
    try:
        with transaction.atomic():
            return _take_in(cleaned_data, language, stored)
    except Exception:
        for file in stored:
            file.delete(save=False)
        raise


def _take_in(cleaned_data, language, stored):
    needs = set(cleaned_data["needs"])
    is_group = cleaned_data["scale"] == Initiative.Scale.GROUP
    initiative = Initiative.objects.create(
        title=cleaned_data["title"],
        description=cleaned_data["description"],
        scale=cleaned_data["scale"],
        nature=cleaned_data["nature"],
        place_id=cleaned_data["place"],
        needs_money="money" in needs,
        amount=cleaned_data.get("amount") if "money" in needs else None,
        needs_help="help" in needs,
        needs_space="space" in needs,
        needs_contacts="contacts" in needs,
        organisation_name=cleaned_data.get("organisation_name", "") if is_group else "",
        kvk_number=cleaned_data.get("kvk_number", "") if is_group else "",
        contact_name=cleaned_data["contact_name"],
        contact_email=cleaned_data["contact_email"],
        contact_phone=cleaned_data.get("contact_phone", ""),
        publication_consent=cleaned_data.get("publication_consent", False),
        language=language,
    )
    initiative.themes.set(cleaned_data.get("themes") or [])
    for upload in cleaned_data.get("attachments") or []:
        attachment = InitiativeAttachment(
            initiative=initiative,
            original_name=upload.name[:255],
            content_type=upload.checked_content_type,
            size=upload.size,
        )
        attachment.file.save(upload.name, upload, save=False)
        stored.append(attachment.file)
        attachment.save()
    return initiative


def confirm_token(initiative):
    return signing.dumps(initiative.pk, salt=CONFIRM_SALT)


def initiative_for_token(token):
    """The unconfirmed-or-confirmed initiative a link is for, or None (bad, old or gone)."""
    try:
        pk = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    return Initiative.objects.filter(pk=pk, personal_data_removed_at__isnull=True).first()


def confirm(initiative):
    """Put it in the queue; a second confirmation changes nothing."""
    # One UPDATE, so two clicks at once confirm (and mail) once.
    now = timezone.now()
    updated = Initiative.objects.filter(pk=initiative.pk, confirmed_at__isnull=True).update(
        confirmed_at=now
    )
    if updated:
        initiative.confirmed_at = now
    return bool(updated)


# Telling the submitter ---------------------------------------------------------------


def send_initiative_mail(initiative, template, context=None):
    """An e-mail in the submitter's language; nothing once their details are gone."""
    if not initiative.contact_email:
        return False
    return send_templated_mail(
        template,
        {"initiative": initiative, **(context or {})},
        language=initiative.language,
        to=initiative.contact_email,
        about=f"initiative {initiative.pk}",
    )


def send_confirmation(initiative, page_url):
    link = f"{page_url}?{urlencode({'token': confirm_token(initiative)})}"
    return send_initiative_mail(initiative, "initiative_confirm", {"confirm_url": link})


def send_status_mail(initiative):
    return send_initiative_mail(initiative, "initiative_status")


# The queue in the admin --------------------------------------------------------------


def organisations_of(user):
    """The partner organisations whose sections ``user`` edits (through their groups)."""
    return Organisation.objects.filter(
        pk__in=PartnerPage.objects.filter(group_permissions__group__user=user).values(
            "organisation_id"
        )
    )


def initiatives_for(user):
    """What ``user`` may see: editors everything confirmed; a fund only what is routed to it."""
    confirmed = Initiative.objects.confirmed()
    if user.is_superuser or user.has_perm("knowledge.handle_all_initiatives"):
        return confirmed
    if not user.has_perm("knowledge.view_initiative"):
        return Initiative.objects.none()
    # By translation key: the Dutch and English rows of an organisation are one fund.
    return confirmed.filter(
        routed_to__translation_key__in=organisations_of(user).values("translation_key")
    )


def grant_fund_permissions(group, organisation):
    """A social fund's editors handle the initiatives routed to it."""
    if organisation.kind != Organisation.Kind.SOCIAAL_FONDS:
        return
    for codename in FUND_PERMISSIONS:
        app_label, name = codename.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )


# Personal data -------------------------------------------------------------------


PERSONAL_FIELDS = {
    # Notes may name people or record phone calls: they go too.
    "internal_notes": "",
    "organisation_name": "",
    "kvk_number": "",
    "contact_name": "",
    "contact_email": "",
    "contact_phone": "",
}


@transaction.atomic
def forget(initiative):
    """Remove the submitter's details and files; what the initiative is stays."""
    initiative.attachments.all().delete()  # their files go with them (knowledge.signals)
    for name, empty in PERSONAL_FIELDS.items():
        setattr(initiative, name, empty)
    initiative.personal_data_removed_at = timezone.now()
    initiative.save()


def purge(now=None):
    """Forget initiatives closed longer than the retention period; delete unconfirmed ones
    older than a week. Returns (forgotten, deleted)."""
    now = now or timezone.now()
    retention = timedelta(days=settings.INITIATIVE_RETENTION_DAYS)
    expired = Initiative.objects.closed_before(now - retention).filter(
        personal_data_removed_at__isnull=True
    )
    forgotten = 0
    for initiative in expired:
        forget(initiative)
        forgotten += 1
    stale = Initiative.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - UNCONFIRMED_KEPT_FOR
    )
    deleted = 0
    for initiative in stale:
        initiative.delete()  # attachments' files go with them (knowledge.signals)
        deleted += 1
    return forgotten, deleted


# From initiative to practice --------------------------------------------------------


def practice_parents(user):
    """Where a practice page may go: case-study and deal indexes and sections ``user`` can
    add pages under, Dutch first."""
    from casestudies.models import CaseStudyIndexPage
    from knowledge.models import VillageDealIndexPage

    parents = Page.objects.type(CaseStudyIndexPage, VillageDealIndexPage, PartnerPage)
    return [
        page
        for page in parents.specific().order_by("locale__language_code", "path")
        if page.permissions_for_user(user).can_add_subpage()
    ]


def residents_initiative_kind(locale_id):
    """The kind of deal "Bewonersinitiatief" (seeded) in a language; any kind there when an
    editor removed it, so promoting never fails on the vocabulary."""
    from knowledge.models import DealKind

    kinds = DealKind.objects.filter(locale_id=locale_id)
    seeded = DealKind.objects.filter(slug="bewonersinitiatief").values("translation_key")
    return kinds.filter(translation_key__in=seeded).first() or kinds.first()


def practice_fields(initiative):
    """The public fields a practice page starts from: nothing about who brought it in."""
    return {
        "title": initiative.title,
        "slug": slugify(initiative.title)[:80] or f"initiatief-{initiative.pk}",
        "summary": Truncator(initiative.description).chars(300),
    }


@transaction.atomic
def promote(initiative, parent, kind, user):
    """A draft case study or deal under ``parent``, from the initiative's public fields.

    The initiative links to it. Returns the new page.
    """
    from casestudies.models import CaseStudyPage
    from knowledge.models import VillageDealPage

    fields = practice_fields(initiative)
    if parent.get_children().filter(slug=fields["slug"]).exists():
        fields["slug"] = f"{fields['slug'][:70]}-{initiative.pk}"
    if kind == "deal":
        page = VillageDealPage(
            **fields,
            kind=residents_initiative_kind(parent.locale_id),
            status=VillageDealPage.Status.IDEE,
        )
    else:
        page = CaseStudyPage(
            **fields,
            kind=CaseStudyPage.Kind.PROJECT,
            status=CaseStudyPage.Status.LOPEND,
        )
    page.owner = user
    page.live = False
    page.locale_id = parent.locale_id
    # Set before saving: the page's many-to-many relations are committed with it.
    page.themes.set(
        Theme.objects.filter(
            locale_id=parent.locale_id,
            translation_key__in=initiative.themes.values("translation_key"),
        )
    )
    page.places.set([initiative.place])
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    initiative.practice_page = page
    initiative.save(update_fields=["practice_page"])
    return page


def visible_in(place):
    """Published initiatives in a gemeente (with its wijken and kernen) or a wijk."""
    return (
        Initiative.objects.published()
        .filter(Q(place=place) | Q(place__parent=place))
        # A card names a wijk with its gemeente (Place.__str__).
        .select_related("place__parent")
        .order_by("-confirmed_at")
    )


def for_cards(items, locale_id):
    """Initiatives ready for public cards in the reader's language: ``theme_names`` and,
    once its practice page is live, ``practice_url``. A few queries however many."""
    items = list(items)
    prefetch_related_objects(items, "themes")
    keys = {theme.translation_key for item in items for theme in item.themes.all()}
    names = dict(
        Theme.objects.filter(locale_id=locale_id, translation_key__in=keys).values_list(
            "translation_key", "name"
        )
    )
    page_ids = [item.practice_page_id for item in items if item.practice_page_id]
    originals = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    pages = {page.translation_key: page for page in localized_pages(page_ids, locale_id)}
    for item in items:
        item.theme_names = [
            names.get(theme.translation_key, theme.name) for theme in item.themes.all()
        ]
        page = pages.get(originals.get(item.practice_page_id))
        item.practice_url = page.url if page is not None else ""
    return items
