"""Following new content by e-mail: what a subscription matches, the signed links in the
e-mails, and the digest.

A subscription matches a page when the page is about one of its themes, lies in one of
its places (a gemeente includes its wijken), was published in one of its partners'
sections, or matches its followed search. A digest holds the live, public pages first
published since the subscription was confirmed that were not yet sent to that address
(by this or another of its subscriptions): a page is never sent twice, a draft never,
and a page that became visible late (made public, republished, a slow publish) still
comes once.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta
from smtplib import SMTPException

from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode

from wagtail.models import Locale, Page

from search.engines.base import FACET_MODELS, filter_q
from search.models import DigestItem, Subscription
from search.query import build_query, matching_pks

logger = logging.getLogger(__name__)
SALTS = {
    "confirm": "search.subscription.confirm",
    "manage": "search.subscription.manage",
}
# A confirmation link is valid for a week; the manage link (also for unsubscribing)
# as long as the subscription exists.
CONFIRM_MAX_AGE = 7 * 24 * 3600
SEARCH_FILTERS = ("type", "theme", "gemeente")


def make_token(subscription, purpose):
    return signing.dumps(subscription.pk, salt=SALTS[purpose])


def subscription_for_token(token, purpose):
    max_age = CONFIRM_MAX_AGE if purpose == "confirm" else None
    try:
        pk = signing.loads(token, salt=SALTS[purpose], max_age=max_age)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(pk=pk).first()


def link(base_url, subscription, purpose):
    """The absolute URL of a confirm/manage/unsubscribe page, in the subscriber's language."""
    with translation.override(subscription.language):
        path = reverse(f"follow_{purpose}")
    token_purpose = "confirm" if purpose == "confirm" else "manage"
    return f"{base_url}{path}?{urlencode({'token': make_token(subscription, token_purpose)})}"


def candidates(language):
    """Live, public knowledge pages in one language (drafts and private pages never)."""
    return (
        Page.objects.live()
        .public()
        .filter(locale_id=Locale.objects.get(language_code=language).pk)
        .type(*FACET_MODELS.with_themes)
    )


def matching_condition(subscription):
    """Q for the pages this subscription follows; None when it follows nothing."""
    conditions = []
    conditions += [filter_q("theme", theme.slug) for theme in subscription.themes.all()]
    conditions += [filter_q("gemeente", place.code) for place in subscription.places.all()]
    conditions += [
        Q(path__startswith=section.path) & ~Q(pk=section.pk)
        for section in subscription.partners.all()
    ]
    search = subscription.search or {}
    if any(search.get(name) for name in (*SEARCH_FILTERS, "query")):
        combined = Q()
        for name in SEARCH_FILTERS:
            if search.get(name):
                combined &= filter_q(name, search[name])
        query = build_query(search.get("query", ""))
        if search.get("query") and query is None:
            # Only punctuation: nothing to match, rather than everything.
            combined &= Q(pk__in=[])
        if query is not None:
            combined &= Q(pk__in=matching_pks(candidates(subscription.language), query))
        conditions.append(combined)
    if not conditions:
        return None
    result = conditions[0]
    for condition in conditions[1:]:
        result |= condition
    return result


def new_pages(subscription, until):
    """The followed pages published since the confirmation and not yet sent to the address."""
    condition = matching_condition(subscription)
    if condition is None:
        return []
    sent = DigestItem.objects.filter(subscription__email=subscription.email).values("page_id")
    pages = (
        candidates(subscription.language)
        .filter(first_published_at__gt=subscription.confirmed_at, first_published_at__lte=until)
        .filter(condition)
        .exclude(pk__in=sent)
        .distinct()
        .order_by("first_published_at", "pk")
    )
    return list(pages.specific())


@dataclass
class DigestResult:
    sent: int = 0
    skipped: int = 0
    expired: int = 0
    failed: int = 0


# Cron does not start to the second, and a day across the summer-time change lasts 23
# hours: a run a few hours early still counts as a day later.
SLACK = timedelta(hours=3)


def due_subscriptions(now):
    """Confirmed subscriptions whose daily or weekly interval has passed."""
    for subscription in Subscription.objects.filter(confirmed_at__isnull=False).prefetch_related(
        "themes", "places", "partners"
    ):
        since = subscription.last_sent_at or subscription.confirmed_at
        if now - since >= subscription.interval - SLACK:
            yield subscription


def digest_message(subscription, pages, base_url):
    unsubscribe_url = link(base_url, subscription, "unsubscribe")
    with translation.override(subscription.language):
        context = {
            "subscription": subscription,
            "pages": [(page, base_url + page.url) for page in pages],
            "manage_url": link(base_url, subscription, "manage"),
            "unsubscribe_url": unsubscribe_url,
        }
        subject = render_to_string("search/email/digest_subject.txt", context).strip()
        text = render_to_string("search/email/digest.txt", context)
        html = render_to_string("search/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        to=[subscription.email],
        headers={
            # RFC 2369 and RFC 8058: mail programs offer a one-click unsubscribe.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def send_digests(base_url, now=None):
    """One e-mail per due subscription with what is new; nothing when nothing is.

    Subscriptions never confirmed within the week their link was valid are deleted.
    """
    now = now or timezone.now()
    result = DigestResult()
    result.expired, _ = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - timedelta(seconds=CONFIRM_MAX_AGE)
    ).delete()
    for subscription in due_subscriptions(now):
        pages = new_pages(subscription, until=now)
        if pages:
            try:
                digest_message(subscription, pages, base_url).send()
            except (SMTPException, OSError):
                # One refused address must not stop everyone else's digest; it is
                # tried again next run. Logged by number, never by address.
                logger.exception("Digest for subscription %s not sent", subscription.pk)
                result.failed += 1
                continue
            DigestItem.objects.bulk_create(
                [DigestItem(subscription=subscription, page=page) for page in pages],
                ignore_conflicts=True,
            )
            result.sent += 1
        else:
            result.skipped += 1
        subscription.last_sent_at = now
        subscription.save(update_fields=["last_sent_at"])
    return result
