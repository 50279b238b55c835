"""Events of the learning network: meetings, webinars, working sessions.

An event has a start and an end (stored in UTC, entered and shown in
Europe/Amsterdam), takes place online or at an address, and is joined through an
external link or the platform's own registration form with a capacity and a
waiting list. Afterwards it carries its materials. Each event has an iCalendar
file; the events index serves a calendar feed of what is coming.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase

from knowledge.calendar import calendar_response
from knowledge.forms import RegistrationForm
from knowledge.models.practice import DocumentStreamBlock
from limburg.blocks import ContentStreamBlock
from limburg.forms import ClassifiedPageForm
from limburg.models import (
    SYNCHRONIZED_CLASSIFICATION,
    BaseIndexPage,
    BasePage,
    PlacesMixin,
    ThemesMixin,
    in_site_of,
)
from limburg.translation import with_teaser_images


class EventIndexPage(RoutablePageMixin, BaseIndexPage):
    """The events of the learning network: upcoming first, then past ones with their materials."""

    parent_page_types = ["knowledge.KnowledgeIndexPage", "limburg.HomePage"]
    subpage_types = ["knowledge.EventPage"]
    past_per_page = 12

    class Meta:
        verbose_name = _("events index page")
        verbose_name_plural = _("events index pages")

    def events(self):
        """Live, public events of this language anywhere on the site (partners organise some)."""
        return (
            EventPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .filter(in_site_of(self))
            .select_related("organiser")
        )

    def upcoming(self):
        return self.events().filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.events().filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def child_pages(self):
        """The coming events (the past ones are paged separately)."""
        return self.upcoming()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        past = Paginator(self.past(), self.past_per_page).get_page(request.GET.get("page"))
        past.object_list = with_teaser_images(past.object_list)
        context["past"] = past
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    # Wagtail's page paths allow only letters, digits, "-" and "_" per segment.
    @path("agenda/", name="calendar")
    def calendar(self, request):
        return calendar_response(
            self.upcoming(), request, name=self.title, filename=f"{self.slug}.ics"
        )


class EventPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(RoutablePageMixin, ThemesMixin, PlacesMixin, BasePage):
    class Registration(models.TextChoices):
        NONE = "none", _("no registration needed")
        EXTERNAL = "external", _("on another website")
        FORM = "form", _("with the form on this site")

    schema_type = "Event"

    start = models.DateTimeField(_("start"), help_text=_("Date and time, Dutch time."))
    end = models.DateTimeField(_("end"), help_text=_("Date and time, Dutch time."))
    is_online = models.BooleanField(_("online"), default=False)
    online_url = models.URLField(
        _("online meeting link"),
        blank=True,
        help_text=_("Shown on the event page. Leave empty when the organiser sends it separately."),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_("Street and number, postcode and town."),
    )
    organiser = models.ForeignKey(
        "limburg.Organisation",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(
        _("for whom"),
        max_length=255,
        blank=True,
        help_text=_("e.g. ‘professionals in the wijk, residents, municipalities’."),
    )
    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, default=Registration.NONE
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("With the form: how many people can come. Empty: no limit."),
    )
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_("An invented event to show how events look; labelled as an example."),
    )
    body = StreamField(ContentStreamBlock(), verbose_name=_("programme"), blank=True)
    report = models.TextField(
        _("short report"), blank=True, help_text=_("Afterwards: what was shared and learnt.")
    )
    recording_url = models.URLField(_("recording"), blank=True)
    materials = StreamField(
        DocumentStreamBlock(),
        verbose_name=_("materials"),
        blank=True,
        help_text=_("Afterwards: slides, hand-outs, documents."),
    )
    tags = ClusterTaggableManager(through=EventPageTag, verbose_name=_("tags"), blank=True)

    base_form_class = ClassifiedPageForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel(
            [
                FieldPanel("is_online"),
                FieldPanel("online_url"),
                FieldPanel("venue"),
                FieldPanel("address"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("organiser"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("registration"), FieldPanel("registration_url"), FieldPanel("capacity")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("report"), FieldPanel("recording_url"), FieldPanel("materials")],
            heading=_("After the event"),
        ),
        MultiFieldPanel(
            [*ThemesMixin.panels, *PlacesMixin.panels, FieldPanel("tags")],
            heading=_("Classification"),
        ),
        FieldPanel("is_example"),
    ]
    promote_panels = BasePage.promote_panels_without_summary
    # A postal address is the same in every language.
    override_translatable_fields = [*SYNCHRONIZED_CLASSIFICATION, SynchronizedField("address")]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("audience"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.SearchField("report"),
        index.FilterField("start"),
        *ThemesMixin.search_fields,
        *PlacesMixin.search_fields,
    ]

    parent_page_types = ["knowledge.EventIndexPage", "limburg.PartnerPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.registration == self.Registration.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the link where people register.")
        # Past events may come from sources that do not say where they were.
        upcoming = self.start and self.start > timezone.now()
        if upcoming and not self.is_online and not (self.venue or self.address):
            errors["address"] = _("Give a venue or address, or mark the event as online.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def has_materials(self):
        return bool(self.report or self.recording_url or self.materials)

    @property
    def location_text(self):
        if self.is_online:
            return str(_("Online"))
        return ", ".join(part for part in (self.venue, self.address) if part) or str(
            _("location not known")
        )

    @cached_property
    def confirmed_count(self):
        """Registered in any language: the Dutch and English pages are one event."""
        return (
            EventRegistration.for_event(self)
            .filter(status=EventRegistration.Status.CONFIRMED)
            .count()
        )

    @property
    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def takes_registrations(self):
        return self.registration == self.Registration.FORM and not self.is_past and self.live

    def structured_data(self, request):
        data = super().structured_data(request)
        data["startDate"] = timezone.localtime(self.start).isoformat()
        data["endDate"] = timezone.localtime(self.end).isoformat()
        data["eventAttendanceMode"] = (
            "https://schema.org/OnlineEventAttendanceMode"
            if self.is_online
            else "https://schema.org/OfflineEventAttendanceMode"
        )
        if self.is_online:
            data["location"] = {"@type": "VirtualLocation", "url": self.online_url or data["url"]}
        else:
            data["location"] = {
                "@type": "Place",
                "name": self.venue or self.address,
                "address": self.address,
            }
        if self.organiser_id:
            data["organizer"] = {"@type": "Organization", "name": self.organiser.name}
        return data

    @path("")
    def detail(self, request):
        return self.render(request, context_overrides={"form": RegistrationForm()})

    @path("agenda/", name="ics")
    def ics(self, request):
        return calendar_response([self], request, name=self.title, filename=f"{self.slug}.ics")

    # The views import the models, so the models import the views when called.
    @path("aanmelden/", name="register")
    def register(self, request):
        from knowledge.views_events import register

        return register(request, self)

    @path("afmelden/", name="cancel")
    def cancel(self, request):
        from knowledge.views_events import cancel

        return cancel(request, self)


def lock_event(event):
    """Hold the event's page rows (every language version) until the transaction ends.

    On PostgreSQL a second registration or cancellation waits here; SQLite takes
    its write lock when the transaction writes.
    """
    list(
        Page.objects.select_for_update()
        .filter(translation_key=event.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


class EventRegistration(models.Model):
    """Someone who registered through the form. Personal data: never shown publicly, and
    deleted three months after the event (`purge_event_registrations`)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("registered")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # One active registration per address per event.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~models.Q(status="cancelled"),
                name="one_active_registration_per_email",
            ),
        ]

    def __str__(self):
        # No name: admin history keeps this label after the registration is purged.
        return f"#{self.pk} ({self.get_status_display()})"

    @classmethod
    def for_event(cls, event):
        """The registrations of an event in every language: one event, one capacity."""
        return cls.objects.filter(event__translation_key=event.translation_key)

    @classmethod
    @transaction.atomic
    def register(cls, event, *, name, email, organisation=""):
        """Register, or put on the waiting list when the event is full.

        Returns (registration, created, promoted): an address already registered
        gets its registration back; ``promoted`` are waiting people who got a place
        that had become free (their e-mail is the caller's to send).
        """
        lock_event(event)
        promoted = fill_places(event)
        active = cls.for_event(event).exclude(status=cls.Status.CANCELLED)
        existing = active.filter(email__iexact=email).first()
        if existing is not None:
            return existing, False, promoted
        confirmed = active.filter(status=cls.Status.CONFIRMED).count()
        full = event.capacity is not None and confirmed >= event.capacity
        registration = cls.objects.create(
            event=event,
            name=name,
            email=email.lower(),
            organisation=organisation,
            status=cls.Status.WAITING if full else cls.Status.CONFIRMED,
        )
        return registration, True, promoted

    @transaction.atomic
    def cancel(self):
        """Cancel; freed places go to the first on the waiting list, who are returned."""
        lock_event(self.event)
        # Another request may have cancelled it while this one waited for the lock.
        self.refresh_from_db(fields=["status"])
        if self.status == self.Status.CANCELLED:
            return []
        self.status = self.Status.CANCELLED
        self.save(update_fields=["status", "updated_at"])
        return fill_places(self.event)


def fill_places(event):
    """Give free places to the waiting list, oldest first; return who got one.

    Call it holding the event's lock. Places free up by cancelling, by an editor
    deleting a registration or raising the capacity; a past event takes no one.
    """
    event = EventPage.objects.get(pk=event.pk)
    if event.end < timezone.now():
        return []
    registrations = EventRegistration.for_event(event)
    waiting = registrations.filter(status=EventRegistration.Status.WAITING).order_by(
        "created_at", "pk"
    )
    if event.capacity is None:
        free = waiting.count()
    else:
        confirmed = registrations.filter(status=EventRegistration.Status.CONFIRMED).count()
        free = max(event.capacity - confirmed, 0)
    promoted = list(waiting[:free])
    for registration in promoted:
        registration.status = EventRegistration.Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
    return promoted
