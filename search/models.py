"""What editors manage and see about search (synonyms, queries that found nothing), and the
subscriptions of people who follow new content by e-mail."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from limburg.text import printable


class SynonymGroup(models.Model):
    """Words that mean the same here, e.g. aandachtswijk, kwetsbare wijk, focusgebied, krachtwijk.

    A search for any of them finds all of them, on every search backend: the
    query is expanded before it reaches the backend (see search.query).
    """

    language = models.CharField(
        _("language"),
        max_length=10,
        default="nl",
        help_text=_("The language these words are in (nl, en)."),
    )
    terms = models.TextField(
        _("words"),
        help_text=_(
            "Two or more words or short phrases, separated by commas: "
            "“aandachtswijk, kwetsbare wijk, focusgebied, krachtwijk”."
        ),
    )

    panels = [FieldPanel("language"), FieldPanel("terms")]

    class Meta:
        verbose_name = _("synonyms")
        verbose_name_plural = _("synonyms")
        ordering = ["language", "terms"]

    def __str__(self):
        return ", ".join(self.term_list)

    @property
    def term_list(self):
        return [term for term in (part.strip().lower() for part in self.terms.split(",")) if term]

    def clean(self):
        super().clean()
        self.terms = printable(self.terms)
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Give at least two words, separated by commas.")})


class UnansweredQuery(models.Model):
    """A search that found nothing, so editors can see what visitors miss."""

    query_string = models.CharField(_("query"), max_length=255)
    language = models.CharField(_("language"), max_length=10)
    hits = models.PositiveIntegerField(_("times searched"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        ordering = ["-hits", "-last_searched_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "language"], name="unique_unanswered_query_per_language"
            ),
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, language):
        """Count one more search for ``query_string``: one upsert, safe under concurrency."""
        query_string = query_string.lower()[:255]
        entry, _created = cls.objects.get_or_create(query_string=query_string, language=language)
        cls.objects.filter(pk=entry.pk).update(
            hits=models.F("hits") + 1, last_searched_at=timezone.now()
        )


class Subscription(models.Model):
    """Someone who follows themes, places, partners or a search by e-mail, without an account.

    Personal data: the address is used for the digest only, never shown or exported.
    Unconfirmed subscriptions receive nothing (double opt-in).
    """

    class Frequency(models.TextChoices):
        DAILY = "daily", _("daily")
        WEEKLY = "weekly", _("weekly")

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10, default="nl")
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    themes = models.ManyToManyField("limburg.Theme", verbose_name=_("themes"), blank=True)
    places = models.ManyToManyField(
        "limburg.Place",
        verbose_name=_("places"),
        blank=True,
        help_text=_("A gemeente includes its wijken."),
    )
    partners = models.ManyToManyField("limburg.PartnerPage", verbose_name=_("partners"), blank=True)
    # A followed search or listing: {"query": …, "type": …, "theme": …, "gemeente": …}.
    search = models.JSONField(_("search"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("digest covered until"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [models.Index(fields=["confirmed_at", "frequency"])]

    def __str__(self):
        return f"{self.get_frequency_display()} ({self.pk})"

    @property
    def interval(self):
        from datetime import timedelta

        return timedelta(days=1 if self.frequency == self.Frequency.DAILY else 7)


class DigestItem(models.Model):
    """A page sent to a subscriber, so that no page is sent to an address twice, whenever
    it became visible (published late, made public, republished)."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="sent_items"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "page"], name="page_sent_once")
        ]

    def __str__(self):
        return f"page {self.page_id} to subscription {self.subscription_id}"
